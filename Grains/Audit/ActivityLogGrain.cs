using Orleans.Concurrency;
using OrleansAssistant.Grains.Interfaces.Audit;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Grains.Audit;

/// <summary>Writes gateway-reported activity and reads an organization's log; stateless, so it runs beside whichever silo is asked.</summary>
[StatelessWorker]
public sealed class ActivityLogGrain(ActivityLog activity, ActivityLogReader reader) : Grain, IActivityLogGrain
{
    public async Task RecordCommandAsync(long userId, string command)
    {
        var principal = await GrainFactory.GetGrain<IUserGrain>(userId).GetPrincipalAsync();
        await activity.AppendAsync(new ActivityEntry(ActivityEvents.BotCommand, userId, principal?.OrgId, "command", command));
    }

    public Task<ActivityPage> ListAsync(string orgId, ActivityQuery query) => reader.ReadAsync(orgId, query);
}
