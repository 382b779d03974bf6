namespace OrleansAssistant.CustomerDatabases.Guard;

/// <summary>Cuts a token stream into statements at every semicolon, dropping the empty ones.</summary>
internal static class StatementSplitter
{
    // Every semicolon counts, even inside parentheses: a statement that needs one (a function body,
    // a trigger) is never a query, and over-splitting only ever refuses.
    public static List<SqlToken[]> Split(IReadOnlyList<SqlToken> tokens)
    {
        var statements = new List<SqlToken[]>();
        var current = new List<SqlToken>();
        foreach (var token in tokens)
        {
            if (token.IsSymbol(';'))
            {
                AddIfNotEmpty(statements, current);
                continue;
            }
            current.Add(token);
        }
        AddIfNotEmpty(statements, current);
        return statements;
    }

    private static void AddIfNotEmpty(List<SqlToken[]> statements, List<SqlToken> current)
    {
        if (current.Count > 0) statements.Add([.. current]);
        current.Clear();
    }
}
