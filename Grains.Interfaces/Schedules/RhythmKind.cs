namespace OrleansAssistant.Grains.Interfaces.Schedules;

/// <summary>How often a schedule runs; every kind but <see cref="Cron"/> runs at the rhythm's time of day.</summary>
[GenerateSerializer, Alias("OrleansAssistant.RhythmKind")]
public enum RhythmKind
{
    Daily,
    /// <summary>Monday to Friday.</summary>
    Weekdays,
    /// <summary>Once a week, on the rhythm's day.</summary>
    Weekly,
    /// <summary>On the first day of every month.</summary>
    MonthlyFirst,
    /// <summary>A five-field cron expression (minute hour day-of-month month day-of-week); the time of day is not used.</summary>
    Cron,
}
