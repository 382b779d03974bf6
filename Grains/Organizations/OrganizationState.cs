using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Grains.Organizations;

[GenerateSerializer, Alias("OrleansAssistant.OrganizationState")]
public sealed class OrganizationState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public long OwnerId { get; set; }
    [Id(3)] public DateTimeOffset CreatedAt { get; set; }
    [Id(4)] public Dictionary<long, MemberRecord> Members { get; set; } = [];
    [Id(5)] public List<string> DatabaseIds { get; set; } = [];
    [Id(6)] public List<string> InvitationCodes { get; set; } = [];
    /// <summary>The open personal invitation per invited person, so asking twice sends one invitation.</summary>
    [Id(7)] public Dictionary<long, string> PersonalInvitations { get; set; } = [];
}

[GenerateSerializer, Alias("OrleansAssistant.MemberRecord")]
public sealed class MemberRecord
{
    [Id(0)] public UserRole Role { get; set; }
    [Id(1)] public DateTimeOffset JoinedAt { get; set; }
    /// <summary>Drawn at enrolment; empty for records made before usernames had a random part.</summary>
    [Id(2)] public string? DashboardUsername { get; set; }
}
