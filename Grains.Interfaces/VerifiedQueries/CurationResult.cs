using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Grains.Interfaces.VerifiedQueries;

/// <summary>
/// The outcome of verifying, editing or removing an example, setting the glossary, or a trial run.
/// <see cref="Problem"/> carries data only (the guard's reason, the database's error, the field's name); the gateways word it.
/// <see cref="Preview"/> holds the first rows of a trial run or of the check made before verifying.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.CurationResult")]
public sealed record CurationResult(
    [property: Id(0)] CurationStatus Status,
    [property: Id(1)] VerifiedExample? Example = null,
    [property: Id(2)] string? Problem = null,
    [property: Id(3)] QueryResult? Preview = null)
{
    public bool Succeeded => Status is CurationStatus.Saved or CurationStatus.AlreadyVerified;
}
