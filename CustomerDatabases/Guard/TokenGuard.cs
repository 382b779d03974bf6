namespace OrleansAssistant.CustomerDatabases.Guard;

/// <summary>
/// Decides SQL text from its tokens, for the dialects whose lexer a <see cref="SqlLexicon"/> describes: exactly one
/// statement, then what it is (its main keyword), then whether anything inside it is forbidden.
/// </summary>
internal static class TokenGuard
{
    public static GuardVerdict Check(TokenGuardRules rules, string sql, bool allowWrites)
    {
        var (tokens, refusal) = SqlTokenizer.Tokenize(rules.Lexicon, sql);
        if (refusal is not null) return GuardVerdict.Refuse(refusal);
        var statements = StatementSplitter.Split(tokens);
        return statements.Count switch
        {
            0 => GuardVerdict.Refuse(GuardRefusals.Empty),
            1 => CheckStatement(rules, statements[0], allowWrites),
            _ => GuardVerdict.Refuse(GuardRefusals.MultipleStatements),
        };
    }

    private static GuardVerdict CheckStatement(TokenGuardRules rules, SqlToken[] tokens, bool allowWrites)
    {
        int head = 0;
        while (head < tokens.Length && tokens[head].IsSymbol('(')) head++; // (SELECT …) UNION (SELECT …)
        if (head == tokens.Length || tokens[head].Kind != SqlTokenKind.Word)
        {
            return GuardVerdict.Refuse(allowWrites ? GuardRefusals.NotAQueryOrWrite : GuardRefusals.NotAQuery);
        }
        int main = tokens[head].IsWord("WITH") ? FindMainAfterWith(tokens, head) : head;
        if (main < 0) return GuardVerdict.Refuse(allowWrites ? GuardRefusals.NotAQueryOrWrite : GuardRefusals.NotAQuery);

        var verdict = Classify(rules, tokens[main].Text.ToUpperInvariant(), allowWrites);
        if (!verdict.Allowed) return verdict;
        var refusal = rules.DialectRule?.Invoke(tokens, main, allowWrites) ?? StatementBodyRules.FindRefusal(rules, tokens, main, allowWrites);
        return refusal is null ? verdict : GuardVerdict.Refuse(refusal, verdict.Kind);
    }

    private static GuardVerdict Classify(TokenGuardRules rules, string keyword, bool allowWrites) => keyword switch
    {
        "SELECT" or "VALUES" => GuardVerdict.Allow(StatementKind.Query),
        "TABLE" when rules.TableStatement => GuardVerdict.Allow(StatementKind.Query),
        "INSERT" => Write(StatementKind.Insert, allowWrites),
        "UPDATE" => Write(StatementKind.Update, allowWrites),
        "DELETE" or "MERGE" or "REPLACE" or "UPSERT" => GuardVerdict.Refuse(
            allowWrites ? GuardRefusals.WriteNotAllowed(keyword) : GuardRefusals.ChangesData),
        _ when ForbiddenKeywords.WhyAtStart(keyword) is { } why => GuardVerdict.Refuse(GuardRefusals.Keyword(keyword, why)),
        _ => GuardVerdict.Refuse(allowWrites ? GuardRefusals.NotAQueryOrWrite : GuardRefusals.NotAQuery),
    };

    private static GuardVerdict Write(StatementKind kind, bool allowWrites) =>
        allowWrites ? GuardVerdict.Allow(kind) : GuardVerdict.Refuse(GuardRefusals.ChangesData, kind);

    /// <summary>
    /// After WITH and its parenthesised CTEs comes the statement proper: the first keyword outside
    /// parentheses that starts a query or a data change. Returns -1 when there is none.
    /// </summary>
    private static int FindMainAfterWith(SqlToken[] tokens, int with)
    {
        int depth = 0;
        for (int i = with + 1; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.IsSymbol('(')) depth++;
            else if (token.IsSymbol(')')) depth--;
            else if (depth == 0 && token.Kind == SqlTokenKind.Word && !tokens.At(i - 1).IsSymbol('.')
                && token.Text.ToUpperInvariant() is "SELECT" or "VALUES" or "TABLE" or "INSERT" or "UPDATE" or "DELETE" or "MERGE")
            {
                return i;
            }
        }
        return -1;
    }
}
