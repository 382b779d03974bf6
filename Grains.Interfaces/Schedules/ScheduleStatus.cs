namespace OrleansAssistant.Grains.Interfaces.Schedules;

[GenerateSerializer, Alias("OrleansAssistant.ScheduleStatus")]
public enum ScheduleStatus
{
    Active,
    Paused,
}
