using Npgsql;

namespace OrleansAssistant.Silo.Tests.Faults;

/// <summary>What the app tables say about one schedule's runs and the notices they left.</summary>
internal static class ScheduleRunLedger
{
    public sealed record Run(string RunId, DateTimeOffset DueAt, string Outcome, int Notices);

    public static async Task<IReadOnlyList<Run>> RunsAsync(string connectionString, string scheduleId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT r.RunId, r.DueAt, r.Outcome, (SELECT COUNT(*) FROM ScheduleNotices n WHERE n.RunId = r.RunId)
              FROM ScheduleRuns r WHERE r.ScheduleId = @schedule ORDER BY r.DueAt
            """, connection);
        command.Parameters.AddWithValue("schedule", scheduleId);
        await using var reader = await command.ExecuteReaderAsync();
        var runs = new List<Run>();
        while (await reader.ReadAsync())
        {
            runs.Add(new Run(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), (int)reader.GetInt64(3)));
        }
        return runs;
    }

    public static async Task<long> UntakenNoticesAsync(string connectionString, string scheduleId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM ScheduleNotices WHERE ScheduleId = @schedule AND NOT Taken", connection);
        command.Parameters.AddWithValue("schedule", scheduleId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Waits until a run due at or after <paramref name="dueFrom"/> has finished; returns every run then.</summary>
    public static async Task<IReadOnlyList<Run>> WaitForFinishedRunAsync(string connectionString, string scheduleId, DateTimeOffset dueFrom, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var runs = await RunsAsync(connectionString, scheduleId);
            if (runs.Any(run => run.DueAt >= dueFrom && run.Outcome != "Running")) return runs;
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"No run of {scheduleId} due from {dueFrom:HH:mm:ss} finished within {limit.TotalSeconds:0} s; runs: "
                    + string.Join(", ", runs.Select(run => $"{run.DueAt:HH:mm:ss} {run.Outcome}")));
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}
