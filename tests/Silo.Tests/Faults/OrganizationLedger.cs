using Npgsql;

namespace OrleansAssistant.Silo.Tests.Faults;

/// <summary>What the cost ledger (the <c>Conversations</c> rows in PostgreSQL) holds for one organization: the figure its budget must match.</summary>
internal static class OrganizationLedger
{
    /// <summary>The exact sum of the organization's conversation costs.</summary>
    public static async Task<decimal> SpentAsync(string connectionString, string orgId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COALESCE(SUM(TotalCost), 0) FROM Conversations WHERE OrgId = @orgId", connection);
        command.Parameters.AddWithValue("orgId", orgId);
        return (decimal)(await command.ExecuteScalarAsync())!;
    }
}
