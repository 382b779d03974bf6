using MySqlConnector;

namespace OrleansAssistant.TestSupport;

/// <summary>
/// The throwaway MariaDB server that ./test.sh starts, standing in for customers' MySQL and MariaDB databases. Tests that need
/// it fail (never skip) when it is missing, so a green run always means MariaDB was really exercised.
/// </summary>
public static class TestMariaDb
{
    public const string Variable = "ORLEANS_ASSISTANT_TEST_MARIADB";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: run the tests with ./test.sh, which starts a private MariaDB server.");

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"test_{purpose}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await using (var connection = new MySqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new MySqlCommand($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new MySqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ToString();
    }
}
