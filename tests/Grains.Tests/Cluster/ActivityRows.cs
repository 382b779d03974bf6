using Microsoft.Data.Sqlite;

namespace OrleansAssistant.Grains.Tests.Cluster;

/// <summary>Reads the activity log as an auditor would: straight from the app database.</summary>
public static class ActivityRows
{
    public sealed record Row(string EventType, long? UserId, string? OrgId, string Source, string? TargetId, string? Details);

    public static async Task<IReadOnlyList<Row>> ForOrganizationAsync(string dataDirectory, string orgId)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "app.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EventType, UserId, OrgId, Source, TargetId, Details FROM ActivityLog WHERE OrgId = $org ORDER BY Id";
        command.Parameters.AddWithValue("$org", orgId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Row>();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        return rows;
    }
}
