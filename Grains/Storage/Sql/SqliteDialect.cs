using System.Data.Common;
using Microsoft.Data.Sqlite;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Grains.Storage.Sql;

public sealed class SqliteDialect : SqlDialect
{
    public static readonly SqliteDialect Instance = new();

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    public override string ScriptFolder => "sqlite";

    public override bool IsEmbedded => true;

    internal override MoneySql Money => MoneySql.Text;

    public override DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

    public override string Describe(string connectionString) =>
        $"SQLite file {new SqliteConnectionStringBuilder(connectionString).DataSource}";

    // SQLite has no timestamp type: ISO-8601 text in UTC sorts and compares correctly.
    public override object Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    // The date part of the ISO-8601 text, with the time written as Timestamp writes it.
    public override string UtcDayStart(string timestampColumn) => $"substr({timestampColumn}, 1, 10) || 'T00:00:00.000Z'";

    public override string CreateSchemaVersionsTable => """
        CREATE TABLE IF NOT EXISTS SchemaVersions (
            Version   INTEGER NOT NULL PRIMARY KEY,
            Script    TEXT    NOT NULL,
            AppliedAt TEXT    NOT NULL
        );
        """;

    // WAL: readers never wait for the writer, and a commit costs one sync of the log instead of the
    // rollback journal's several. The setting is stored in the file.
    public override string? DatabaseSettings => "PRAGMA journal_mode = WAL;";

    // One process owns an embedded database; SQLite's own file lock covers the rest.
    public override string? AcquireSchemaLock => null;
    public override string? ReleaseSchemaLock => null;
}
