using Microsoft.Extensions.Logging;
using OrleansAssistant.Grains.Interfaces;
using OrleansAssistant.Grains.Interfaces.Dashboard;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Storage;

namespace OrleansAssistant.Grains.Dashboard;

/// <summary>
/// One dashboard session, keyed by its token's hash. Every request re-reads the account and the user,
/// so a reset password, a disabled account or a removed member ends the session at its next request.
/// </summary>
public sealed class DashboardSessionGrain(
    [PersistentState(StorageNames.States.DashboardSession, StorageNames.Grains)] IPersistentState<DashboardSessionState> session,
    TimeProvider time,
    ILogger<DashboardSessionGrain> logger) : Grain, IDashboardSessionGrain
{
    /// <summary>
    /// Activity is stored at most this often: a storage write per request would be waste, and the idle
    /// expiry only needs to be exact to a minute (after a restart a session may end up to this much early).
    /// </summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    /// <summary>The last request, newer than the stored <see cref="DashboardSessionState.LastActiveAt"/> between writes.</summary>
    private DateTimeOffset _lastActiveAt;

    private DashboardSessionState State => session.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _lastActiveAt = State.LastActiveAt;
        return Task.CompletedTask;
    }

    public async Task<DashboardSessionInfo?> StartAsync(DashboardAccountInfo account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!account.Enabled || string.IsNullOrEmpty(account.OrgId)) return null;
        var principal = await GrainFactory.GetGrain<IUserGrain>(account.UserId).GetPrincipalAsync();
        if (principal is null || principal.OrgId != account.OrgId)
        {
            logger.SessionRefused(account.Username, account.UserId, account.OrgId);
            return null;
        }

        var now = time.GetUtcNow();
        State.Username = account.Username;
        State.UserId = account.UserId;
        State.OrgId = account.OrgId;
        State.CredentialsVersion = account.CredentialsVersion;
        State.StartedAt = now;
        State.LastActiveAt = _lastActiveAt = now;
        await SaveAsync(() => session.WriteStateAsync());
        logger.SessionStarted(account.Username, account.UserId, account.OrgId);
        return Info(principal);
    }

    public async Task<DashboardSessionInfo?> ResumeAsync()
    {
        if (!session.RecordExists) return null;
        var now = time.GetUtcNow();
        if (now - _lastActiveAt >= DashboardLoginRules.SessionIdleTimeout) return await EndAsync("idle too long");

        var account = await GrainFactory.GetGrain<IDashboardAccountGrain>(GrainKeys.DashboardAccount(State.Username)).GetInfoAsync();
        if (account is not { Enabled: true } || account.CredentialsVersion != State.CredentialsVersion || account.UserId != State.UserId)
        {
            return await EndAsync("the account was disabled or its credentials reset");
        }
        var principal = await GrainFactory.GetGrain<IUserGrain>(State.UserId).GetPrincipalAsync();
        if (principal is null || principal.OrgId != State.OrgId) return await EndAsync("the user left the organization");

        _lastActiveAt = now;
        if (now - State.LastActiveAt >= TouchInterval)
        {
            State.LastActiveAt = now;
            await SaveAsync(() => session.WriteStateAsync());
        }
        return Info(principal);
    }

    public async Task EndAsync()
    {
        if (session.RecordExists) await EndAsync("logged out");
    }

    private async Task<DashboardSessionInfo?> EndAsync(string reason)
    {
        var username = State.Username;
        await SaveAsync(() => session.ClearStateAsync());
        _lastActiveAt = default;
        logger.SessionEnded(username, reason);
        return null;
    }

    private Task SaveAsync(Func<Task> write) => StateWrite.OrDeactivateAsync(write, DeactivateOnIdle);

    private DashboardSessionInfo Info(Principal principal) =>
        new(State.Username, principal, State.StartedAt, _lastActiveAt + DashboardLoginRules.SessionIdleTimeout);
}
