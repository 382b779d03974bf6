namespace OrleansAssistant.Grains.Interfaces.Schedules;

/// <summary>Notices for chats; each is handed out once, to one gateway, by a conditional update of its row. Stateless: use key 0.</summary>
[Alias("OrleansAssistant.IScheduleNoticesGrain")]
public interface IScheduleNoticesGrain : IGrainWithIntegerKey
{
    [Alias("Take")]
    Task<IReadOnlyList<ScheduleNotice>> TakeAsync(int max);
}
