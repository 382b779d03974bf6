using System.Data.Common;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Hosting;

namespace OrleansAssistant.Grains.Storage.Sql;

/// <summary>
/// Everything that differs between the three dialects, in one object per dialect, so the rest of the
/// code stays on shared ADO.NET and shared SQL.
/// </summary>
public abstract class SqlDialect
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>The ADO.NET invariant name Orleans' clustering and storage use for this dialect; null when they cannot use it.</summary>
    public virtual string? AdoNetInvariant => null;

    /// <summary>Whether the database is a file inside the data directory rather than a server.</summary>
    public virtual bool IsEmbedded => false;

    /// <summary>How money columns are stored and totalled exactly.</summary>
    internal virtual MoneySql Money => MoneySql.Native;

    /// <summary>Folder under <c>sql/</c> holding this dialect's scripts.</summary>
    public abstract string ScriptFolder { get; }

    public abstract DbConnection CreateConnection(string connectionString);

    /// <summary>Provider, host and database only: safe for logs and error messages, never the password.</summary>
    public abstract string Describe(string connectionString);

    /// <summary>DDL for the table that records which schema scripts ran.</summary>
    public abstract string CreateSchemaVersionsTable { get; }

    /// <summary>Database-wide settings applied before the schema (persistent ones, such as SQLite's journal mode).</summary>
    public virtual string? DatabaseSettings => null;

    /// <summary>Serialises schema upgrades between silos starting at once.</summary>
    public abstract string? AcquireSchemaLock { get; }

    /// <summary>Releases that lock explicitly: a pooled connection keeps its session (and the lock) after Dispose.</summary>
    public abstract string? ReleaseSchemaLock { get; }

    /// <summary>A point in time as this dialect's timestamp columns store it (always UTC).</summary>
    public virtual object Timestamp(DateTimeOffset value) => value.UtcDateTime;

    /// <summary>Splits a script into the batches the driver runs one at a time.</summary>
    public virtual IReadOnlyList<string> SplitBatches(string script) => [script];

    /// <summary>The clause that follows <c>ORDER BY</c> to skip and take rows, given as parameters.</summary>
    public virtual string Page(string skipParameter, string takeParameter) => $"LIMIT {takeParameter} OFFSET {skipParameter}";

    /// <summary>
    /// One statement adding <c>@column</c> of each <paramref name="addedColumns"/> to the <paramref name="table"/> row whose
    /// <paramref name="keyColumns"/> equal their <c>@column</c>, creating the row when there is none. Atomic:
    /// concurrent callers for the same key add up exactly. This form is PostgreSQL's and SQLite's.
    /// </summary>
    public virtual string AddToRow(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> addedColumns)
    {
        string[] columns = [.. keyColumns, .. addedColumns];
        return $"""
            INSERT INTO {table} ({string.Join(", ", columns)})
            VALUES ({string.Join(", ", columns.Select(column => "@" + column))})
            ON CONFLICT ({string.Join(", ", keyColumns)})
            DO UPDATE SET {string.Join(", ", addedColumns.Select(column => $"{column} = {table}.{column} + excluded.{column}"))}
            """;
    }

    /// <summary>
    /// One INSERT of <c>@column</c> for each of <paramref name="columns"/> that returns the row's generated
    /// <paramref name="idColumn"/> as its only result. This form is PostgreSQL's and SQLite's.
    /// </summary>
    public virtual string InsertReturningId(string table, IReadOnlyList<string> columns, string idColumn) => $"""
        INSERT INTO {table} ({string.Join(", ", columns)})
        VALUES ({string.Join(", ", columns.Select(column => "@" + column))})
        RETURNING {idColumn}
        """;

    /// <summary>
    /// The start (00:00 UTC) of the day of a timestamp column, in the timestamp type, so it compares with
    /// <see cref="Timestamp"/> values.
    /// </summary>
    public abstract string UtcDayStart(string timestampColumn);

    /// <summary>The dialects the app database, grain storage and clustering may use.</summary>
    public static IReadOnlyList<SqlDialect> All { get; } = [SqliteDialect.Instance, PostgreSqlDialect.Instance, SqlServerDialect.Instance];

    /// <summary>The dialect behind an ADO.NET invariant name (<see cref="AdoNetInvariants"/>).</summary>
    public static SqlDialect ForInvariant(string invariant) =>
        All.FirstOrDefault(dialect => string.Equals(dialect.AdoNetInvariant, invariant, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentOutOfRangeException(nameof(invariant), invariant, "No dialect has this ADO.NET invariant name.");

    public static bool Serves(DatabaseProvider provider) => All.Any(dialect => dialect.Provider == provider);

    public static SqlDialect For(DatabaseProvider provider) =>
        All.FirstOrDefault(dialect => dialect.Provider == provider)
        ?? throw new ArgumentOutOfRangeException(nameof(provider), provider, "The app database cannot use this provider.");
}
