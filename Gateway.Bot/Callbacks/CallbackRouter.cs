using OrleansAssistant.Authorization;
using OrleansAssistant.Gateway.Bot.Answers;
using OrleansAssistant.Gateway.Bot.Commands;
using OrleansAssistant.Gateway.Bot.Email;
using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Users;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace OrleansAssistant.Gateway.Bot.Callbacks;

/// <summary>
/// Inline button presses: a database choice, one of the /org lists, an e-mail draft's Send/Cancel, or an answer's buttons.
/// The policy is asked again at the press.
/// </summary>
internal sealed class CallbackRouter(IGrainFactory grains, BotReplies replies, OrganizationLists lists, EmailDraftButtons emails, CommandMenus menus,
    AnswerPresses answers, Schedules.SchedulePresses schedules, Memberships.MembershipPresses memberships)
{
    public async Task RouteAsync(CallbackQuery query, CancellationToken cancellationToken)
    {
        var data = query.Data ?? "";
        // A draft belongs to the user who asked for it; the outbox grain is keyed by that user.
        if (EmailButtons.IsEmailButton(data))
        {
            await emails.PressAsync(query, data, cancellationToken);
            return;
        }
        // An answer's files and its rating belong to the person who asked; the grains check that (and access) again.
        if (AnswerButtons.IsAnswerButton(data))
        {
            await answers.PressAsync(query, data, cancellationToken);
            return;
        }
        // A schedule dialog belongs to whoever started it; a schedule to its owner, as its grain checks.
        if (Schedules.SchedulePresses.IsScheduleButton(data))
        {
            await schedules.PressAsync(query, data, cancellationToken);
            return;
        }
        // An invitation is for the person it was sent to, a /leave confirmation for its sender: the membership grain checks.
        if (Memberships.MembershipButtons.IsMembershipButton(data))
        {
            await memberships.PressAsync(query, data, cancellationToken);
            if (query.Message?.Chat is { Type: ChatType.Private } own) await menus.ShowCurrentAsync(own.Id, query.From.Id, cancellationToken);
            return;
        }
        var principal = await grains.GetGrain<IUserGrain>(query.From.Id).GetPrincipalAsync();
        await PressAsync(query, data, principal, cancellationToken);
        // The press read the person's rights afresh; when they changed elsewhere, the private chat's menu follows.
        if (query.Message?.Chat is { Type: ChatType.Private } chat) await menus.ShowAsync(chat.Id, principal, cancellationToken);
    }

    private async Task PressAsync(CallbackQuery query, string data, Principal? principal, CancellationToken cancellationToken)
    {
        var chatId = query.Message?.Chat.Id ?? query.From.Id;
        var action = data switch
        {
            _ when data.StartsWith(DatabaseCommands.SelectPrefix, StringComparison.Ordinal) => AssistantAction.SelectDatabase,
            _ when data.StartsWith(OrganizationMenu.Prefix, StringComparison.Ordinal) => AssistantAction.OrganizationMenu,
            _ => (AssistantAction?)null,
        };
        if (action is null)
        {
            await AnswerAsync(query, "This button no longer works.", cancellationToken);
            return;
        }
        if (AuthorizationPolicy.Instance.Check(principal, action.Value) is { Allowed: false } refusal)
        {
            await AnswerAsync(query, refusal.Reason, cancellationToken);
            return;
        }

        if (action == AssistantAction.SelectDatabase)
        {
            var databaseId = data[DatabaseCommands.SelectPrefix.Length..];
            var before = (await grains.GetGrain<IUserGrain>(query.From.Id).GetInfoAsync())?.ActiveDatabaseId;
            // Selecting still checks access; when it was the chosen one already, only the button says so.
            var result = await grains.GetGrain<IDatabasesGrain>(0).SelectAsync(query.From.Id, databaseId);
            if (result.Succeeded && before == databaseId)
            {
                await AnswerAsync(query, "Already selected: your questions go to this database.", cancellationToken);
                return;
            }
            await AnswerAsync(query, result.Succeeded ? "Selected" : CallbackText.Fit(result.Message), cancellationToken);
            await replies.SendAsync(chatId, Texts.Html(result.Message), cancellationToken);
            return;
        }

        await AnswerAsync(query, null, cancellationToken);
        await replies.SendAsync(chatId, await lists.ForAsync(data, principal!.OrgId!, principal.UserId), cancellationToken);
    }

    // Telegram shows a spinner on the button until the press is answered.
    private Task AnswerAsync(CallbackQuery query, string? text, CancellationToken cancellationToken) =>
        replies.Bot.AnswerCallbackQuery(query.Id, text, cancellationToken: cancellationToken);
}
