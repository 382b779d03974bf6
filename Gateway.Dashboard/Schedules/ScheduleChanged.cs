namespace OrleansAssistant.Gateway.Dashboard.Schedules;

/// <summary>A change that was made: the schedule as it is now (null once deleted) and a sentence saying what happened.</summary>
public sealed record ScheduleChanged(ScheduleRow? Schedule, string Message);
