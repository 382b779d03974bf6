using OrleansAssistant.Grains.Interfaces.Databases;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using OrleansAssistant.Grains.Storage.Sql;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Sql;

public sealed class SchemaScriptTests
{
    private static readonly string[] AppTables = ["ModelPricing", "ModelPrices", "Conversations", "ConversationStages", "ConversationHistory", "ConversationTurns", "ActivityLog"];

    private static readonly string[] OrleansQueryKeys =
    [
        "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey", "InsertMembershipKey",
        "UpdateMembershipKey", "UpdateIAmAlivetimeKey", "GatewaysQueryKey", "CleanupDefunctSiloEntriesKey",
        "CleanupDefunctSiloEntryKey", "DeleteMembershipTableEntriesKey",
        "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey",
        "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "UpsertReminderRowKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    private static SchemaMigrator Migrator() => new(TimeProvider.System, NullLogger<SchemaMigrator>.Instance);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void EveryDialect_HasNumberedScripts(DatabaseProvider provider)
    {
        var scripts = SchemaScript.For(SqlDialect.For(provider));

        Assert.NotEmpty(scripts);
        Assert.Equal(scripts.Select(s => s.Version).Distinct().Count(), scripts.Count);
    }

    [Fact]
    public async Task SqliteScripts_ApplyTwice_WithoutError()
    {
        using var folder = new TempDirectory();
        var connectionString = $"Data Source={Path.Combine(folder.Path, "app.db")}";

        var first = await Migrator().ApplyAsync(SqliteDialect.Instance, connectionString, "test", CancellationToken.None);
        var second = await Migrator().ApplyAsync(SqliteDialect.Instance, connectionString, "test", CancellationToken.None);
        await RunEveryScriptAgainAsync(SqliteDialect.Instance, connectionString);

        Assert.Equal(SchemaScript.For(SqliteDialect.Instance).Count, first.Count);
        Assert.Empty(second);
        await using var connection = await SchemaMigrator.OpenAsync(SqliteDialect.Instance, connectionString, "test", CancellationToken.None);
        var tables = await ReadColumnAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'");
        Assert.All(AppTables, table => Assert.Contains(table, tables, StringComparer.OrdinalIgnoreCase));
        Assert.Equal(["wal"], await ReadColumnAsync(connection, "PRAGMA journal_mode"));
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task PostgreSqlScripts_ApplyTwice_WithoutError()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("schema");

        var first = await Migrator().ApplyAsync(PostgreSqlDialect.Instance, connectionString, "test", CancellationToken.None);
        var second = await Migrator().ApplyAsync(PostgreSqlDialect.Instance, connectionString, "test", CancellationToken.None);
        await RunEveryScriptAgainAsync(PostgreSqlDialect.Instance, connectionString);

        Assert.Equal(SchemaScript.For(PostgreSqlDialect.Instance).Count, first.Count);
        Assert.Empty(second);
        await using var connection = await SchemaMigrator.OpenAsync(PostgreSqlDialect.Instance, connectionString, "test", CancellationToken.None);
        var tables = await ReadColumnAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()");
        Assert.All(AppTables, table => Assert.Contains(table, tables, StringComparer.OrdinalIgnoreCase));
        var keys = await ReadColumnAsync(connection, "SELECT QueryKey FROM OrleansQuery");
        Assert.All(OrleansQueryKeys, key => Assert.Contains(key, keys));
    }

    [Fact]
    public async Task PostgreSqlMigrations_FromSeveralSilosAtOnce_ApplyEachScriptOnce()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("schemarace");

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Migrator().ApplyAsync(PostgreSqlDialect.Instance, connectionString, "test", CancellationToken.None)));

        Assert.Equal(SchemaScript.For(PostgreSqlDialect.Instance).Count, results.Sum(applied => applied.Count));
    }

    [Fact]
    public void SqlServerScripts_ParseWithoutErrors_ParsingOnlyBecauseNoServerRunsHere()
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        foreach (var script in SchemaScript.For(SqlServerDialect.Instance))
        {
            foreach (var batch in SqlServerDialect.Instance.SplitBatches(script.Text))
            {
                parser.Parse(new StringReader(batch), out var errors);
                Assert.True(errors.Count == 0, $"{script.Name}: {string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}"))}");
            }
        }
    }

    [Fact]
    public void SqlServerScripts_DefineEveryTableAndQueryKey_ParsingOnlyBecauseNoServerRunsHere()
    {
        var text = string.Join("\n", SchemaScript.For(SqlServerDialect.Instance).Select(s => s.Text));

        Assert.All(AppTables, table => Assert.Matches($@"CREATE\s+TABLE\s+(dbo\.)?{table}\s*\(", text));
        Assert.All(OrleansQueryKeys, key => Assert.Contains($"'{key}'", text, StringComparison.Ordinal));
    }

    [Fact]
    public void SqlServerBatchSplitter_SplitsOnGoLinesOnly()
    {
        var batches = SqlServerDialect.Instance.SplitBatches("SELECT 'GO';\nGO\nSELECT 2;\n  go  \nSELECT 3 AS Gopher;");

        Assert.Equal(3, batches.Count);
        Assert.Contains("'GO'", batches[0], StringComparison.Ordinal);
    }

    /// <summary>Scripts must survive running again even without the version table (e.g. a crash before it was written).</summary>
    private static async Task RunEveryScriptAgainAsync(SqlDialect dialect, string connectionString)
    {
        await using var connection = await SchemaMigrator.OpenAsync(dialect, connectionString, "test", CancellationToken.None);
        foreach (var script in SchemaScript.For(dialect))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = script.Text;
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<List<string>> ReadColumnAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }
}
