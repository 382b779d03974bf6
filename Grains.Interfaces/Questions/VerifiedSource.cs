namespace OrleansAssistant.Grains.Interfaces.Questions;

/// <summary>
/// Set on an answer that ran a verified example's SQL instead of asking the model to write one: which example,
/// who verified it and when, and how the answer was written (in <see cref="VerifiedAnswerMode.Template"/> mode
/// the answer's text is empty and the gateway words the result).
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.VerifiedSource")]
public sealed record VerifiedSource(
    [property: Id(0)] long ExampleId,
    [property: Id(1)] string VerifiedByName,
    [property: Id(2)] DateTimeOffset VerifiedAt,
    [property: Id(3)] VerifiedAnswerMode Mode,
    [property: Id(4)] int TokensSaved);
