using System.Collections.Frozen;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Grains.Databases.Guard;

/// <summary>
/// Functions a query may not call: they read or write the server's files, reach other servers, run SQL
/// text, take locks, change sequences or settings, or stop other sessions. Sleeping (pg_sleep) is not
/// listed: the statement timeout ends it.
/// </summary>
internal static class ForbiddenFunctions
{
    private static readonly FrozenSet<string> PostgreSql = Names(
        "pg_stat_file", "pg_terminate_backend", "pg_cancel_backend", "pg_reload_conf", "pg_rotate_logfile",
        "pg_switch_wal", "pg_promote", "pg_logdir_ls", "pg_notify", "set_config", "nextval", "setval", "lowrite",
        "query_to_xml", "query_to_xmlschema", "query_to_xml_and_xmlschema", "cursor_to_xml", "cursor_to_xmlschema",
        "ts_stat", "ts_rewrite", "pg_stat_statements_reset", "pg_import_system_collations",
        "pg_backup_start", "pg_backup_stop", "pg_start_backup", "pg_stop_backup", "pg_replication_slot_advance");

    // Whole families: file access, large objects, dblink, advisory locks, statistics resets, replication.
    private static readonly string[] PostgreSqlPrefixes =
    [
        "pg_read_", "pg_ls_", "pg_file_", "lo_", "dblink", "pg_advisory_", "pg_try_advisory_", "pg_stat_reset",
        "pg_create_", "pg_drop_", "pg_copy_", "pg_logical_", "pg_replication_origin_", "pg_wal_replay_", "pg_log_",
        "binary_upgrade_",
    ];

    private static readonly FrozenSet<string> Sqlite = Names(
        "load_extension", "readfile", "writefile", "edit", "fts3_tokenizer", "fsdir", "zipfile");

    private static readonly FrozenSet<string> SqlServer = Names(
        "fn_xe_file_target_read_file", "fn_xe_target_read_file", "fn_get_audit_file", "fn_trace_gettable",
        "fn_dblog", "fn_dump_dblog");

    /// <summary>Whether calling a function named <paramref name="name"/> (case-insensitive, schema left off) is refused.</summary>
    public static bool IsForbidden(DatabaseProvider provider, string name) => provider switch
    {
        DatabaseProvider.PostgreSql => PostgreSql.Contains(name)
            || PostgreSqlPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)),
        DatabaseProvider.Sqlite => Sqlite.Contains(name),
        DatabaseProvider.SqlServer => SqlServer.Contains(name),
        _ => false,
    };

    private static FrozenSet<string> Names(params string[] names) => names.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
