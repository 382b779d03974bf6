using System.Collections.Frozen;

namespace OrleansAssistant.CustomerDatabases.Guard;

/// <summary>
/// Checks every token of a statement whose main keyword was allowed: data changes
/// hidden inside it, SELECT … INTO, locking clauses, statement keywords and forbidden function calls.
/// </summary>
internal static class StatementBodyRules
{
    private static readonly FrozenSet<string> DataChanges =
        new[] { "INSERT", "UPDATE", "DELETE", "MERGE" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> LockStrengths =
        new[] { "UPDATE", "SHARE", "NO", "KEY" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The refusal for the first forbidden token, or null when the statement may run.</summary>
    /// <param name="main">Index of the statement's main keyword (SELECT, INSERT …), after any WITH clause.</param>
    public static string? FindRefusal(TokenGuardRules rules, SqlToken[] tokens, int main, bool allowWrites)
    {
        var statement = new Statement(tokens, main, allowWrites && (tokens[main].IsWord("INSERT") || tokens[main].IsWord("UPDATE")), allowWrites, rules.NameQuotes);
        for (int i = 0; i < tokens.Length; i++)
        {
            var refusal = CheckKeyword(statement, i) ?? CheckFunctionCall(rules, tokens, i);
            if (refusal is not null) return refusal;
        }
        return statement.Writes ? WriteTargetRules.FindRefusal(tokens, main) : null;
    }

    private static string? CheckKeyword(Statement statement, int i)
    {
        var tokens = statement.Tokens;
        // A word right after a dot is always a name (t.update), never a keyword.
        if (tokens[i].Kind != SqlTokenKind.Word || tokens.At(i - 1).IsSymbol('.')) return null;
        string word = tokens[i].Text.ToUpperInvariant();
        if (word == "FOR" && tokens.At(i + 1) is { Kind: SqlTokenKind.Word } next && LockStrengths.Contains(next.Text))
        {
            return GuardRefusals.LockingClause;
        }
        if (DataChanges.Contains(word)) return CheckDataChange(statement, i, word);
        if (word == "REPLACE" && i == statement.Main + 2 && tokens.At(i - 1).IsWord("OR"))
        {
            // SQLite's INSERT OR REPLACE deletes the rows it conflicts with.
            return GuardRefusals.WriteNotAllowed($"{tokens[statement.Main].Text.ToUpperInvariant()} OR REPLACE");
        }
        if (word == "INTO" && !IsInsertTarget(statement, i)) return GuardRefusals.SelectInto;
        if (word == "SET" && tokens.At(i - 1).IsWord("CHARACTER")) return null; // CAST(x AS CHAR CHARACTER SET utf8mb4)
        if (ForbiddenKeywords.WhyInside(word) is { } why && !IsPartOfWrite(statement, i, word))
        {
            return GuardRefusals.KeywordInside(word, why, statement.NameQuotes);
        }
        return null;
    }

    private static string? CheckDataChange(Statement statement, int i, string word)
    {
        if (i == statement.Main) return null;
        if (word == "UPDATE" && statement.Writes && IsUpsertUpdate(statement.Tokens, i)) return null;
        if (!statement.AllowWrites) return GuardRefusals.ChangesData;
        return word is "DELETE" or "MERGE" ? GuardRefusals.WriteNotAllowed(word) : GuardRefusals.NestedDataChange;
    }

    // ON CONFLICT … DO UPDATE (PostgreSQL, SQLite) and ON DUPLICATE KEY UPDATE (MySQL, MariaDB) update the row the insert met.
    private static bool IsUpsertUpdate(SqlToken[] tokens, int i) =>
        tokens.At(i - 1).IsWord("DO") || (tokens.At(i - 1).IsWord("KEY") && tokens.At(i - 2).IsWord("DUPLICATE") && tokens.At(i - 3).IsWord("ON"));

    // INSERT INTO t, SQLite's INSERT OR IGNORE INTO t, and MySQL's INSERT IGNORE INTO t (a duplicate row is skipped, not written).
    private static bool IsInsertTarget(Statement statement, int i)
    {
        var tokens = statement.Tokens;
        var main = statement.Main;
        return tokens[main].IsWord("INSERT")
            && (i == main + 1
                || (i == main + 2 && tokens.At(main + 1).IsWord("IGNORE"))
                || (i == main + 3 && tokens.At(main + 1).IsWord("OR")));
    }

    // UPDATE … SET, and INSERT … ON CONFLICT DO UPDATE SET / DO NOTHING.
    private static bool IsPartOfWrite(Statement statement, int i, string word) => statement.Writes && (word == "SET"
        || (word == "DO" && (statement.Tokens.At(i + 1).IsWord("UPDATE") || statement.Tokens.At(i + 1).IsWord("NOTHING"))));

    private static string? CheckFunctionCall(TokenGuardRules rules, SqlToken[] tokens, int i)
    {
        var token = tokens[i];
        if (!token.IsName) return null;
        bool called = tokens.At(i + 1).IsSymbol('(');
        bool attribute = rules.AttributeCalls && tokens.At(i - 1).IsSymbol('.');
        return (called || attribute) && rules.ForbiddenFunctions.Contains(token.Text)
            ? GuardRefusals.Function(token.Text)
            : null;
    }

    private sealed record Statement(SqlToken[] Tokens, int Main, bool Writes, bool AllowWrites, string NameQuotes);
}
