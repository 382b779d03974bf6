using System.Collections.Frozen;

namespace OrleansAssistant.CustomerDatabases.Guard;

/// <summary>Keywords that start statements which never just read data, each with the reason in a few words.</summary>
internal static class ForbiddenKeywords
{
    private const string Structure = "would change the database structure";
    private const string Transactions = "controls transactions";
    private const string Maintenance = "is database maintenance";
    private const string Cursors = "works with cursors";
    private const string Settings = "changes settings";

    private static readonly FrozenDictionary<string, string> StatementStarts = new Dictionary<string, string>
    {
        ["COPY"] = "reads and writes files and programs",
        ["CALL"] = "runs procedures",
        ["EXEC"] = "runs procedures",
        ["EXECUTE"] = "runs procedures or prepared statements",
        ["DO"] = "runs procedural code",
        ["PREPARE"] = "creates prepared statements",
        ["DEALLOCATE"] = "removes prepared statements",
        ["LISTEN"] = "waits for notifications",
        ["UNLISTEN"] = "stops waiting for notifications",
        ["NOTIFY"] = "sends notifications",
        ["SET"] = Settings,
        ["RESET"] = Settings,
        ["DISCARD"] = "throws away session state",
        ["LOCK"] = "locks tables",
        ["VACUUM"] = Maintenance,
        ["ANALYZE"] = Maintenance,
        ["ANALYSE"] = Maintenance,
        ["REINDEX"] = Maintenance,
        ["CLUSTER"] = Maintenance,
        ["CHECKPOINT"] = Maintenance,
        ["DBCC"] = Maintenance,
        ["ATTACH"] = "opens another database file",
        ["DETACH"] = "closes a database file",
        ["PRAGMA"] = "changes or inspects database settings",
        ["LOAD"] = "loads files or libraries into the server",
        ["EXPLAIN"] = "can run the statement it explains",
        ["BEGIN"] = Transactions,
        ["START"] = Transactions,
        ["COMMIT"] = Transactions,
        ["END"] = Transactions,
        ["ROLLBACK"] = Transactions,
        ["ABORT"] = Transactions,
        ["SAVEPOINT"] = Transactions,
        ["RELEASE"] = Transactions,
        ["SAVE"] = Transactions,
        ["DECLARE"] = "declares cursors or variables",
        ["FETCH"] = Cursors,
        ["MOVE"] = Cursors,
        ["OPEN"] = Cursors,
        ["CLOSE"] = Cursors,
        ["CREATE"] = Structure,
        ["ALTER"] = Structure,
        ["DROP"] = Structure,
        ["COMMENT"] = Structure,
        ["SECURITY"] = Structure,
        ["IMPORT"] = Structure,
        ["REFRESH"] = "rewrites a materialized view",
        ["TRUNCATE"] = "would remove every row",
        ["GRANT"] = "would change permissions",
        ["REVOKE"] = "would change permissions",
        ["DENY"] = "would change permissions",
        ["WAITFOR"] = "only waits",
        ["BACKUP"] = "writes backup files",
        ["RESTORE"] = "reads backup files",
        ["BULK"] = "loads files",
        ["KILL"] = "ends other sessions",
        ["SHUTDOWN"] = "stops the server",
        ["RECONFIGURE"] = "changes server settings",
        ["USE"] = "switches databases",
        ["RENAME"] = Structure,
        ["HANDLER"] = "reads tables through a cursor that outlives the statement",
        ["FLUSH"] = Maintenance,
        ["OPTIMIZE"] = Maintenance,
        ["REPAIR"] = Maintenance,
        ["PURGE"] = Maintenance,
        ["INSTALL"] = "loads plugins into the server",
        ["UNINSTALL"] = "removes plugins from the server",
        ["UNLOCK"] = "unlocks tables",
        ["XA"] = Transactions,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Keywords that have no place anywhere inside a read. Words that are also common column names
    // (load, release, end, open …) are only refused where a statement starts.
    private static readonly FrozenSet<string> Anywhere = new[]
    {
        "COPY", "CALL", "DO", "EXECUTE", "PREPARE", "LISTEN", "UNLISTEN", "NOTIFY", "SET", "RESET", "LOCK",
        "VACUUM", "REINDEX", "ATTACH", "DETACH", "PRAGMA",
        "CREATE", "ALTER", "DROP", "TRUNCATE", "GRANT", "REVOKE", "COMMENT",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Why a statement starting with <paramref name="keyword"/> is refused, or null when the keyword is not listed.</summary>
    public static string? WhyAtStart(string keyword) => StatementStarts.GetValueOrDefault(keyword);

    /// <summary>Why <paramref name="keyword"/> is refused in the middle of a statement, or null when it may appear there.</summary>
    public static string? WhyInside(string keyword) => Anywhere.Contains(keyword) ? StatementStarts[keyword] : null;
}
