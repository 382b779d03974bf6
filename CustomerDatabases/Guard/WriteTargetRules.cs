namespace OrleansAssistant.CustomerDatabases.Guard;

/// <summary>Refuses an INSERT or UPDATE whose target is a system table (sqlite_*, pg_*, information_schema).</summary>
internal static class WriteTargetRules
{
    // SQLite has no permissions to stop a write to sqlite_dbpage or sqlite_schema.
    public static string? FindRefusal(SqlToken[] tokens, int main)
    {
        int i = main + 1;
        if (tokens.At(i).IsWord("OR")) i += 2;
        if (tokens.At(i).IsWord("INTO") || tokens.At(i).IsWord("ONLY")) i++;
        for (; tokens.At(i).IsName; i += 2)
        {
            if (IsSystemName(tokens[i].Text)) return GuardRefusals.SystemTable;
            if (!tokens.At(i + 1).IsSymbol('.')) break;
        }
        return null;
    }

    private static bool IsSystemName(string name) =>
        name.StartsWith("sqlite_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("pg_", StringComparison.OrdinalIgnoreCase)
        || name.Equals("information_schema", StringComparison.OrdinalIgnoreCase);
}
