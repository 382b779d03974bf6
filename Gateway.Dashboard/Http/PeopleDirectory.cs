using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Gateway.Dashboard.Http;

/// <summary>Looks up several people at once (one user-grain call each, in parallel).</summary>
internal sealed class PeopleDirectory(IGrainFactory grains)
{
    public async Task<IReadOnlyDictionary<long, UserInfo?>> LookUpAsync(IEnumerable<long> userIds)
    {
        var ids = userIds.Distinct().ToArray();
        var infos = await Task.WhenAll(ids.Select(id => grains.GetGrain<IUserGrain>(id).GetInfoAsync()));
        return ids.Zip(infos).ToDictionary(pair => pair.First, pair => pair.Second);
    }

    public async Task<IReadOnlyDictionary<long, string>> NamesAsync(IEnumerable<long> userIds)
    {
        var people = await LookUpAsync(userIds);
        return people.ToDictionary(pair => pair.Key, pair => PersonName.Of(pair.Value, pair.Key));
    }
}
