using System.Data.Common;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Schedules.Store;

public sealed partial class ScheduleStore
{
    // A run's cost is that of the conversation its model calls were recorded under; a run without one cost nothing.
    private const string RunSelect = """
        SELECT r.ScheduleId, r.RunId, r.DueAt, r.StartedAt, r.FinishedAt, r.Outcome, r.ResultRows, c.TotalCost,
               (SELECT COUNT(*) FROM ConversationStages s WHERE s.ConversationId = r.ConversationId AND s.PriceKnown = @priceUnknown),
               r.Attempts, r.Error
          FROM ScheduleRuns r
          LEFT JOIN Conversations c ON c.ConversationId = r.ConversationId
        """;

    /// <summary>The newest runs of one schedule, newest first.</summary>
    public async Task<IReadOnlyList<ScheduleRunView>> RunsAsync(string scheduleId, int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"{RunSelect} WHERE r.ScheduleId = @scheduleId ORDER BY r.DueAt DESC, r.StartedAt DESC {database.Dialect.Page("@skip", "@take")}";
        command.AddParameter("@scheduleId", scheduleId);
        command.AddParameter("@skip", 0);
        command.AddParameter("@take", count);
        CostSource.BindPriceUnknown(command);
        return [.. (await ReadRunsAsync(command, cancellationToken)).Select(run => run.Run)];
    }

    /// <summary>The newest run of every schedule whose row matches <paramref name="scheduleFilter"/> (a condition on <c>Schedules</c>).</summary>
    private async Task<Dictionary<string, ScheduleRunView>> LastRunsAsync(DbConnection connection, string scheduleFilter, object filterValue,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            {RunSelect}
             WHERE r.ScheduleId IN (SELECT ScheduleId FROM Schedules WHERE {scheduleFilter})
               AND r.StartedAt = (SELECT MAX(r2.StartedAt) FROM ScheduleRuns r2 WHERE r2.ScheduleId = r.ScheduleId)
            """;
        command.AddParameter("@value", filterValue);
        CostSource.BindPriceUnknown(command);
        var last = new Dictionary<string, ScheduleRunView>(StringComparer.Ordinal);
        foreach (var (scheduleId, run) in await ReadRunsAsync(command, cancellationToken)) last.TryAdd(scheduleId, run);
        return last;
    }

    private static async Task<List<(string ScheduleId, ScheduleRunView Run)>> ReadRunsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<(string, ScheduleRunView)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add((reader.GetString(0), new ScheduleRunView(
                RunId: reader.GetString(1),
                DueAt: DbValues.Timestamp(reader, 2),
                StartedAt: DbValues.Timestamp(reader, 3),
                FinishedAt: reader.IsDBNull(4) ? null : DbValues.Timestamp(reader, 4),
                Outcome: Enum.Parse<RunOutcome>(reader.GetString(5)),
                Rows: DbValues.NullableInt32(reader, 6),
                Cost: DbValues.NullableDecimal(reader, 7) ?? 0m,
                UnpricedCalls: (int)DbValues.Int64(reader, 8),
                Attempts: (int)DbValues.Int64(reader, 9),
                Error: DbValues.NullableString(reader, 10))));
        }
        return runs;
    }
}
