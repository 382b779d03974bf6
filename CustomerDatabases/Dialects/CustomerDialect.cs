using System.Data.Common;
using System.Net.Sockets;
using OrleansAssistant.CustomerDatabases.Connections;
using OrleansAssistant.CustomerDatabases.Execution;
using OrleansAssistant.CustomerDatabases.Guard;
using OrleansAssistant.CustomerDatabases.Schema;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Dialects;

/// <summary>
/// Everything that differs between the kinds of customer database, in one object per provider: how to connect and hold
/// a limited session, how to read the catalog, how model-written SQL is judged, which connection strings are its own,
/// what its failures mean, and how prompts and telemetry name it. Code outside <c>Dialects/</c> asks
/// <see cref="CustomerDialects"/> for the dialect and never switches on the provider.
/// </summary>
public abstract class CustomerDialect
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>The product's name as people know it, for lists and tables ("PostgreSQL", "MySQL / MariaDB").</summary>
    public abstract string DisplayName { get; }

    /// <summary>OpenTelemetry's <c>db.system</c> value.</summary>
    public abstract string TelemetrySystem { get; }

    /// <summary>How stage 1's prompt names the SQL dialect, with anything the model tends to get wrong (row limits).</summary>
    public abstract string PromptName { get; }

    /// <summary>How this dialect's SQL writes names, for the schema text in prompts and our own catalog queries.</summary>
    public virtual SqlNameStyle NameStyle => SqlNameStyle.Standard;

    /// <summary>Opens connections and the limited session a statement runs in.</summary>
    public abstract CustomerDatabaseDriver Driver { get; }

    /// <summary>Reads tables, views, keys and estimates from the catalog.</summary>
    public abstract ISchemaReader SchemaReader { get; }

    /// <summary>URL schemes of this provider, upper case, without <c>+driver</c> (SQLAlchemy's <c>postgresql+psycopg2</c> is POSTGRESQL).</summary>
    public abstract IReadOnlySet<string> UrlSchemes { get; }

    /// <summary>
    /// Judges model-written SQL (already known to be within <see cref="SqlGuard.MaxLength"/>): one statement, a read
    /// unless writes are allowed, nothing that reaches outside the data.
    /// </summary>
    internal abstract GuardVerdict Check(string sql, bool allowWrites);

    /// <summary>A URL of this provider, given what follows <c>scheme://</c>.</summary>
    internal abstract ConnectionParseResult FromUrl(string afterScheme, ConnectionRules rules);

    /// <summary>Whether the keys of an ADO.NET string are this driver's (asked in <see cref="CustomerDialects.All"/> order).</summary>
    internal abstract bool ClaimsAdoNet(DbConnectionStringBuilder keys);

    /// <summary>An ADO.NET string this dialect claimed.</summary>
    internal abstract ConnectionParseResult FromAdoNet(string text, DbConnectionStringBuilder keys, ConnectionRules rules);

    /// <summary>One scalar query answering whether the login could change data; null when the provider has no logins.</summary>
    public virtual string? WriteAccessQuery => null;

    /// <summary>
    /// Our own query for a column's distinct values, read from at most <paramref name="sampleRows"/> rows so a huge table costs
    /// no full scan; <paramref name="table"/> and <paramref name="column"/> come quoted.
    /// </summary>
    public virtual string DistinctValuesQuery(string table, string column, int sampleRows, int maxValues) =>
        $"SELECT DISTINCT v FROM (SELECT {column} AS v FROM {table} WHERE {column} IS NOT NULL LIMIT {sampleRows}) sampled LIMIT {maxValues}";

    /// <summary>Whether the database is reached over the network (so a failure may mean "unreachable").</summary>
    public virtual bool IsNetworked => true;

    /// <summary>A sentence for a failure the server itself explained (wrong login, no such database), or null.</summary>
    internal abstract string? ExplainServerAnswer(Exception cause, string description);

    /// <summary>Whether a failure means the server could not be reached: socket errors and timeouts, and the driver's own codes.</summary>
    internal virtual bool MeansUnreachable(Exception cause) =>
        cause is SocketException or TimeoutException or OperationCanceledException;
}
