using OrleansAssistant.Benchmarks.Query;
using OrleansAssistant.TestSupport.Models;

namespace OrleansAssistant.Benchmarks.Pipeline;

/// <summary>
/// A model that answers at once: stage 1 (structured, JSON schema) always asks for the sales-by-region
/// aggregate, stage 2 (plain text) always returns the same short answer. What remains is the pipeline's own cost.
/// </summary>
internal static class InstantModel
{
    // Typical of a real stage 1 and stage 2 call on the demo database, so cost metering does real arithmetic.
    private const int SummaryInputTokens = 800;
    private const int SummaryOutputTokens = 60;
    private const int AnswerInputTokens = 600;
    private const int AnswerOutputTokens = 40;

    public const string AnswerText = "North leads with the most sales, followed by West and South.";

    private static readonly object SalesByRegion = new { way = "SqlQuery", sql = DemoQueries.SalesByRegion, answer = (string?)null };

    public static void AnswerEveryRequest(FakeModelServer model) => model.Respond(request => request.ResponseFormatType is null
        ? ScriptedReply.Text(AnswerText, AnswerInputTokens, AnswerOutputTokens)
        : ScriptedReply.Json(SalesByRegion, SummaryInputTokens, SummaryOutputTokens));

    /// <summary>The next request only: a stage 1 reply that needs no query, for sizing a prompt on any database.</summary>
    public static void AnswerNextWithoutQuery(FakeModelServer model) =>
        model.EnqueueJson(new { way = "Conversation", sql = (string?)null, answer = "ok" }, SummaryInputTokens, SummaryOutputTokens);
}
