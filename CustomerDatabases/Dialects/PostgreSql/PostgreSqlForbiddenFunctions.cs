using OrleansAssistant.CustomerDatabases.Guard;

namespace OrleansAssistant.CustomerDatabases.Dialects.PostgreSql;

/// <summary>
/// PostgreSQL functions no query may call. Sleeping (pg_sleep) is not listed: the statement timeout ends it.
/// </summary>
internal static class PostgreSqlForbiddenFunctions
{
    public static FunctionDenyList List { get; } = new(
        [
            "pg_stat_file", "pg_terminate_backend", "pg_cancel_backend", "pg_reload_conf", "pg_rotate_logfile",
            "pg_switch_wal", "pg_promote", "pg_logdir_ls", "pg_notify", "set_config", "nextval", "setval", "lowrite",
            "query_to_xml", "query_to_xmlschema", "query_to_xml_and_xmlschema", "cursor_to_xml", "cursor_to_xmlschema",
            "ts_stat", "ts_rewrite", "pg_stat_statements_reset", "pg_import_system_collations",
            "pg_backup_start", "pg_backup_stop", "pg_start_backup", "pg_stop_backup", "pg_replication_slot_advance",
        ],
        // Whole families: file access, large objects, dblink, advisory locks, statistics resets, replication.
        [
            "pg_read_", "pg_ls_", "pg_file_", "lo_", "dblink", "pg_advisory_", "pg_try_advisory_", "pg_stat_reset",
            "pg_create_", "pg_drop_", "pg_copy_", "pg_logical_", "pg_replication_origin_", "pg_wal_replay_", "pg_log_",
            "binary_upgrade_",
        ]);
}
