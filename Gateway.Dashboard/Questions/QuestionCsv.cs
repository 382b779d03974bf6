using OrleansAssistant.Gateway.Dashboard.Costs;
using OrleansAssistant.Gateway.Dashboard.Http;

namespace OrleansAssistant.Gateway.Dashboard.Questions;

/// <summary>The Questions list as a CSV file, the same rows as the JSON; a cost with unpriced calls is text, as on the Costs tab.</summary>
internal static class QuestionCsv
{
    public static CsvFile Of(IEnumerable<ReviewedQuestionView> questions)
    {
        var csv = new CsvFile("started_at_utc", "conversation_id", "user_id", "member", "database", "question", "sql", "outcome", "rows",
                              "feedback", "feedback_reason", "cost_usd", "unpriced_calls", "tokens", "answered_from_example", "verified_as_example");
        foreach (var q in questions)
        {
            csv.Add(q.StartedAt, q.ConversationId, q.UserId, q.MemberName, q.DatabaseName ?? q.DatabaseId, q.Question, q.Sql, q.Outcome, q.ResultRows,
                    q.Feedback, q.FeedbackReason, CostViews.Cost(q.Cost, q.UnpricedCalls), q.UnpricedCalls, q.TotalTokens, q.AnsweredFromExampleId, q.VerifiedAsExampleId);
        }
        return csv;
    }
}
