using Microsoft.SqlServer.TransactSql.ScriptDom;
using OrleansAssistant.CustomerDatabases.Guard;

namespace OrleansAssistant.CustomerDatabases.Dialects.SqlServer;

/// <summary>
/// Decides SQL Server text with Microsoft's own T-SQL parser: exactly one statement of an allowed type,
/// then a walk of its whole tree for anything forbidden inside.
/// </summary>
internal static class TSqlRules
{
    public static GuardVerdict Check(string sql, bool allowWrites)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var errors);
        if (errors.Count > 0 || fragment is not TSqlScript script) return GuardVerdict.Refuse(GuardRefusals.NotUnderstood);

        // GO separates batches only for tools like sqlcmd: SQL Server itself would get the whole text and read it differently.
        if (script.ScriptTokenStream.Any(token => token.TokenType == TSqlTokenType.Go)) return GuardVerdict.Refuse(GuardRefusals.BatchSeparator);
        var statements = script.Batches.SelectMany(batch => batch.Statements).ToList();
        if (statements.Count == 0) return GuardVerdict.Refuse(GuardRefusals.Empty);
        if (statements.Count > 1) return GuardVerdict.Refuse(GuardRefusals.MultipleStatements);

        var statement = statements[0];
        var verdict = Classify(statement, allowWrites);
        if (!verdict.Allowed) return verdict;
        var visitor = new TSqlForbiddenNodeVisitor(statement, allowWrites);
        statement.Accept(visitor);
        return visitor.Refusal is null ? verdict : GuardVerdict.Refuse(visitor.Refusal, verdict.Kind);
    }

    private static GuardVerdict Classify(TSqlStatement statement, bool allowWrites)
    {
        string firstWord = statement.ScriptTokenStream[statement.FirstTokenIndex].Text;
        return statement switch
        {
            SelectStatement { Into: not null } => GuardVerdict.Refuse(GuardRefusals.SelectInto),
            SelectStatement => GuardVerdict.Allow(StatementKind.Query),
            InsertStatement => Write(StatementKind.Insert, allowWrites),
            UpdateStatement => Write(StatementKind.Update, allowWrites),
            DeleteStatement => Refuse("DELETE", allowWrites),
            MergeStatement => Refuse("MERGE", allowWrites),
            // Without EXEC, SQL Server reads a leading name as a procedure call: "SELEC x" calls SELEC.
            ExecuteStatement when !IsExecKeyword(firstWord) => GuardVerdict.Refuse(GuardRefusals.ProcedureCall(firstWord)),
            _ when ForbiddenKeywords.WhyAtStart(firstWord) is { } why =>
                GuardVerdict.Refuse(GuardRefusals.Keyword(firstWord.ToUpperInvariant(), why)),
            _ => GuardVerdict.Refuse(allowWrites ? GuardRefusals.NotAQueryOrWrite : GuardRefusals.NotAQuery),
        };
    }

    private static bool IsExecKeyword(string word) =>
        word.Equals("EXEC", StringComparison.OrdinalIgnoreCase) || word.Equals("EXECUTE", StringComparison.OrdinalIgnoreCase);

    private static GuardVerdict Write(StatementKind kind, bool allowWrites) =>
        allowWrites ? GuardVerdict.Allow(kind) : GuardVerdict.Refuse(GuardRefusals.ChangesData, kind);

    private static GuardVerdict Refuse(string keyword, bool allowWrites) =>
        GuardVerdict.Refuse(allowWrites ? GuardRefusals.WriteNotAllowed(keyword) : GuardRefusals.ChangesData);
}
