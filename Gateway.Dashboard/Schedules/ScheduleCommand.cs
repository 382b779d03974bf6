namespace OrleansAssistant.Gateway.Dashboard.Schedules;

/// <summary>What a button on the Schedules tab asks of one schedule.</summary>
internal enum ScheduleCommand
{
    Pause,
    Resume,
    RunNow,
    Delete,
}
