using System.Diagnostics.Metrics;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Grains.Telemetry;

/// <summary>
/// Our instruments on the meter "OrleansAssistant". Static, like the activity source: grains record
/// from any method without a constructor dependency, and listeners find the meter by name.
/// </summary>
public static class AssistantMetrics
{
    private static readonly Meter Meter = new(AssistantDiagnostics.Name);
    private static readonly Counter<long> Questions = Meter.CreateCounter<long>("assistant.questions", "{question}", "Questions finished, by outcome");
    private static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>("assistant.stage.duration", "ms", "Time of one model call, by stage and model");
    private static readonly Counter<long> Tokens = Meter.CreateCounter<long>("assistant.tokens", "{token}", "Model tokens, by model and direction");
    private static readonly Counter<double> Cost = Meter.CreateCounter<double>("assistant.cost", "USD", "Model spend, by model");
    private static readonly Counter<long> Errors = Meter.CreateCounter<long>("assistant.errors", "{error}", "Failures, by kind: model, database, query");
    private static readonly Counter<long> RateLimitedQuestions = Meter.CreateCounter<long>("assistant.rate_limited", "{question}", "Questions refused by the rate limit");

    /// <summary>A question the pipeline ran, whatever its outcome.</summary>
    public static void QuestionFinished(QuestionOutcome outcome) => Questions.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToString()));

    /// <summary>
    /// A question refused before the pipeline ran (not registered, still working, rate limited, no model,
    /// no database); counts a rate-limit refusal in <c>assistant.rate_limited</c> too. Returns the answer,
    /// so a refusal is recorded where it is returned.
    /// </summary>
    public static QuestionAnswer Refused(QuestionAnswer answer)
    {
        QuestionRefused(answer.Outcome);
        return answer;
    }

    /// <inheritdoc cref="Refused"/>
    public static void QuestionRefused(QuestionOutcome outcome)
    {
        QuestionFinished(outcome);
        if (outcome == QuestionOutcome.RateLimited) RateLimited();
    }

    public static void RateLimited() => RateLimitedQuestions.Add(1);

    public static void StageCompleted(StageUsage usage)
    {
        var model = new KeyValuePair<string, object?>("model", usage.Model);
        StageDuration.Record(usage.Duration.TotalMilliseconds, new KeyValuePair<string, object?>("stage", usage.StageName), model);
        Tokens.Add(usage.InputTokens, model, new KeyValuePair<string, object?>("direction", "input"));
        Tokens.Add(usage.OutputTokens, model, new KeyValuePair<string, object?>("direction", "output"));
        // Only thinking models report them; a zero would add a series to every dashboard for nothing.
        if (usage.ReasoningTokens > 0) Tokens.Add(usage.ReasoningTokens, model, new KeyValuePair<string, object?>("direction", "reasoning"));
        Cost.Add((double)usage.TotalCost, model);
    }

    public static void Error(ErrorKind kind) => Errors.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString().ToLowerInvariant()));
}
