using Npgsql;

namespace OrleansAssistant.Benchmarks.Dashboard;

/// <summary>
/// The by-model report's SQL run under EXPLAIN (ANALYZE, BUFFERS), so the database's share of a
/// request's time can be told apart from the HTTP and grain path's.
/// </summary>
internal static class ByModelQueryPlan
{
    /// <summary>
    /// CostReports.ByModelAsync on PostgreSQL for an organization over whole UTC days, as the dashboard asks:
    /// it reads the daily totals (CostSource), with the scope and range as its QueryAsync adds them.
    /// </summary>
    private const string ByModel = """
        SELECT s.Model, COALESCE(SUM(s.Calls), 0), COALESCE(SUM(CAST(s.InputTokens AS bigint)), 0), COALESCE(SUM(CAST(s.OutputTokens AS bigint)), 0),
               COALESCE(SUM(s.InputCost), 0), COALESCE(SUM(s.OutputCost), 0)
          FROM DailyModelCosts s
         WHERE s.OrgId = @scopeOrgId AND s.Day >= @from AND s.Day < @to
         GROUP BY s.Model
        """;

    public static async Task<QueryPlan> ExplainAsync(string connectionString, string orgId, ReportDays days, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"EXPLAIN (ANALYZE, BUFFERS) {ByModel}", connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("scopeOrgId", orgId);
        // The app binds UTC DateTime values (SqlDialect.Timestamp); the same here, so the plan is the app's.
        command.Parameters.AddWithValue("from", days.From.UtcDateTime);
        command.Parameters.AddWithValue("to", days.To.UtcDateTime);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) lines.Add(reader.GetString(0));
        return QueryPlan.From(days.Label, lines);
    }
}
