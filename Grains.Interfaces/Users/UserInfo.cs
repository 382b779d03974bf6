namespace OrleansAssistant.Grains.Interfaces.Users;

/// <summary>
/// A registered person as the bot and dashboard show them. <see cref="UnfinishedOrgId"/> names an
/// organization whose join or creation was interrupted; repeating that operation completes it.
/// <see cref="TimeZone"/> is the IANA id the person's schedules are read in.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.UserInfo")]
public sealed record UserInfo(
    [property: Id(0)] TelegramProfile Profile,
    [property: Id(1)] UserRole Role,
    [property: Id(2)] bool IsAdmin,
    [property: Id(3)] string? OrgId,
    [property: Id(4)] DateTimeOffset FirstSeen,
    [property: Id(5)] DateTimeOffset LastSeen,
    [property: Id(6)] string? ActiveDatabaseId,
    [property: Id(7)] IReadOnlyList<string> PersonalDatabaseIds,
    [property: Id(8)] string? DashboardUsername,
    [property: Id(9)] string? UnfinishedOrgId,
    [property: Id(10)] string TimeZone = "UTC");
