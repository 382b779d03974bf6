using Microsoft.Data.Sqlite;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>Small real SQLite databases for the dashboard's database pages.</summary>
public static class SqliteFiles
{
    /// <returns>The file name inside <paramref name="folder"/>.</returns>
    public static async Task<string> CreateAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var fileName = $"shop_{Guid.NewGuid():N}.db";
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, fileName)};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL); INSERT INTO customers VALUES (1, 'Ada');";
        await command.ExecuteNonQueryAsync();
        return fileName;
    }
}
