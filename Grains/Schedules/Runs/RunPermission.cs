using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Grains.Schedules.Runs;

/// <summary>
/// May the schedule's owner still run it? Asked before every run and on resume: no one is asking then, so the owner's
/// standing is read fresh from the cluster. An organization's schedule needs its owner still in that organization.
/// </summary>
public static class RunPermission
{
    /// <returns><see cref="PauseReason.None"/> when the run may go ahead; otherwise why the schedule must pause.</returns>
    public static async Task<PauseReason> CheckAsync(IGrainFactory grains, ScheduleDefinition schedule)
    {
        if (schedule.OrgId is { } orgId)
        {
            var owner = await grains.GetGrain<IUserGrain>(schedule.OwnerUserId).GetPrincipalAsync();
            if (owner?.OrgId != orgId) return PauseReason.NotMember;
        }
        var database = grains.GetGrain<IDatabaseConnectionGrain>(schedule.DatabaseId);
        if (await database.GetInfoAsync() is not { IsActive: true }) return PauseReason.DatabaseRemoved;
        return await database.CanUseAsync(schedule.OwnerUserId) ? PauseReason.None : PauseReason.AccessLost;
    }
}
