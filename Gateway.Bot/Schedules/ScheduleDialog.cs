using System.Globalization;
using OrleansAssistant.Gateway.Bot.Answers;
using OrleansAssistant.Gateway.Bot.Callbacks;
using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Interfaces.Users;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace OrleansAssistant.Gateway.Bot.Schedules;

/// <summary>
/// [⏰ Schedule] and [🔔 Alert] under an answer open a dialog in one new message, which each press edits in place:
/// rhythm, day, time, delivery for a report; condition, threshold, check rhythm for an alert; then [✅ Create].
/// </summary>
internal sealed class ScheduleDialog(IGrainFactory grains, BotReplies replies, PendingSchedules pending, FlowMessages flow, ScheduleCreation creation)
{
    public const string OnlyTheStarter = "Only the person who started this can choose here.";

    public async Task StartAsync(CallbackQuery query, AnswerCallback press, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<IUserGrain>(query.From.Id).GetInfoAsync() is not { } info || query.Message is not { } answer)
        {
            await ToastAsync(query, "Send /start first, then ask again.", cancellationToken);
            return;
        }
        await ToastAsync(query, null, cancellationToken);
        var kind = press.Button == AnswerButton.Alert ? ScheduleKind.Alert : ScheduleKind.Report;
        var draft = new ScheduleDraft(query.From.Id, answer.Chat.Id, 0, press.ConversationId, kind, info.TimeZone,
            kind == ScheduleKind.Alert ? DraftStep.Condition : DraftStep.Rhythm,
            CurrentValue: kind == ScheduleKind.Alert ? AnswerValue.TryRead(answer.Text) : null);
        await flow.OpenAsync(draft, answer.Id, cancellationToken);
    }

    public async Task PressAsync(CallbackQuery query, string data, CancellationToken cancellationToken)
    {
        var draft = query.Message is { } message ? pending.Find(message.Chat.Id, message.Id) : null;
        if (draft is null || FlowButtons.TryRead(data) is not { } choice)
        {
            await ToastAsync(query, FeedbackTexts.NoLongerWorks, cancellationToken);
            return;
        }
        if (query.From.Id != draft.UserId)
        {
            await ToastAsync(query, OnlyTheStarter, cancellationToken);
            return;
        }
        if (choice.Choice == FlowButtons.Cancel)
        {
            await ToastAsync(query, null, cancellationToken);
            await flow.CloseAsync(draft, "✖ Cancelled: nothing was scheduled.", cancellationToken);
            return;
        }
        if (choice.Choice == FlowButtons.Create && draft.Step == DraftStep.Confirm)
        {
            await ToastAsync(query, null, cancellationToken);
            await creation.CreateAsync(draft, cancellationToken);
            return;
        }
        if (Next(draft, choice.Choice, choice.Value) is not { } next)
        {
            await ToastAsync(query, FeedbackTexts.NoLongerWorks, cancellationToken);
            return;
        }
        await ToastAsync(query, null, cancellationToken);
        if (next.Prompt is { } prompt) await flow.PromptAsync(next.Draft, prompt, changed: next.Draft != draft, cancellationToken);
        else await flow.ShowAsync(next.Draft, cancellationToken);
    }

    /// <returns>The draft after the choice and the reply prompt it needs, or null when the choice does not belong to the step.</returns>
    private static (ScheduleDraft Draft, PromptKind? Prompt)? Next(ScheduleDraft draft, string choice, string value) => (draft.Step, choice, value) switch
    {
        (DraftStep.Rhythm, FlowButtons.Rhythm, "daily") => (draft with { Step = DraftStep.Time, Rhythm = RhythmKind.Daily }, null),
        (DraftStep.Rhythm, FlowButtons.Rhythm, "weekdays") => (draft with { Step = DraftStep.Time, Rhythm = RhythmKind.Weekdays }, null),
        (DraftStep.Rhythm, FlowButtons.Rhythm, "weekly") => (draft with { Step = DraftStep.Day, Rhythm = RhythmKind.Weekly }, null),
        (DraftStep.Rhythm, FlowButtons.Rhythm, "monthly") => (draft with { Step = DraftStep.Time, Rhythm = RhythmKind.MonthlyFirst }, null),
        (DraftStep.Rhythm, FlowButtons.Rhythm, "cron") => (draft with { Step = DraftStep.Cron, Rhythm = RhythmKind.Cron }, PromptKind.Cron),
        (DraftStep.Day, FlowButtons.Day, _) when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day is >= 0 and <= 6 =>
            (draft with { Step = DraftStep.Time, Day = (DayOfWeek)day }, null),
        (DraftStep.Time, FlowButtons.Time, "other") => (draft, PromptKind.Time),
        (DraftStep.Time, FlowButtons.Time, _) when FlowSteps.OfferedTimes.FirstOrDefault(time => Code(time) == value) is { } time && time != default =>
            (draft with { Step = DraftStep.Delivery, Time = time }, null),
        (DraftStep.Delivery, FlowButtons.Delivery, "chat") => (draft with { Step = DraftStep.Confirm }, null),
        (DraftStep.Delivery or DraftStep.Confirm, FlowButtons.Delivery, "email") when draft.Kind == ScheduleKind.Report => (draft, PromptKind.Recipients),
        (DraftStep.Delivery or DraftStep.Confirm, FlowButtons.Delivery, "webhook") when draft.Kind == ScheduleKind.Report => (draft, PromptKind.Webhook),
        (DraftStep.Condition, FlowButtons.Condition, "above") => (draft with { Step = DraftStep.Threshold, Condition = AlertCondition.Above }, PromptKind.Threshold),
        (DraftStep.Condition, FlowButtons.Condition, "below") => (draft with { Step = DraftStep.Threshold, Condition = AlertCondition.Below }, PromptKind.Threshold),
        (DraftStep.Condition, FlowButtons.Condition, "changes") =>
            (draft with { Step = DraftStep.Threshold, Condition = AlertCondition.ChangesFrom }, PromptKind.Threshold),
        (DraftStep.Threshold, FlowButtons.UseCurrent, "now") when draft.CurrentValue is { } current =>
            (draft with { Step = DraftStep.Check, Threshold = current }, null),
        (DraftStep.Check, FlowButtons.Check, "15m") => (Checked(draft, ScheduleRhythm.Cron(AlertChecks.Every15MinutesCron, draft.TimeZone)), null),
        (DraftStep.Check, FlowButtons.Check, "hourly") => (Checked(draft, ScheduleRhythm.Cron(AlertChecks.HourlyCron, draft.TimeZone)), null),
        (DraftStep.Check, FlowButtons.Check, "daily") => (Checked(draft, ScheduleRhythm.Daily(AlertChecks.DailyAt, draft.TimeZone)), null),
        _ => null,
    };

    private static ScheduleDraft Checked(ScheduleDraft draft, ScheduleRhythm rhythm) =>
        draft with { Step = DraftStep.Confirm, Rhythm = rhythm.Kind, Time = rhythm.TimeOfDay, CronText = rhythm.CronText };

    private static string Code(TimeSpan time) => time.ToString("hhmm", CultureInfo.InvariantCulture);

    private Task ToastAsync(CallbackQuery query, string? text, CancellationToken cancellationToken) =>
        replies.Bot.AnswerCallbackQuery(query.Id, text is null ? null : CallbackText.Fit(text), cancellationToken: cancellationToken);
}
