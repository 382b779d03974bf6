using OrleansAssistant.Grains.Dashboard;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Storage;

namespace OrleansAssistant.Grains.Organizations;

/// <summary>One organization's facts: name, owner, members, databases, invitation codes. Calls no other grain.</summary>
public sealed class OrganizationGrain(
    [PersistentState(StorageNames.States.Organization, StorageNames.Grains)] IPersistentState<OrganizationState> organization,
    TimeProvider timeProvider) : Grain, IOrganizationGrain
{
    private OrganizationState State => organization.State;
    private string OrgId => this.GetPrimaryKeyString();

    public async Task<MembershipError> CreateAsync(long ownerId, string name)
    {
        if (State.Exists) return State.OwnerId == ownerId ? MembershipError.None : MembershipError.OrganizationIdTaken;
        if (DisplayName.Normalize(name) is not { } normalized) return MembershipError.InvalidName;
        var now = timeProvider.GetUtcNow();
        State.Exists = true;
        State.Name = normalized;
        State.OwnerId = ownerId;
        State.CreatedAt = now;
        State.Members[ownerId] = new MemberRecord { Role = UserRole.OrgOwner, JoinedAt = now };
        await organization.WriteStateAsync();
        return MembershipError.None;
    }

    public Task<OrganizationInfo?> GetInfoAsync() => Task.FromResult(State.Exists
        ? new OrganizationInfo(OrgId, State.Name, State.OwnerId, State.CreatedAt, State.Members.Count, State.DatabaseIds.Count)
        : null);

    public Task<IReadOnlyList<OrganizationMember>> GetMembersAsync() => Task.FromResult<IReadOnlyList<OrganizationMember>>(
        State.Members.OrderBy(member => member.Value.JoinedAt)
            .Select(member => new OrganizationMember(member.Key, member.Value.Role, member.Value.JoinedAt, member.Value.DashboardUsername))
            .ToArray());

    public async Task<string> RecordMemberAsync(long userId, UserRole role)
    {
        EnsureExists();
        if (State.Members.TryGetValue(userId, out var known) && known.DashboardUsername is { } kept) return kept;
        var member = known ?? new MemberRecord { Role = role, JoinedAt = timeProvider.GetUtcNow() };
        member.DashboardUsername = DashboardUsername.New(member.Role, State.Name, userId);
        State.Members[userId] = member;
        await organization.WriteStateAsync();
        return member.DashboardUsername;
    }

    public async Task ForgetMemberAsync(long userId)
    {
        if (userId == State.OwnerId || !State.Members.Remove(userId)) return;
        await organization.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> GetDatabaseIdsAsync() => Task.FromResult<IReadOnlyList<string>>(State.DatabaseIds.ToArray());

    public async Task AddDatabaseAsync(string databaseId)
    {
        EnsureExists();
        if (State.DatabaseIds.Contains(databaseId)) return;
        State.DatabaseIds.Add(databaseId);
        await organization.WriteStateAsync();
    }

    public async Task RemoveDatabaseAsync(string databaseId)
    {
        if (!State.DatabaseIds.Remove(databaseId)) return;
        await organization.WriteStateAsync();
    }

    public Task<string?> GetPersonalInvitationAsync(long userId) =>
        Task.FromResult(State.PersonalInvitations.GetValueOrDefault(userId));

    public async Task RecordPersonalInvitationAsync(long userId, string code)
    {
        EnsureExists();
        State.PersonalInvitations[userId] = code;
        await organization.WriteStateAsync();
    }

    public async Task ForgetPersonalInvitationAsync(long userId)
    {
        if (!State.PersonalInvitations.Remove(userId)) return;
        await organization.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> GetInvitationCodesAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. State.InvitationCodes.Concat(State.PersonalInvitations.Values).Distinct()]);

    public async Task RecordInvitationAsync(string code)
    {
        EnsureExists();
        if (State.InvitationCodes.Contains(code)) return;
        State.InvitationCodes.Add(code);
        await organization.WriteStateAsync();
    }

    private void EnsureExists()
    {
        if (!State.Exists) throw new InvalidOperationException($"Organization {OrgId} does not exist.");
    }
}
