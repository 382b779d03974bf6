namespace OrleansAssistant.Grains.Interfaces.Budgets;

/// <summary>
/// The most a question is expected to use, in tokens per stage; the budget grain prices it with the stage models it
/// resolves. Output includes the models' reasoning.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.SpendEstimate")]
public sealed record SpendEstimate(
    [property: Id(0)] int SummaryInputTokens,
    [property: Id(1)] int SummaryOutputTokens,
    [property: Id(2)] int AnswerInputTokens,
    [property: Id(3)] int AnswerOutputTokens);
