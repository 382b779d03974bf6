using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Grains.Interfaces.Organizations;

/// <summary>
/// One organization, keyed by its id (<c>ORG_yyyyMMdd_xxxxxx</c>). Holds facts only; the checks and the
/// order of multi-grain changes live in <see cref="IMembershipGrain"/>.
/// </summary>
[Alias("OrleansAssistant.IOrganizationGrain")]
public interface IOrganizationGrain : IGrainWithStringKey
{
    /// <summary>Creates the organization with its owner as first member; repeating it for the same owner is a no-op.</summary>
    [Alias("Create")]
    Task<MembershipError> CreateAsync(long ownerId, string name);

    /// <returns>Null when no organization has this id.</returns>
    [Alias("GetInfo")]
    Task<OrganizationInfo?> GetInfoAsync();

    [Alias("GetMembers")]
    Task<IReadOnlyList<OrganizationMember>> GetMembersAsync();

    /// <summary>Adds (or keeps) a member; idempotent.</summary>
    [Alias("RecordMember")]
    Task RecordMemberAsync(long userId, UserRole role);

    /// <summary>Removes a member; the owner is never removed; idempotent.</summary>
    [Alias("ForgetMember")]
    Task ForgetMemberAsync(long userId);

    [Alias("GetDatabaseIds")]
    Task<IReadOnlyList<string>> GetDatabaseIdsAsync();

    [Alias("AddDatabase")]
    Task AddDatabaseAsync(string databaseId);

    [Alias("RemoveDatabase")]
    Task RemoveDatabaseAsync(string databaseId);

    [Alias("GetInvitationCodes")]
    Task<IReadOnlyList<string>> GetInvitationCodesAsync();

    [Alias("RecordInvitation")]
    Task RecordInvitationAsync(string code);
}
