using OrleansAssistant.CustomerDatabases.Guard;

namespace OrleansAssistant.CustomerDatabases.Dialects.MySql;

/// <summary>
/// How model-written SQL is judged for MySQL and MariaDB: text is read as their lexer reads it (# and "-- " comments,
/// backtick names, no nested comments), and anything whose reading depends on the server's SQL mode or version is
/// refused: executable comments, optimizer hints and backslashes inside quoted text. "…" is read as one quoted token,
/// which ends at the same place whether the server takes it as a string or, under ANSI_QUOTES, as a name.
/// </summary>
internal static class MySqlGuardRules
{
    private static readonly TokenGuardRules Rules = new(
        new SqlLexicon
        {
            BacktickNames = true,
            RefuseBackslashInQuotedText = true,
            HashLineComments = true,
            DashDashCommentNeedsSpace = true,
            RefuseExecutableComments = true,
            NumberedParameters = true,
            VerticalTabIsSpace = true,
        },
        MySqlForbiddenFunctions.List,
        NameQuotes: "backticks",
        DialectRule: MySqlGuardStatementRules.FindRefusal);

    public static GuardVerdict Check(string sql, bool allowWrites) => TokenGuard.Check(Rules, sql, allowWrites);
}
