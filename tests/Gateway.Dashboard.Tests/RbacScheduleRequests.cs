using OrleansAssistant.Grains.Interfaces.Schedules;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>
/// Requests of the access table that name a schedule of organization A's member, each made fresh. The member may change
/// their own schedule, so only the callers who are refused are checked to have left it untouched.
/// </summary>
public static class RbacScheduleRequests
{
    public static async Task<RbacRequest> Runs(RbacFixture f, RbacCaller caller) =>
        new($"{await PathAsync(f, paused: false)}/runs");

    public static async Task<RbacRequest> Pause(RbacFixture f, RbacCaller caller)
    {
        var (path, id) = await ScheduleOfAAsync(f, paused: false);
        return new RbacRequest($"{path}/pause", TargetUntouched: caller == RbacCaller.Member ? null : async () => await StatusAsync(f, id) == ScheduleStatus.Active);
    }

    public static async Task<RbacRequest> Resume(RbacFixture f, RbacCaller caller)
    {
        var (path, id) = await ScheduleOfAAsync(f, paused: true);
        return new RbacRequest($"{path}/resume", TargetUntouched: caller == RbacCaller.Member ? null : async () => await StatusAsync(f, id) == ScheduleStatus.Paused);
    }

    public static async Task<RbacRequest> RunNow(RbacFixture f, RbacCaller caller) =>
        new($"{(await ScheduleOfAAsync(f, paused: false, ScheduleSeed.NoRowsSql)).Path}/run");

    public static async Task<RbacRequest> Delete(RbacFixture f, RbacCaller caller)
    {
        var (path, id) = await ScheduleOfAAsync(f, paused: false);
        return new RbacRequest(path, TargetUntouched: caller == RbacCaller.Member ? null : async () => await StatusAsync(f, id) is not null);
    }

    private static async Task<string> PathAsync(RbacFixture f, bool paused) => (await ScheduleOfAAsync(f, paused)).Path;

    private static async Task<(string Path, string ScheduleId)> ScheduleOfAAsync(RbacFixture f, bool paused, string sql = ScheduleSeed.Sql)
    {
        await DeleteEarlierSchedulesAsync(f);
        var database = await f.Host.AddSqliteDatabaseAsync(f.A.OwnerId);
        var schedule = (await f.Host.NewScheduleAsync(f.A.MemberId, f.A.OrgId, database.DatabaseId, sql: sql)).Schedule!;
        if (paused)
        {
            var change = await Grain(f, schedule.ScheduleId).PauseAsync(await f.Host.PrincipalAsync(f.A.MemberId));
            Assert.True(change.IsDone, change.ToString());
        }
        return ($"/dashboard/schedules/{schedule.ScheduleId}", schedule.ScheduleId);
    }

    /// <summary>The cases of the table share one member, who may own only so many schedules: each case starts from none.</summary>
    private static async Task DeleteEarlierSchedulesAsync(RbacFixture f)
    {
        var member = await f.Host.PrincipalAsync(f.A.MemberId);
        foreach (var earlier in await f.Host.Grains.GetGrain<IScheduleListGrain>(0).MineAsync(member))
        {
            await Grain(f, earlier.ScheduleId).DeleteAsync(member);
        }
    }

    private static async Task<ScheduleStatus?> StatusAsync(RbacFixture f, string scheduleId) =>
        (await Grain(f, scheduleId).GetAsync(await f.Host.PrincipalAsync(f.A.MemberId)))?.Status;

    private static IScheduleGrain Grain(RbacFixture f, string scheduleId) => f.Host.Grains.GetGrain<IScheduleGrain>(scheduleId);
}
