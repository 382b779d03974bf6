using OrleansAssistant.CustomerDatabases.Guard;

namespace OrleansAssistant.CustomerDatabases.Dialects.MySql;

/// <summary>
/// MySQL and MariaDB functions no query may call: reading the server's files, named locks that outlive the statement,
/// waiting on replication, changing sequences, and the well-known command-running UDFs. SLEEP is not listed: the
/// statement time limit stops it with an error. BENCHMARK is: stopped by the limit it answers 0 as if it had finished.
/// </summary>
internal static class MySqlForbiddenFunctions
{
    public static FunctionDenyList List { get; } = new(
        [
            "load_file", "benchmark",
            "get_lock", "release_lock", "release_all_locks", "is_free_lock", "is_used_lock",
            "master_pos_wait", "source_pos_wait", "master_gtid_wait", "wait_for_executed_gtid_set",
            "wait_until_sql_thread_after_gtids",
            "nextval", "setval",
        ],
        // lib_mysqludf_sys (sys_exec, sys_eval …) runs shell commands; wsrep_* waits on or steers Galera replication.
        ["sys_", "lib_mysqludf_", "wsrep_"]);
}
