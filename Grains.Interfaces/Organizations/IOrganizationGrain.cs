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

    /// <summary>
    /// Adds (or keeps) a member; idempotent. The member's dashboard username is drawn the first time and kept
    /// until they leave, so a retried enrolment reuses it and no two people or organizations ever share one.
    /// </summary>
    /// <returns>The member's dashboard username.</returns>
    [Alias("RecordMember")]
    Task<string> RecordMemberAsync(long userId, UserRole role);

    /// <summary>Removes a member; the owner is never removed; idempotent.</summary>
    [Alias("ForgetMember")]
    Task ForgetMemberAsync(long userId);

    [Alias("GetDatabaseIds")]
    Task<IReadOnlyList<string>> GetDatabaseIdsAsync();

    [Alias("AddDatabase")]
    Task AddDatabaseAsync(string databaseId);

    [Alias("RemoveDatabase")]
    Task RemoveDatabaseAsync(string databaseId);

    /// <returns>The code of the personal invitation sent to <paramref name="userId"/>, or null.</returns>
    [Alias("GetPersonalInvitation")]
    Task<string?> GetPersonalInvitationAsync(long userId);

    [Alias("RecordPersonalInvitation")]
    Task RecordPersonalInvitationAsync(long userId, string code);

    [Alias("ForgetPersonalInvitation")]
    Task ForgetPersonalInvitationAsync(long userId);

    /// <returns>Every invitation of the organization: the open codes and the personal ones sent to a user id.</returns>
    [Alias("GetInvitationCodes")]
    Task<IReadOnlyList<string>> GetInvitationCodesAsync();

    [Alias("RecordInvitation")]
    Task RecordInvitationAsync(string code);
}
