using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Grains.Costs;

/// <summary>
/// One model call of a conversation. <see cref="Sequence"/> orders the calls; a SQL repair round is
/// another call with the same <see cref="StageNumber"/>. <see cref="ReasoningTokens"/> are billed in
/// <see cref="OutputCost"/>; when <see cref="PriceKnown"/> is false the model had no price in force and both costs are 0.
/// </summary>
public sealed record StageRecord(
    int Sequence,
    int StageNumber,
    string StageName,
    string Model,
    int InputTokens,
    int OutputTokens,
    decimal InputCost,
    decimal OutputCost,
    DateTimeOffset StartedAt,
    int DurationMs,
    bool Succeeded,
    string? Error = null,
    int ReasoningTokens = 0,
    bool PriceKnown = true)
{
    public decimal TotalCost => InputCost + OutputCost;

    /// <summary>The record of a call whose usage the pipeline reported.</summary>
    public static StageRecord From(StageUsage usage, int sequence, DateTimeOffset startedAt, bool succeeded = true, string? error = null) =>
        new(sequence, usage.StageNumber, usage.StageName, usage.Model, usage.InputTokens, usage.OutputTokens,
            usage.InputCost, usage.OutputCost, startedAt, (int)usage.Duration.TotalMilliseconds, succeeded, error,
            usage.ReasoningTokens, usage.PriceKnown);
}
