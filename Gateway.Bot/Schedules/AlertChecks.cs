namespace OrleansAssistant.Gateway.Bot.Schedules;

/// <summary>The check rhythms the alert dialog offers, as the cron texts the schedule grain reads.</summary>
internal static class AlertChecks
{
    public const string Every15MinutesCron = "*/15 * * * *";
    public const string HourlyCron = "0 * * * *";
    public static readonly TimeSpan DailyAt = TimeSpan.FromHours(9);
}
