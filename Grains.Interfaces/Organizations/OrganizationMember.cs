using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Grains.Interfaces.Organizations;

[GenerateSerializer, Immutable, Alias("OrleansAssistant.OrganizationMember")]
public sealed record OrganizationMember(
    [property: Id(0)] long UserId,
    [property: Id(1)] UserRole Role,
    [property: Id(2)] DateTimeOffset JoinedAt,
    [property: Id(3)] string? DashboardUsername = null);
