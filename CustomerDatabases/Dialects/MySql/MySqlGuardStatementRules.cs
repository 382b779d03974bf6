using System.Collections.Frozen;
using OrleansAssistant.CustomerDatabases.Guard;

namespace OrleansAssistant.CustomerDatabases.Dialects.MySql;

/// <summary>
/// The parts of MySQL's grammar the shared token rules do not know: variables and := assignments, SELECT … INTO
/// OUTFILE / DUMPFILE / @var, LOCK IN SHARE MODE, PROCEDURE ANALYSE, NEXT VALUE FOR, and writes to the system schemas.
/// </summary>
internal static class MySqlGuardStatementRules
{
    private static readonly FrozenSet<string> SystemSchemas =
        new[] { "mysql", "information_schema", "performance_schema", "sys" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static string? FindRefusal(SqlToken[] tokens, int main, bool allowWrites)
    {
        bool query = !tokens[main].IsWord("INSERT") && !tokens[main].IsWord("UPDATE");
        for (int i = 0; i < tokens.Length; i++)
        {
            var refusal = CheckToken(tokens, i, query);
            if (refusal is not null) return refusal;
        }
        return allowWrites && !query ? FindSystemSchema(tokens) : null;
    }

    private static string? CheckToken(SqlToken[] tokens, int i, bool query)
    {
        var token = tokens[i];
        // @name, @@name, @'name' and SELECT @a := 1 read or change session state.
        if (token.IsSymbol('@') || (token.IsSymbol(':') && tokens.At(i + 1).IsSymbol('='))) return GuardRefusals.Variables;
        if (token.Kind != SqlTokenKind.Word || tokens.At(i - 1).IsSymbol('.')) return null;
        if (query && token.IsWord("INTO")) return GuardRefusals.SelectIntoFileOrVariable;
        if (token.IsWord("LOCK") && tokens.At(i + 1).IsWord("IN")) return GuardRefusals.LockingClause;
        if (token.IsWord("PROCEDURE")) return GuardRefusals.Keyword("PROCEDURE", "runs a procedure on the result");
        if (token.IsWord("NEXT") && tokens.At(i + 1).IsWord("VALUE")) return GuardRefusals.SequenceChange;
        return null;
    }

    // With writes allowed the login may still reach mysql.user and the like: no INSERT or UPDATE may name them.
    private static string? FindSystemSchema(SqlToken[] tokens)
    {
        for (int i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].IsName && tokens.At(i + 1).IsSymbol('.') && SystemSchemas.Contains(tokens[i].Text)) return GuardRefusals.SystemTable;
        }
        return null;
    }
}
