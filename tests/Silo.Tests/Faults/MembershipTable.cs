using Npgsql;

namespace OrleansAssistant.Silo.Tests.Faults;

/// <summary>Reads Orleans' membership rows (OrleansClusterMember) straight from PostgreSQL.</summary>
internal static class MembershipTable
{
    /// <summary>Orleans' SiloStatus.Dead.</summary>
    public const int Dead = 6;

    /// <summary>Orleans' SiloStatus.Active.</summary>
    public const int Active = 3;

    /// <returns>The status of the newest incarnation listening on <paramref name="siloPort"/>, or null when none.</returns>
    public static async Task<int?> StatusAsync(string connectionString, int siloPort)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT SiloStatus FROM OrleansClusterMember WHERE SiloPort = @port ORDER BY SiloGeneration DESC LIMIT 1", connection);
        command.Parameters.AddWithValue("port", siloPort);
        return await command.ExecuteScalarAsync() is int status ? status : null;
    }

    /// <summary>Polls (every 200 ms) until the silo on <paramref name="siloPort"/> is marked Dead.</summary>
    public static async Task WaitUntilDeadAsync(string connectionString, int siloPort, TimeSpan limit)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int? status = null;
        while (clock.Elapsed < limit)
        {
            status = await StatusAsync(connectionString, siloPort);
            if (status == Dead) return;
            await Task.Delay(200);
        }
        throw new Xunit.Sdk.XunitException($"The killed silo (port {siloPort}) was not marked Dead within {limit.TotalSeconds} s; status {status}.");
    }

    public static async Task<int> ActiveCountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT COUNT(*) FROM OrleansClusterMember WHERE SiloStatus = {Active}", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
