using OrleansAssistant.Gateway.Bot.Callbacks;
using OrleansAssistant.Gateway.Bot.Commands;
using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Interfaces.Users;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace OrleansAssistant.Gateway.Bot.Schedules;

/// <summary>
/// /schedules: one message per schedule or alert of the person, each with [⏸ Pause] or [▶ Resume], [▶ Run now] and [🗑 Delete]
/// (which asks first). Private chats only: the list shows SQL-backed titles and webhook addresses.
/// </summary>
internal sealed class ScheduleCommands(IGrainFactory grains, BotReplies replies, BotIdentity identity)
{
    public async Task ListAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!request.IsPrivateChat)
        {
            var where = identity.Username is { } name ? $"@{ScheduleTexts.Html(name)}" : "me";
            await replies.SendAsync(request.ChatId, $"Schedules are managed in private: open a chat with {where} and send /schedules there.", cancellationToken);
            return;
        }
        var schedules = await grains.GetGrain<IScheduleListGrain>(0).MineAsync(request.Principal!);
        if (schedules.Count == 0)
        {
            await replies.SendAsync(request.ChatId,
                "You have no schedules or alerts yet. Under an answer with rows, open [More ▾] and press [⏰ Schedule]; under an answer that is one number, [🔔 Alert].",
                cancellationToken);
            return;
        }
        await replies.SendAsync(request.ChatId, $"<b>Your schedules and alerts ({schedules.Count})</b>", cancellationToken);
        foreach (var schedule in schedules)
        {
            await replies.SendAsync(request.ChatId, ScheduleCard.For(schedule), cancellationToken,
                ManageButtons.For(schedule.ScheduleId, schedule.Status == ScheduleStatus.Paused));
        }
    }

    public async Task PressAsync(CallbackQuery query, string data, CancellationToken cancellationToken)
    {
        if (ManageButtons.TryRead(data) is not { } press || query.Message is not { } card)
        {
            await ToastAsync(query, "This button no longer works.", cancellationToken);
            return;
        }
        var asker = await grains.GetGrain<IUserGrain>(query.From.Id).GetPrincipalAsync();
        var schedule = grains.GetGrain<IScheduleGrain>(press.ScheduleId);
        if (asker is null)
        {
            await ToastAsync(query, ScheduleChangeTexts.NoLongerExists, cancellationToken);
            return;
        }
        switch (press.Action)
        {
            case ManageAction.Delete:
                await ToastAsync(query, null, cancellationToken);
                if (await schedule.GetAsync(asker) is { } shown)
                {
                    await EditAsync(card, ScheduleCard.For(shown) + "\n\n<b>Delete it for good?</b>", ManageButtons.ConfirmDelete(press.ScheduleId), cancellationToken);
                }
                else
                {
                    await EditAsync(card, ScheduleChangeTexts.NoLongerExists, null, cancellationToken);
                }
                return;
            case ManageAction.KeepIt:
                await ToastAsync(query, null, cancellationToken);
                await ShowAsync(card, await schedule.GetAsync(asker), cancellationToken);
                return;
        }
        var change = press.Action switch
        {
            ManageAction.Pause => await schedule.PauseAsync(asker),
            ManageAction.Resume => await schedule.ResumeAsync(asker),
            ManageAction.RunNow => await schedule.RunNowAsync(asker),
            _ => await schedule.DeleteAsync(asker),
        };
        await ToastAsync(query, Toast(press.Action, change), cancellationToken);
        // A card shows its owner's schedule: only their own press may change what it says.
        if (card.Chat.Id != query.From.Id) return;
        if (change.Status is ScheduleChangeStatus.NotFound)
        {
            await EditAsync(card, ScheduleChangeTexts.NoLongerExists, null, cancellationToken);
            return;
        }
        if (press.Action == ManageAction.ConfirmDelete && change.IsDone)
        {
            await EditAsync(card, "🗑 Deleted" + (change.Schedule is { } gone ? ": " + ScheduleTexts.Html(gone.Title) : "."), null, cancellationToken);
            return;
        }
        if (change.Status == ScheduleChangeStatus.StillNotPermitted || (!change.IsDone && change.Status != ScheduleChangeStatus.Unchanged))
        {
            await replies.SendAsync(card.Chat.Id, ScheduleChangeTexts.Problem(change)!, cancellationToken);
        }
        await ShowAsync(card, change.Schedule ?? await schedule.GetAsync(asker), cancellationToken);
    }

    private static string Toast(ManageAction action, ScheduleChange change) => (action, change.Status) switch
    {
        (ManageAction.Pause, ScheduleChangeStatus.Done) => "Paused.",
        (ManageAction.Pause, ScheduleChangeStatus.Unchanged) => "It is paused already.",
        (ManageAction.Resume, ScheduleChangeStatus.Done) => "Resumed.",
        (ManageAction.Resume, ScheduleChangeStatus.Unchanged) => "It is running already.",
        (ManageAction.RunNow, ScheduleChangeStatus.Done) => "Running it now: the result comes in a moment.",
        (ManageAction.ConfirmDelete, ScheduleChangeStatus.Done) => "Deleted.",
        _ => CallbackText.Fit(Terminal.PlainText.FromHtml(ScheduleChangeTexts.Problem(change) ?? "Done.")),
    };

    private async Task ShowAsync(Message card, ScheduleView? schedule, CancellationToken cancellationToken)
    {
        if (schedule is null) await EditAsync(card, ScheduleChangeTexts.NoLongerExists, null, cancellationToken);
        else await EditAsync(card, ScheduleCard.For(schedule), ManageButtons.For(schedule.ScheduleId, schedule.Status == ScheduleStatus.Paused), cancellationToken);
    }

    private async Task EditAsync(Message card, string html, InlineKeyboardMarkup? keyboard, CancellationToken cancellationToken)
    {
        try
        {
            await replies.Bot.EditMessageText(card.Chat.Id, card.Id, html, ParseMode.Html, replyMarkup: keyboard, cancellationToken: cancellationToken);
        }
        catch (ApiRequestException)
        {
            // Deleted meanwhile, or showing this already: the change itself is done either way.
        }
    }

    private Task ToastAsync(CallbackQuery query, string? text, CancellationToken cancellationToken) =>
        replies.Bot.AnswerCallbackQuery(query.Id, text is null ? null : CallbackText.Fit(text), cancellationToken: cancellationToken);
}
