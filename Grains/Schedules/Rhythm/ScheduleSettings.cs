namespace OrleansAssistant.Grains.Schedules.Rhythm;

/// <summary>Limits on schedules (<c>Schedules:*</c>).</summary>
public sealed record ScheduleSettings
{
    public static readonly ScheduleSettings Default = new();

    /// <summary><c>Schedules:MinimumIntervalMinutes</c> (default 15): no rhythm may run two times closer than this.</summary>
    public TimeSpan MinimumInterval { get; init; } = TimeSpan.FromMinutes(15);
}
