using System.Text;
using OrleansAssistant.Grains.Interfaces.Schedules;
using Telegram.Bot.Types.ReplyMarkups;

namespace OrleansAssistant.Gateway.Bot.Schedules;

/// <summary>What the dialog message shows at each step: the choices so far, the question, and its buttons (always with [✖ Cancel]).</summary>
internal static class FlowSteps
{
    public static readonly TimeSpan[] OfferedTimes =
        [TimeSpan.FromHours(7), TimeSpan.FromHours(8), TimeSpan.FromHours(9), TimeSpan.FromHours(12), TimeSpan.FromHours(17), TimeSpan.FromHours(18)];

    public static (string Html, InlineKeyboardMarkup Keyboard) Show(ScheduleDraft draft, bool offerEvery15Minutes, string? problem = null)
    {
        var text = new StringBuilder(draft.Kind == ScheduleKind.Alert ? "🔔 <b>New alert</b> on this answer's number" : "⏰ <b>New schedule</b> of this answer");
        foreach (var line in Chosen(draft)) text.Append('\n').Append(line);
        if (problem is not null) text.Append("\n\n⚠️ ").Append(problem);
        text.Append("\n\n").Append(Question(draft));
        return (text.ToString(), new InlineKeyboardMarkup(Buttons(draft, offerEvery15Minutes)));
    }

    private static IEnumerable<string> Chosen(ScheduleDraft draft)
    {
        if (draft.Condition is { } condition && draft.Threshold is { } threshold) yield return "Tells you " + ScheduleTexts.Watch(new AlertRule(condition, threshold));
        else if (draft.Condition is { } only) yield return "Tells you " + (only == AlertCondition.ChangesFrom ? "when it changes from …" : $"when it is {only.ToString().ToLowerInvariant()} …");
        if (draft.Step is DraftStep.Delivery or DraftStep.Confirm)
        {
            var check = draft.Kind == ScheduleKind.Alert ? "Checked " : "Runs ";
            yield return check + ScheduleTexts.Html(ScheduleTexts.RhythmWithZone(draft.ToRhythm()));
        }
        if (draft.EmailTo is { Count: > 0 } to) yield return "Also e-mailed to " + ScheduleTexts.Html(string.Join(", ", to));
        if (draft.WebhookUrl is { } url) yield return "Also posted to " + ScheduleTexts.Html(url);
    }

    private static string Question(ScheduleDraft draft) => draft.Step switch
    {
        DraftStep.Rhythm => "How often?",
        DraftStep.Day => "On which day?",
        DraftStep.Time => $"At what time? ({ScheduleTexts.Html(draft.TimeZone)} time; {ScheduleChangeTexts.TimeZoneHint})",
        DraftStep.Cron => $"Reply to my message below with the five cron fields ({ScheduleTexts.Html(draft.TimeZone)} time).",
        DraftStep.Delivery => "Where should the result go besides this chat?",
        DraftStep.Condition => "Tell you when the number is…",
        DraftStep.Threshold => "Reply to my message below with the number.",
        DraftStep.Check => $"How often should I check it? ({ScheduleTexts.Html(draft.TimeZone)} time)",
        _ => "Create it?",
    };

    private static List<List<InlineKeyboardButton>> Buttons(ScheduleDraft draft, bool offerEvery15Minutes)
    {
        List<List<InlineKeyboardButton>> rows = draft.Step switch
        {
            DraftStep.Rhythm =>
            [
                [FlowButtons.Button("Every day", FlowButtons.Rhythm, "daily"), FlowButtons.Button("Weekdays", FlowButtons.Rhythm, "weekdays")],
                [FlowButtons.Button("Every week", FlowButtons.Rhythm, "weekly"), FlowButtons.Button("1st of month", FlowButtons.Rhythm, "monthly")],
                [FlowButtons.Button("Custom cron", FlowButtons.Rhythm, "cron")],
            ],
            DraftStep.Day =>
            [
                [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday }.Select(DayButton)],
                [.. new[] { DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday }.Select(DayButton)],
            ],
            DraftStep.Time =>
            [
                [.. OfferedTimes.Take(3).Select(TimeButton)],
                [.. OfferedTimes.Skip(3).Select(TimeButton)],
                [FlowButtons.Button("Other time", FlowButtons.Time, "other")],
            ],
            DraftStep.Delivery =>
            [
                [FlowButtons.Button("Chat only", FlowButtons.Delivery, "chat"), FlowButtons.Button("+ E-mail", FlowButtons.Delivery, "email"),
                 FlowButtons.Button("+ Webhook", FlowButtons.Delivery, "webhook")],
            ],
            DraftStep.Condition =>
            [
                [FlowButtons.Button("Above", FlowButtons.Condition, "above"), FlowButtons.Button("Below", FlowButtons.Condition, "below"),
                 FlowButtons.Button("Changes", FlowButtons.Condition, "changes")],
            ],
            DraftStep.Threshold when draft is { Condition: AlertCondition.ChangesFrom, CurrentValue: { } current } =>
                [[FlowButtons.Button($"From {ScheduleTexts.Number(current)} (its value now)", FlowButtons.UseCurrent, "now")]],
            DraftStep.Check =>
            [
                [.. (offerEvery15Minutes ? [FlowButtons.Button("Every 15 min", FlowButtons.Check, "15m")] : Array.Empty<InlineKeyboardButton>()),
                 FlowButtons.Button("Hourly", FlowButtons.Check, "hourly"), FlowButtons.Button("Daily at 09:00", FlowButtons.Check, "daily")],
            ],
            DraftStep.Confirm => [[FlowButtons.CreateButton], [.. Extras(draft)]],
            _ => [],
        };
        rows.Add([FlowButtons.CancelButton]);
        return [.. rows.Where(row => row.Count > 0)];
    }

    // Until created, a report may still gain an e-mail or a webhook.
    private static IEnumerable<InlineKeyboardButton> Extras(ScheduleDraft draft)
    {
        if (draft.Kind != ScheduleKind.Report) yield break;
        if (draft.EmailTo is not { Count: > 0 }) yield return FlowButtons.Button("+ E-mail", FlowButtons.Delivery, "email");
        if (draft.WebhookUrl is null) yield return FlowButtons.Button("+ Webhook", FlowButtons.Delivery, "webhook");
    }

    private static InlineKeyboardButton DayButton(DayOfWeek day) =>
        FlowButtons.Button(day.ToString()[..3], FlowButtons.Day, ((int)day).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static InlineKeyboardButton TimeButton(TimeSpan time) =>
        FlowButtons.Button(ScheduleTexts.Time(time), FlowButtons.Time, time.ToString("hhmm", System.Globalization.CultureInfo.InvariantCulture));
}
