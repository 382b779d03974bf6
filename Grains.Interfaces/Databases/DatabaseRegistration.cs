namespace OrleansAssistant.Grains.Interfaces.Databases;

/// <summary>A verified connection handed to its new grain. The connection string is plain here, in memory only.</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.DatabaseRegistration")]
public sealed record DatabaseRegistration(
    [property: Id(0)] string Name,
    [property: Id(1)] DatabaseProvider Provider,
    [property: Id(2)] string ConnectionString,
    [property: Id(3)] string Description,
    [property: Id(4)] long? OwnerUserId,
    [property: Id(5)] string? OwnerOrgId,
    [property: Id(6)] bool IsShared,
    [property: Id(7)] long CreatedBy)
{
    public override string ToString() => $"DatabaseRegistration {{ Name = {Name}, Provider = {Provider}, Description = {Description} }}";
}
