using System.Diagnostics;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Grains.Telemetry;

/// <summary>The span around one model call of the pipeline, tagged with what it used and cost.</summary>
public static class StageTrace
{
    public static Activity? Start(int stageNumber, string stageName) =>
        AssistantDiagnostics.Source.StartActivity(SpanNames.Stage(stageNumber, stageName));

    /// <summary>Tags the span and records the stage's time, tokens and cost; a reply that did not parse is a model error.</summary>
    public static void Complete(Activity? span, StageUsage usage, bool succeeded)
    {
        AssistantMetrics.StageCompleted(usage);
        if (!succeeded) AssistantMetrics.Error(ErrorKind.Model);
        if (span is null) return;
        span.SetTag(SpanTags.Model, usage.Model);
        span.SetTag(SpanTags.InputTokens, usage.InputTokens);
        span.SetTag(SpanTags.OutputTokens, usage.OutputTokens);
        if (usage.ReasoningTokens > 0) span.SetTag(SpanTags.ReasoningTokens, usage.ReasoningTokens);
        span.SetTag(SpanTags.CostUsd, (double)usage.TotalCost);
        if (!succeeded) span.SetStatus(ActivityStatusCode.Error, "reply did not parse");
    }

    /// <summary>The model could not be reached at all: nothing to bill, one model error.</summary>
    public static void Fail(Activity? span, string model, Exception error)
    {
        AssistantMetrics.Error(ErrorKind.Model);
        span?.SetTag(SpanTags.Model, model);
        span?.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
    }
}
