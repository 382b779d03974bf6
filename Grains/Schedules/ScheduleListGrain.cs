using Orleans.Concurrency;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Schedules.Store;

namespace OrleansAssistant.Grains.Schedules;

/// <summary>Reads lists of schedules straight from <c>Schedules</c>; stateless, so any number of lists are read at once.</summary>
[StatelessWorker]
public sealed class ScheduleListGrain(ScheduleStore store) : Grain, IScheduleListGrain
{
    public Task<IReadOnlyList<ScheduleView>> MineAsync(Principal asker) => store.ListOfOwnerAsync(asker.UserId, CancellationToken.None);

    public Task<IReadOnlyList<ScheduleView>> OrganizationAsync(Principal asker, string orgId) =>
        SchedulePermissions.IsOwnerOf(asker, orgId)
            ? store.ListOfOrganizationAsync(orgId, CancellationToken.None)
            : store.ListOfOwnerAsync(asker.UserId, CancellationToken.None);
}
