namespace OrleansAssistant.Grains.Interfaces.Questions;

/// <summary>
/// A chart of an answer's rows as a 1280×720 PNG, with a note for the caption when the picture leaves
/// something out (thinned points, an "Other" slice).
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.AnswerChart")]
public sealed record AnswerChart(
    [property: Id(0)] ChartKind Kind,
    [property: Id(1)] byte[] Png,
    [property: Id(2)] string? Note);
