using Npgsql;

namespace OrleansAssistant.Benchmarks.Load;

/// <summary>Rows in the app-database tables every question or command writes to, counted to get rows written per second.</summary>
internal static class AppDatabaseRows
{
    // ConversationTurns replaced ConversationHistory in schema v2; the old table is no longer written.
    public static readonly string[] Tables = ["Conversations", "ConversationStages", "ConversationTurns", "ActivityLog"];

    public static async Task<Dictionary<string, long>> CountAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var counts = new Dictionary<string, long>();
        foreach (var table in Tables)
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
            counts[table] = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        return counts;
    }
}
