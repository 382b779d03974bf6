using Microsoft.Data.Sqlite;
using OrleansAssistant.Grains.Interfaces.Schedules;

namespace OrleansAssistant.Grains.Tests.Schedules;

/// <summary>A run's row as <c>ScheduleRuns</c> keeps it, read from the silo's SQLite app database.</summary>
public sealed record RunRow(RunOutcome Outcome, int Attempts, int? ResultRows, string? ConversationId, string? Error)
{
    public static async Task<RunRow?> ReadAsync(string dataDirectory, string runId)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "app.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Outcome, Attempts, ResultRows, ConversationId, Error FROM ScheduleRuns WHERE RunId = $id";
        command.Parameters.AddWithValue("$id", runId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        return new RunRow(Enum.Parse<RunOutcome>(reader.GetString(0)), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetInt32(2),
            reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4));
    }

    /// <summary>Changes the shop database the way its owner's own systems would between two runs.</summary>
    public static async Task ExecuteOnShopAsync(string databasePath, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
