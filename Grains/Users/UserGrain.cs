using Microsoft.Extensions.Logging;
using OrleansAssistant.Grains.Audit;
using OrleansAssistant.Grains.Budgets;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Databases;
using OrleansAssistant.Grains.Interfaces;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Llm;
using OrleansAssistant.Grains.Questions;
using OrleansAssistant.Grains.Schedules.Rhythm;
using OrleansAssistant.Grains.Storage;


namespace OrleansAssistant.Grains.Users;

/// <summary>
/// One person: profile, organization membership and database choices, and their questions
/// (UserGrain.Questions.cs). Membership calls no other grain; a question calls the organization and
/// database grains and hands the database grain its principal, so nothing calls back during a question.
/// </summary>
public sealed partial class UserGrain(
    [PersistentState(StorageNames.States.User, StorageNames.Grains)] IPersistentState<UserState> user,
    AdminSettings admins,
    ActivityLog activity,
    QuestionPipeline pipeline,
    BudgetGate budgets,
    ConversationLedger ledger,
    AnsweredQuestions answeredQuestions,
    ModelSettings modelSettings,
    TimeProvider timeProvider,
    ILogger<UserGrain> logger) : Grain, IUserGrain
{
    /// <summary>An unfinished enrolment older than this no longer blocks joining elsewhere.</summary>
    private static readonly TimeSpan PendingExpiry = TimeSpan.FromMinutes(10);

    private long UserId => this.GetPrimaryKeyLong();
    private UserState State => user.State;
    private bool IsRegistered => State.Profile is not null;

    public async Task<UserInfo> RegisterAsync(TelegramProfile profile)
    {
        if (profile.UserId != UserId) throw new ArgumentException($"Profile of user {profile.UserId} sent to user {UserId}.", nameof(profile));
        var now = timeProvider.GetUtcNow();
        var isNew = !IsRegistered;
        if (isNew)
        {
            State.FirstSeen = now;
            // A newcomer can ask a question at once: the shared demo database, when there is one, is preselected.
            State.ActiveDatabaseId ??= await SharedDemoDatabaseAsync();
        }
        // Telegram sets these names, so hidden direction and zero-width characters are taken out rather than refused.
        State.Profile = profile with
        {
            FirstName = NameSafety.WithoutHidden(profile.FirstName),
            LastName = profile.LastName is null ? null : NameSafety.WithoutHidden(profile.LastName),
        };
        State.LastSeen = now;
        await user.WriteStateAsync();
        if (isNew)
        {
            LogRegistered(logger, UserId);
            await activity.AppendAsync(new ActivityEntry(ActivityEvents.UserRegistered, UserId, null));
        }
        return Info();
    }

    private async Task<string?> SharedDemoDatabaseAsync()
    {
        var demo = GrainFactory.GetGrain<IDatabaseConnectionGrain>(CustomerDatabases.Demo.DemoSalesDatabase.DatabaseId);
        return await demo.GetInfoAsync() is { IsActive: true, IsShared: true } ? CustomerDatabases.Demo.DemoSalesDatabase.DatabaseId : null;
    }

    public Task<UserInfo?> GetInfoAsync() => Task.FromResult(IsRegistered ? Info() : null);

    public Task<Principal?> GetPrincipalAsync() => Task.FromResult(CurrentPrincipal());

    /// <summary>This person as authorization sees them now; what a question hands to the database grain with every call.</summary>
    private Principal? CurrentPrincipal() => IsRegistered
        ? new Principal(UserId, State.OrgId is null ? UserRole.User : State.OrgRole, State.OrgId, admins.IsAdmin(UserId))
        : null;

    public async Task<MembershipStep> BeginMembershipAsync(string orgId, UserRole role)
    {
        if (!IsRegistered) return MembershipStep.NotRegistered;
        if (State.OrgId == orgId) return MembershipStep.AlreadyInThisOrganization;
        if (State.OrgId is not null) return MembershipStep.InAnotherOrganization;
        var now = timeProvider.GetUtcNow();
        if (State.PendingOrgId is not null && State.PendingOrgId != orgId && now - State.PendingSince < PendingExpiry)
        {
            return MembershipStep.BusyWithAnotherOrganization;
        }
        if (State.PendingOrgId == orgId && State.PendingRole == role) return MembershipStep.Done;
        State.PendingOrgId = orgId;
        State.PendingRole = role;
        State.PendingSince = now;
        await user.WriteStateAsync();
        return MembershipStep.Done;
    }

    public async Task<MembershipStep> CompleteMembershipAsync(string orgId, UserRole role, string dashboardUsername)
    {
        if (!IsRegistered) return MembershipStep.NotRegistered;
        if (State.OrgId is not null && State.OrgId != orgId) return MembershipStep.InAnotherOrganization;
        if (State.OrgId is null && State.PendingOrgId != orgId) return MembershipStep.BusyWithAnotherOrganization;
        if (State.OrgId == orgId && State.OrgRole == role && State.DashboardUsername == dashboardUsername) return MembershipStep.Done;
        State.OrgId = orgId;
        State.OrgRole = role;
        State.JoinedOrgAt ??= timeProvider.GetUtcNow();
        State.DashboardUsername = dashboardUsername;
        State.PendingOrgId = null;
        await user.WriteStateAsync();
        LogJoined(logger, UserId, orgId, role);
        return MembershipStep.Done;
    }

    public async Task AbandonMembershipAsync(string orgId)
    {
        if (State.PendingOrgId != orgId) return;
        State.PendingOrgId = null;
        await user.WriteStateAsync();
    }

    public async Task LeaveOrganizationAsync(string orgId)
    {
        if (State.OrgId != orgId) return;
        State.OrgId = null;
        State.OrgRole = UserRole.User;
        State.JoinedOrgAt = null;
        State.DashboardUsername = null;
        // An organization's database is no longer usable; a personal or shared one still is.
        if (State.ActiveDatabaseId is { } active && !State.PersonalDatabaseIds.Contains(active) && !SharedDatabases.Contains(active))
        {
            State.ActiveDatabaseId = null;
        }
        await user.WriteStateAsync();
        LogLeft(logger, UserId, orgId);
    }

    public async Task AddPersonalDatabaseAsync(string databaseId)
    {
        if (State.PersonalDatabaseIds.Contains(databaseId)) return;
        State.PersonalDatabaseIds.Add(databaseId);
        await user.WriteStateAsync();
    }

    public async Task ForgetDatabaseAsync(string databaseId)
    {
        var removed = State.PersonalDatabaseIds.Remove(databaseId);
        if (State.ActiveDatabaseId == databaseId) State.ActiveDatabaseId = null;
        else if (!removed) return;
        await user.WriteStateAsync();
    }

    public async Task SetActiveDatabaseAsync(string? databaseId)
    {
        if (State.ActiveDatabaseId == databaseId) return;
        State.ActiveDatabaseId = databaseId;
        await user.WriteStateAsync();
    }

    public async Task<TimeZoneChange> SetTimeZoneAsync(string timeZone)
    {
        if (!IsRegistered) return TimeZoneChange.NotRegistered;
        if (!ScheduleTimeZones.IsKnown(timeZone)) return TimeZoneChange.UnknownTimeZone;
        if ((State.TimeZone ?? ScheduleTimeZones.Default) == timeZone) return TimeZoneChange.Unchanged;
        State.TimeZone = timeZone;
        await user.WriteStateAsync();
        return TimeZoneChange.Changed;
    }

    private UserInfo Info() => new(
        State.Profile!,
        admins.IsAdmin(UserId) ? UserRole.Admin : State.OrgId is null ? UserRole.User : State.OrgRole,
        admins.IsAdmin(UserId),
        State.OrgId,
        State.FirstSeen,
        State.LastSeen,
        State.ActiveDatabaseId,
        State.PersonalDatabaseIds.ToArray(),
        State.DashboardUsername,
        State.OrgId is null ? State.PendingOrgId : null,
        State.TimeZone ?? ScheduleTimeZones.Default);

    [LoggerMessage(1, LogLevel.Information, "User {UserId} registered")]
    private static partial void LogRegistered(ILogger logger, long userId);

    [LoggerMessage(2, LogLevel.Information, "User {UserId} is now {Role} of {OrgId}")]
    private static partial void LogJoined(ILogger logger, long userId, string orgId, UserRole role);

    [LoggerMessage(3, LogLevel.Information, "User {UserId} left {OrgId}")]
    private static partial void LogLeft(ILogger logger, long userId, string orgId);
}
