namespace OrleansAssistant.Grains.Interfaces.Databases;

/// <summary>
/// A write held for confirmation: the exact statement the user is asked to confirm and the token
/// that runs it. <see cref="Token"/> is null when the write was refused (then <see cref="Message"/> says why).
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.WriteProposal")]
public sealed record WriteProposal(
    [property: Id(0)] string? Token,
    [property: Id(1)] string Sql,
    [property: Id(2)] string Message);
