using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using OrleansAssistant.Grains.Interfaces;
using OrleansAssistant.Grains.Interfaces.Dashboard;
using OrleansAssistant.Grains.Storage;

namespace OrleansAssistant.Grains.Dashboard;

/// <summary>
/// The door to one username, whether or not an account has it. Not reentrant: attempts at one username
/// queue up, so parallel guesses cannot slip past the count while a password hash runs.
/// </summary>
public sealed class DashboardLoginGrain(
    [PersistentState(StorageNames.States.DashboardLogin, StorageNames.Grains)] IPersistentState<DashboardLoginState> attempts,
    TimeProvider time,
    ILogger<DashboardLoginGrain> logger) : Grain, IDashboardLoginGrain
{
    private const int TokenBytes = 32;
    private static readonly string KeyPrefix = GrainKeys.DashboardLogin(string.Empty);

    private DashboardLoginState State => attempts.State;

    private string Username
    {
        get
        {
            var key = this.GetPrimaryKeyString();
            return key.StartsWith(KeyPrefix, StringComparison.Ordinal) ? key[KeyPrefix.Length..] : key;
        }
    }

    public async Task<LoginResult> LoginAsync(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var now = time.GetUtcNow();
        if (LockedUntil(now) is { } until)
        {
            // No password check while locked: a right guess must look exactly like a wrong one.
            logger.LoginWhileLocked(Username);
            return new LoginResult(LoginStatus.LockedOut, RetryAfter: until - now);
        }

        var account = await GrainFactory.GetGrain<IDashboardAccountGrain>(GrainKeys.DashboardAccount(Username)).VerifyAsync(password);
        if (account is null) return await RecordFailureAsync(time.GetUtcNow());

        await ForgetFailuresAsync();
        var token = NewToken();
        var session = await GrainFactory.GetGrain<IDashboardSessionGrain>(GrainKeys.DashboardSession(token)).StartAsync(account);
        return session is null ? new LoginResult(LoginStatus.Refused) : new LoginResult(LoginStatus.Succeeded, token, session);
    }

    /// <returns>When the lock lifts, or null when the username is not locked.</returns>
    private DateTimeOffset? LockedUntil(DateTimeOffset now)
    {
        if (State.FailedAttempts < DashboardLoginRules.MaxFailedAttempts) return null;
        var until = State.LastFailureAt + DashboardLoginRules.LockoutDuration;
        return now < until ? until : null;
    }

    private async Task<LoginResult> RecordFailureAsync(DateTimeOffset now)
    {
        // Failures further apart than a lockout are not "in a row": a typo a day does not add up to a lock.
        var stale = now - State.LastFailureAt >= DashboardLoginRules.LockoutDuration;
        State.FailedAttempts = stale ? 1 : State.FailedAttempts + 1;
        State.LastFailureAt = now;
        await SaveAsync(() => attempts.WriteStateAsync());
        if (State.FailedAttempts >= DashboardLoginRules.MaxFailedAttempts)
        {
            logger.LockedOut(Username, DashboardLoginRules.LockoutDuration.TotalMinutes, State.FailedAttempts);
        }
        else
        {
            logger.LoginRefused(Username, State.FailedAttempts);
        }
        return new LoginResult(LoginStatus.Refused);
    }

    private async Task ForgetFailuresAsync()
    {
        if (!attempts.RecordExists) return;
        await SaveAsync(() => attempts.ClearStateAsync());
    }

    private Task SaveAsync(Func<Task> write) => StateWrite.OrDeactivateAsync(write, DeactivateOnIdle);

    /// <summary>256 random bits, URL-safe base64 without padding (43 characters), so it fits a header or a URL as is.</summary>
    private static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
}
