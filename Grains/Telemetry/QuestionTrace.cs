using System.Diagnostics;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Grains.Telemetry;

/// <summary>The <c>question</c> span around one pipeline run, and its count in <c>assistant.questions</c>.</summary>
public sealed class QuestionTrace : IDisposable
{
    private readonly Activity? _span;

    private QuestionTrace(Activity? span) => _span = span;

    public static QuestionTrace Start(long userId, string? orgId)
    {
        var span = AssistantDiagnostics.Source.StartActivity(SpanNames.Question);
        span?.SetTag(SpanTags.UserId, userId);
        span?.SetTag(SpanTags.OrgId, orgId);
        return new QuestionTrace(span);
    }

    public void DatabaseProvider(DatabaseProvider provider) => _span?.SetTag(SpanTags.DatabaseSystem, DatabaseSystem.Of(provider));

    public void Finish(QuestionAnswer answer)
    {
        AssistantMetrics.QuestionFinished(answer.Outcome);
        if (_span is null) return;
        _span.SetTag(SpanTags.Outcome, answer.Outcome.ToString());
        _span.SetTag(SpanTags.Way, answer.Way.ToString());
        _span.SetTag(SpanTags.CostUsd, (double)answer.TotalCost);
        if (answer.Outcome != QuestionOutcome.Answered) _span.SetStatus(ActivityStatusCode.Error, answer.Outcome.ToString());
    }

    public void Dispose() => _span?.Dispose();
}
