using OrleansAssistant.CustomerDatabases.Guard;

namespace OrleansAssistant.CustomerDatabases.Dialects.MySql;

/// <summary>How model-written SQL is judged for MySQL and MariaDB.</summary>
internal static class MySqlGuardRules
{
    private static readonly TokenGuardRules Rules = new(
        new SqlLexicon { BacktickNames = true, RefuseBackslashBeforeQuote = true },
        new FunctionDenyList(["load_file", "sleep", "benchmark", "get_lock"]));

    public static GuardVerdict Check(string sql, bool allowWrites) => TokenGuard.Check(Rules, sql, allowWrites);
}
