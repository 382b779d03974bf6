using Microsoft.Data.Sqlite;

namespace OrleansAssistant.Grains.Tests.Questions;

/// <summary>The activity log of a test silo's SQLite app database, read as an operator would.</summary>
public static class AppActivity
{
    /// <returns>(event type, target id, details JSON) of every entry of one user, oldest first.</returns>
    public static async Task<List<(string Type, string? Target, string Details)>> OfUserAsync(string dataDirectory, long userId)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "app.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EventType, TargetId, Details FROM ActivityLog WHERE UserId = $user ORDER BY Id";
        command.Parameters.AddWithValue("$user", userId);
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<(string, string?, string)>();
        while (await reader.ReadAsync()) entries.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? "" : reader.GetString(2)));
        return entries;
    }
}
