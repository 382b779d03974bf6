using Orleans.Concurrency;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Grains.Interfaces.Schedules;

/// <summary>Lists schedules from the <c>Schedules</c> table. Stateless: use key 0.</summary>
[Alias("OrleansAssistant.IScheduleListGrain")]
public interface IScheduleListGrain : IGrainWithIntegerKey
{
    /// <summary>The asker's own schedules and alerts, oldest first.</summary>
    [ReadOnly, Alias("Mine")]
    Task<IReadOnlyList<ScheduleView>> MineAsync(Principal asker);

    /// <summary>Every schedule of the organization's members (its owner only; anyone else gets their own).</summary>
    [ReadOnly, Alias("Organization")]
    Task<IReadOnlyList<ScheduleView>> OrganizationAsync(Principal asker, string orgId);
}
