using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.SqlClient;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Hosting;

namespace OrleansAssistant.Grains.Storage.Sql;

public sealed partial class SqlServerDialect : SqlDialect
{
    public static readonly SqlServerDialect Instance = new();

    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    public override string AdoNetInvariant => AdoNetInvariants.SqlServer;
    public override string ScriptFolder => "sqlserver";

    public override DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);

    public override string Describe(string connectionString)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        return $"SQL Server at {builder.DataSource}, database '{builder.InitialCatalog}'";
    }

    public override string CreateSchemaVersionsTable => """
        IF OBJECT_ID(N'dbo.SchemaVersions', N'U') IS NULL
        CREATE TABLE dbo.SchemaVersions (
            Version   int           NOT NULL PRIMARY KEY,
            Script    nvarchar(200) NOT NULL,
            AppliedAt datetime2(3)  NOT NULL
        );
        """;

    public override string? AcquireSchemaLock =>
        "EXEC sp_getapplock @Resource = N'OrleansAssistant.Schema', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = 60000;";
    public override string? ReleaseSchemaLock =>
        "EXEC sp_releaseapplock @Resource = N'OrleansAssistant.Schema', @LockOwner = N'Session';";

    /// <summary>SQL Server scripts use <c>GO</c> lines between batches, which only tools understand.</summary>
    public override IReadOnlyList<string> SplitBatches(string script) =>
        GoLine().Split(script).Where(batch => !string.IsNullOrWhiteSpace(batch)).ToArray();

    /// <summary>SQL Server has no LIMIT; OFFSET … FETCH is its standard-SQL form and needs the ORDER BY before it.</summary>
    public override string Page(string skipParameter, string takeParameter) =>
        $"OFFSET {skipParameter} ROWS FETCH NEXT {takeParameter} ROWS ONLY";

    /// <summary>
    /// SQL Server has no ON CONFLICT; MERGE is its one-statement upsert, and HOLDLOCK keeps the key range
    /// locked from the match to the insert, or two callers could both miss the row and insert it twice.
    /// </summary>
    public override string AddToRow(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> addedColumns)
    {
        string[] columns = [.. keyColumns, .. addedColumns];
        return $"""
            MERGE {table} WITH (HOLDLOCK) AS target
            USING (SELECT {string.Join(", ", columns.Select(column => $"@{column} AS {column}"))}) AS source
               ON {string.Join(" AND ", keyColumns.Select(column => $"target.{column} = source.{column}"))}
             WHEN MATCHED THEN UPDATE SET {string.Join(", ", addedColumns.Select(column => $"target.{column} = target.{column} + source.{column}"))}
             WHEN NOT MATCHED THEN INSERT ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(column => "source." + column))});
            """;
    }

    public override string InsertReturningId(string table, IReadOnlyList<string> columns, string idColumn) => $"""
        INSERT INTO {table} ({string.Join(", ", columns)})
        OUTPUT INSERTED.{idColumn}
        VALUES ({string.Join(", ", columns.Select(column => "@" + column))})
        """;

    // The timestamps are UTC already, so the date part is the UTC day.
    public override string UtcDayStart(string timestampColumn) => $"CAST(CAST({timestampColumn} AS date) AS datetime2(3))";

    [GeneratedRegex(@"^\s*GO\s*;?\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();
}
