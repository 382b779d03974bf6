using System.Data.Common;
using Npgsql;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Hosting;

namespace OrleansAssistant.Grains.Storage.Sql;

public sealed class PostgreSqlDialect : SqlDialect
{
    public static readonly PostgreSqlDialect Instance = new();

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override string AdoNetInvariant => AdoNetInvariants.PostgreSql;
    public override string ScriptFolder => "postgresql";

    public override DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);

    public override string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL at {builder.Host}:{builder.Port}, database '{builder.Database}'";
    }

    // AT TIME ZONE twice: to UTC wall-clock time to cut the day there, and back to timestamptz.
    public override string UtcDayStart(string timestampColumn) =>
        $"(date_trunc('day', {timestampColumn} AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')";

    public override string CreateSchemaVersionsTable => """
        CREATE TABLE IF NOT EXISTS SchemaVersions (
            Version   integer     NOT NULL PRIMARY KEY,
            Script    text        NOT NULL,
            AppliedAt timestamptz NOT NULL
        );
        """;

    public override string? AcquireSchemaLock => "SELECT pg_advisory_lock(727384001);";
    public override string? ReleaseSchemaLock => "SELECT pg_advisory_unlock(727384001);";
}
