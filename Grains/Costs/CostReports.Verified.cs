using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Costs;

public sealed partial class CostReports
{
    /// <summary>
    /// How many of the scope's questions in [from, to) ran a verified example's SQL, and the tokens that saved. Always read
    /// from the rows (the daily totals do not keep it), joined to the questions so the range rule is the other figures'.
    /// </summary>
    public async Task<VerifiedAnswerTotals> VerifiedAsync(CostScope scope, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(from, to, (command, _) => $"""
            SELECT COUNT(*), {Tokens("v.TokensSaved")}
              FROM VerifiedAnswers v
              JOIN Conversations c ON c.ConversationId = v.ConversationId
             WHERE {scope.Condition("c", command)} AND c.StartedAt >= @from AND c.StartedAt < @to
            """,
            reader => new VerifiedAnswerTotals(DbValues.Int64(reader, 0), DbValues.Int64(reader, 1)),
            CostSource.Rows, cancellationToken);
        return rows[0];
    }
}
