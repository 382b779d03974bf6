namespace OrleansAssistant.Grains.Interfaces.VerifiedQueries;

/// <summary>What a curator submits to verify or edit an example; <see cref="SourceConversationId"/> names the answer it came from.</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.ExampleDraft")]
public sealed record ExampleDraft(
    [property: Id(0)] string Question,
    [property: Id(1)] string Sql,
    [property: Id(2)] string? Notes = null,
    [property: Id(3)] string? SourceConversationId = null);
