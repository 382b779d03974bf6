using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Grains.Users;

[GenerateSerializer, Alias("OrleansAssistant.UserState")]
public sealed class UserState
{
    /// <summary>Null until the person registers.</summary>
    [Id(0)] public TelegramProfile? Profile { get; set; }
    [Id(1)] public DateTimeOffset FirstSeen { get; set; }
    [Id(2)] public DateTimeOffset LastSeen { get; set; }
    [Id(3)] public string? OrgId { get; set; }
    [Id(4)] public UserRole OrgRole { get; set; }
    [Id(5)] public DateTimeOffset? JoinedOrgAt { get; set; }
    [Id(6)] public string? DashboardUsername { get; set; }
    /// <summary>An organization this user is being enrolled in; set before, cleared after the other steps.</summary>
    [Id(7)] public string? PendingOrgId { get; set; }
    [Id(8)] public UserRole PendingRole { get; set; }
    [Id(9)] public DateTimeOffset PendingSince { get; set; }
    [Id(10)] public string? ActiveDatabaseId { get; set; }
    [Id(11)] public List<string> PersonalDatabaseIds { get; set; } = [];
    /// <summary>An IANA id; null (state from before time zones) reads as UTC.</summary>
    [Id(12)] public string? TimeZone { get; set; }
}
