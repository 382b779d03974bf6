using System.Text;
using Microsoft.Data.Sqlite;

namespace OrleansAssistant.Grains.Tests.Dashboard;

/// <summary>Reads a grain's stored state straight from the embedded storage file, as an attacker with the file would.</summary>
internal static class GrainStateFile
{
    public static async Task<string?> ReadPayloadAsync(string dataDirectory, string stateName, GrainId grainId)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "grains.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Payload FROM GrainState WHERE StateName = $state AND GrainId = $grain;";
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        return await command.ExecuteScalarAsync() is byte[] payload ? Encoding.UTF8.GetString(payload) : null;
    }
}
