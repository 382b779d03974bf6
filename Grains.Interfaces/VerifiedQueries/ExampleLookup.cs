namespace OrleansAssistant.Grains.Interfaces.VerifiedQueries;

/// <summary>A verified example and how similar its question is to the one asked (0–1, 1 = the same words).</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.ExampleMatch")]
public sealed record ExampleMatch(
    [property: Id(0)] VerifiedExample Example,
    [property: Id(1)] double Similarity);

/// <summary>
/// What stage 1 may use for one question: the most similar working examples (best first), the example that
/// answers it outright when the question repeats a verified one closely enough (<see cref="Repeat"/>), and the glossary.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.ExampleLookup")]
public sealed record ExampleLookup(
    [property: Id(0)] IReadOnlyList<ExampleMatch> Similar,
    [property: Id(1)] ExampleMatch? Repeat,
    [property: Id(2)] IReadOnlyList<GlossaryEntry> Glossary)
{
    public static ExampleLookup Empty { get; } = new([], null, []);
}
