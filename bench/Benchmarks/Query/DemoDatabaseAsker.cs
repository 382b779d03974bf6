using OrleansAssistant.CustomerDatabases.Demo;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Benchmarks.Query;

/// <summary>Queries "Demo Sales" through its database grain, the path a user's question takes; any failure stops the run.</summary>
internal sealed class DemoDatabaseAsker(IGrainFactory grains)
{
    private readonly IDatabaseConnectionGrain _database = grains.GetGrain<IDatabaseConnectionGrain>(DemoSalesDatabase.DatabaseId);

    /// <summary>Runs <paramref name="sql"/> as <paramref name="userId"/> and returns its rows.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<string?>>> AskAsync(long userId, string sql)
    {
        var result = await _database.QueryAsync(userId, sql);
        // A refused or failed query is fast, so its timing would flatter the figures.
        if (!result.Succeeded) throw new InvalidOperationException($"Query {result.Outcome}: {result.Message} ({sql})");
        if (result.Rows.Count == 0) throw new InvalidOperationException($"Query returned no rows: {sql}");
        return result.Rows;
    }
}
