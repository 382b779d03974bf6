using OrleansAssistant.Grains.Interfaces.Schedules;

namespace OrleansAssistant.Grains.Schedules.Creation;

/// <summary>A checked request: either the refusal to return, or the schedule to store (its webhook secret in clear, to be shown once).</summary>
public sealed record ScheduleCreation(ScheduleChange? Refusal, ScheduleDefinition? Schedule)
{
    public static ScheduleCreation Refused(ScheduleChange refusal) => new(refusal, null);

    public static ScheduleCreation Refused(ScheduleChangeStatus status) => new(new ScheduleChange(status), null);

    public static ScheduleCreation Accepted(ScheduleDefinition schedule) => new(null, schedule);
}
