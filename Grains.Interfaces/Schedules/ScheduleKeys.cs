namespace OrleansAssistant.Grains.Interfaces.Schedules;

/// <summary>Schedule ids and their grain keys. The "sched_" prefix keeps a key from looking hexadecimal to ADO.NET storage.</summary>
public static class ScheduleKeys
{
    public const string Prefix = "sched_";

    public static string NewId() => Prefix + Guid.NewGuid().ToString("N");

    public static bool IsScheduleId(string? id) =>
        id is { Length: 38 } && id.StartsWith(Prefix, StringComparison.Ordinal) && id[Prefix.Length..].All(char.IsAsciiHexDigitLower);

    /// <summary>A run's id: the schedule and the instant it was due, so a reminder that fires twice finds the run already claimed.</summary>
    public static string RunId(string scheduleId, DateTimeOffset dueAt) =>
        $"{scheduleId}@{dueAt.UtcDateTime:yyyyMMdd'T'HHmm'Z'}";

    /// <summary>A "run now" press: named by its minute too, so a double press runs once, but never the due run of that minute.</summary>
    public static string ManualRunId(string scheduleId, DateTimeOffset pressedAt) => RunId(scheduleId, pressedAt) + "/now";
}
