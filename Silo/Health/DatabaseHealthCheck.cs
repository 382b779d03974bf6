using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Silo.Health;

/// <summary>Healthy while a round trip to the database succeeds; reports where it is, never the secret.</summary>
internal sealed class DatabaseHealthCheck(SqlDialect dialect, string connectionString, string purpose) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await SchemaMigrator.OpenAsync(dialect, connectionString, purpose, cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy(dialect.Describe(connectionString));
        }
        catch (DatabaseUnavailableException error)
        {
            return HealthCheckResult.Unhealthy(error.Message);
        }
    }
}
