namespace OrleansAssistant.Grains.Interfaces.VerifiedQueries;

/// <summary>A business term of one database and what it means there, e.g. "active customer" = "ordered in the last 90 days".</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.GlossaryEntry")]
public sealed record GlossaryEntry(
    [property: Id(0)] string Term,
    [property: Id(1)] string Meaning);
