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

    // Bounds the stored record when guesses come from very many networks; the oldest runs go first.
    private const int MaxNetworks = 256;

    private static readonly string KeyPrefix = GrainKeys.DashboardLogin(string.Empty);

    private Dictionary<string, NetworkFailures> Networks => attempts.State.Networks;

    private string Username
    {
        get
        {
            var key = this.GetPrimaryKeyString();
            return key.StartsWith(KeyPrefix, StringComparison.Ordinal) ? key[KeyPrefix.Length..] : key;
        }
    }

    public async Task<LoginResult> LoginAsync(string password, string clientNetwork)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(clientNetwork);
        var now = time.GetUtcNow();
        if (WaitUntil(clientNetwork, now) is { } until)
        {
            // No password check while waiting: a right guess must look exactly like a wrong one.
            logger.LoginWhileThrottled(Username, clientNetwork);
            return new LoginResult(LoginStatus.Throttled, RetryAfter: until - now);
        }

        var account = await GrainFactory.GetGrain<IDashboardAccountGrain>(GrainKeys.DashboardAccount(Username)).VerifyAsync(password);
        if (account is null) return await RecordFailureAsync(clientNetwork, time.GetUtcNow());

        await ForgetFailuresAsync(clientNetwork);
        var token = NewToken();
        var session = await GrainFactory.GetGrain<IDashboardSessionGrain>(GrainKeys.DashboardSession(token)).StartAsync(account);
        return session is null ? new LoginResult(LoginStatus.Refused) : new LoginResult(LoginStatus.Succeeded, token, session);
    }

    /// <returns>When <paramref name="network"/> may try again, or null when it need not wait.</returns>
    private DateTimeOffset? WaitUntil(string network, DateTimeOffset now)
    {
        if (!Networks.TryGetValue(network, out var failures)) return null;
        var until = failures.LastAt + DashboardLoginRules.DelayAfter(failures.Count);
        return now < until ? until : null;
    }

    private async Task<LoginResult> RecordFailureAsync(string network, DateTimeOffset now)
    {
        ForgetStaleRuns(now);
        var failures = Networks.TryGetValue(network, out var known) ? known : Networks[network] = new NetworkFailures();
        failures.Count++;
        failures.LastAt = now;
        await SaveAsync(() => attempts.WriteStateAsync());
        var delay = DashboardLoginRules.DelayAfter(failures.Count);
        if (delay > TimeSpan.Zero) logger.LoginThrottled(Username, network, failures.Count, delay.TotalSeconds);
        else logger.LoginRefused(Username, network, failures.Count);
        return new LoginResult(LoginStatus.Refused);
    }

    private void ForgetStaleRuns(DateTimeOffset now)
    {
        foreach (var (network, failures) in Networks.ToList())
        {
            if (now - failures.LastAt >= DashboardLoginRules.ForgetFailuresAfter) Networks.Remove(network);
        }
        while (Networks.Count >= MaxNetworks)
        {
            Networks.Remove(Networks.MinBy(run => run.Value.LastAt).Key);
        }
    }

    private async Task ForgetFailuresAsync(string network)
    {
        if (!Networks.Remove(network)) return;
        await SaveAsync(() => Networks.Count == 0 ? attempts.ClearStateAsync() : attempts.WriteStateAsync());
    }

    private Task SaveAsync(Func<Task> write) => StateWrite.OrDeactivateAsync(write, DeactivateOnIdle);

    /// <summary>256 random bits, URL-safe base64 without padding (43 characters), so it fits a header or a URL as is.</summary>
    private static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
}
