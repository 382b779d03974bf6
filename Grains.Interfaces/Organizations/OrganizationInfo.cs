namespace OrleansAssistant.Grains.Interfaces.Organizations;

[GenerateSerializer, Immutable, Alias("OrleansAssistant.OrganizationInfo")]
public sealed record OrganizationInfo(
    [property: Id(0)] string OrgId,
    [property: Id(1)] string Name,
    [property: Id(2)] long OwnerId,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] int MemberCount,
    [property: Id(5)] int DatabaseCount);
