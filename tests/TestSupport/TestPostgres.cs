using Npgsql;

namespace OrleansAssistant.TestSupport;

/// <summary>
/// The throwaway PostgreSQL server that ./test.sh starts. Tests that need it fail (never skip) when it
/// is missing, so a green run always means PostgreSQL was really exercised.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "ORLEANS_ASSISTANT_TEST_POSTGRES";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: run the tests with ./test.sh, which starts a private PostgreSQL server.");

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"test_{purpose}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ToString();
    }
}
