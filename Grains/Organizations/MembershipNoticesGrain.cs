using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Storage;

namespace OrleansAssistant.Grains.Organizations;

/// <summary>
/// Holds membership notices until a bot relay takes them. Invitations and departures are rare, so one
/// persistent queue is enough; taking removes, so each notice is told once whichever gateway asks.
/// </summary>
public sealed class MembershipNoticesGrain(
    [PersistentState(MembershipNoticesGrain.StateName, StorageNames.Grains)] IPersistentState<MembershipNoticesState> notices)
    : Grain, IMembershipNoticesGrain
{
    public const string StateName = "membershipNotices";
    private const int MostPerCall = 100;

    public async Task AddAsync(MembershipNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        notices.State.LastId++;
        notices.State.Queue.Add(notice with { NoticeId = notices.State.LastId });
        await notices.WriteStateAsync();
    }

    public async Task<IReadOnlyList<MembershipNotice>> TakeAsync(int max)
    {
        var count = Math.Min(Math.Clamp(max, 0, MostPerCall), notices.State.Queue.Count);
        if (count == 0) return [];
        var taken = notices.State.Queue.GetRange(0, count);
        notices.State.Queue.RemoveRange(0, count);
        await notices.WriteStateAsync();
        return taken;
    }
}
