namespace OrleansAssistant.Grains.Interfaces.VerifiedQueries;

/// <summary>A database's whole library as its curators see it: every example (broken ones too, newest first) and the glossary.</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.LibraryView")]
public sealed record LibraryView(
    [property: Id(0)] string DatabaseId,
    [property: Id(1)] IReadOnlyList<VerifiedExample> Examples,
    [property: Id(2)] IReadOnlyList<GlossaryEntry> Glossary);
