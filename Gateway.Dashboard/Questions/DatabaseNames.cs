using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Gateway.Dashboard.Questions;

/// <summary>Names of several databases at once (one database-grain call each, in parallel); a removed database has none.</summary>
internal static class DatabaseNames
{
    public static async Task<IReadOnlyDictionary<string, string>> LookUpAsync(IGrainFactory grains, IEnumerable<string?> databaseIds)
    {
        var ids = databaseIds.OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var infos = await Task.WhenAll(ids.Select(id => grains.GetGrain<IDatabaseConnectionGrain>(id).GetInfoAsync()));
        return ids.Zip(infos).Where(pair => pair.Second is not null)
            .ToDictionary(pair => pair.First, pair => pair.Second!.Name, StringComparer.Ordinal);
    }
}
