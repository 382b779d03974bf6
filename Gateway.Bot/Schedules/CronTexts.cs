namespace OrleansAssistant.Gateway.Bot.Schedules;

/// <summary>A custom cron typed by the person: five fields, read by the schedule grain; here only its shape is checked.</summary>
internal static class CronTexts
{
    public const string NotFiveFields =
        "That is not a five-field cron expression (minute hour day-of-month month day-of-week), like <code>0 9 * * 1-5</code> for 09:00 on weekdays. Nothing was created.";

    public static bool HasFiveFields(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) is { Length: 5 } fields && fields.All(field => field.Length <= 64);
}
