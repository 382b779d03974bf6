namespace OrleansAssistant.Grains.Interfaces.VerifiedQueries;

/// <summary>
/// A question and the SQL a curator checked for it, on one database. <see cref="BrokenAt"/> is set when the SQL
/// stopped running (the schema changed): a broken example is never run for a question until it is edited.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.VerifiedExample")]
public sealed record VerifiedExample(
    [property: Id(0)] long ExampleId,
    [property: Id(1)] string DatabaseId,
    [property: Id(2)] string Question,
    [property: Id(3)] string Sql,
    [property: Id(4)] string? Notes,
    [property: Id(5)] long VerifiedBy,
    [property: Id(6)] string VerifiedByName,
    [property: Id(7)] DateTimeOffset VerifiedAt,
    [property: Id(8)] string? SourceConversationId = null,
    [property: Id(9)] DateTimeOffset? BrokenAt = null,
    [property: Id(10)] string? BrokenReason = null)
{
    public bool IsBroken => BrokenAt is not null;
}
