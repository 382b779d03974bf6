namespace OrleansAssistant.Grains.Interfaces.Databases;

/// <summary>
/// A customer database as anyone may see it: never the connection string, only its masked
/// description (provider, host, database). Owned by a user (personal) or an organization, or
/// shared with everyone (the demo database).
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.DatabaseInfo")]
public sealed record DatabaseInfo(
    [property: Id(0)] string DatabaseId,
    [property: Id(1)] string Name,
    [property: Id(2)] DatabaseProvider Provider,
    [property: Id(3)] string Description,
    [property: Id(4)] long? OwnerUserId,
    [property: Id(5)] string? OwnerOrgId,
    [property: Id(6)] bool IsShared,
    [property: Id(7)] bool IsActive,
    [property: Id(8)] bool WriteMode,
    [property: Id(9)] long CreatedBy,
    [property: Id(10)] DateTimeOffset CreatedAt,
    [property: Id(11)] string ProviderName = "");

[GenerateSerializer, Alias("OrleansAssistant.DatabaseError")]
public enum DatabaseError
{
    None = 0,
    NotRegistered = 1,
    NotAllowed = 2,
    InvalidName = 3,
    InvalidConnectionString = 4,
    /// <summary>The connection string was understood but the database could not be reached or refused the login.</summary>
    VerificationFailed = 5,
    NotFound = 6,
    /// <summary>The person tried too many connections in the last minute; nothing was tried.</summary>
    TooManyTests = 7,
}

/// <summary>
/// Outcome of adding, removing, selecting or configuring a database, with a message fit for the user.
/// <see cref="IsSelected"/>: questions now go to <see cref="Database"/> (an add makes someone's first own database the active one).
/// Who may use it follows from <see cref="DatabaseInfo.OwnerUserId"/> (personal) or <see cref="DatabaseInfo.OwnerOrgId"/> (the organization's).
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.DatabaseResult")]
public sealed record DatabaseResult(
    [property: Id(0)] DatabaseError Error,
    [property: Id(1)] string Message,
    [property: Id(2)] DatabaseInfo? Database = null,
    [property: Id(3)] string? Warning = null,
    [property: Id(4)] bool IsSelected = false)
{
    public bool Succeeded => Error == DatabaseError.None;
}
