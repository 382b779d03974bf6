using Microsoft.Extensions.Logging;
using OrleansAssistant.Grains.Interfaces;
using OrleansAssistant.Grains.Interfaces.Dashboard;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Storage;

namespace OrleansAssistant.Grains.Dashboard;

/// <summary>
/// One dashboard login. Not reentrant: a call holds the grain while its password hash runs on the thread
/// pool, so state never changes under a check, and guesses at one account queue up one at a time.
/// </summary>
public sealed class DashboardAccountGrain(
    [PersistentState(StorageNames.States.DashboardAccount, StorageNames.Grains)] IPersistentState<DashboardAccountState> account,
    TimeProvider time,
    ILogger<DashboardAccountGrain> logger) : Grain, IDashboardAccountGrain
{
    private static readonly string KeyPrefix = GrainKeys.DashboardAccount(string.Empty);

    private DashboardAccountState State => account.State;

    private string Username
    {
        get
        {
            var key = this.GetPrimaryKeyString();
            return key.StartsWith(KeyPrefix, StringComparison.Ordinal) ? key[KeyPrefix.Length..] : key;
        }
    }

    public async Task<DashboardCredentials?> CreateAsync(long userId, string orgId, UserRole role)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(orgId);
        var existed = account.RecordExists;
        if (existed && (State.UserId != userId || State.OrgId != orgId))
        {
            logger.CreateRefused(Username, userId);
            return null;
        }
        if (!existed)
        {
            State.UserId = userId;
            State.OrgId = orgId;
            State.CreatedAt = time.GetUtcNow();
        }
        State.Role = role;
        State.Enabled = true;
        var credentials = await IssueNewPasswordAsync();
        if (existed) logger.Reenabled(Username, State.CredentialsVersion);
        else logger.Created(Username, userId, orgId);
        return credentials;
    }

    public async Task<DashboardAccountInfo?> VerifyAsync(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var usable = account.RecordExists && State.Enabled;
        // Unknown and disabled accounts pay for a full check too, so timing does not reveal which usernames exist.
        var storedHash = usable ? State.PasswordHash : PasswordHasher.Unmatchable;
        var matches = await Task.Run(() => PasswordHasher.Verify(password, storedHash));
        if (!usable || !matches)
        {
            logger.VerifyFailed(Username);
            return null;
        }
        if (PasswordHasher.NeedsRehash(storedHash))
        {
            State.PasswordHash = await Task.Run(() => PasswordHasher.Hash(password));
            await SaveAsync();
            logger.Rehashed(Username, PasswordHasher.CurrentIterations);
        }
        logger.VerifySucceeded(Username);
        return Info();
    }

    public async Task<DashboardCredentials?> ResetCredentialsAsync()
    {
        if (!account.RecordExists || !State.Enabled)
        {
            logger.ResetRefused(Username);
            return null;
        }
        var credentials = await IssueNewPasswordAsync();
        logger.CredentialsReset(Username, State.CredentialsVersion);
        return credentials;
    }

    public async Task DisableAsync()
    {
        if (!account.RecordExists || !State.Enabled) return;
        State.Enabled = false;
        // Nothing may log in any more, and enabling again issues a new password, so the hash has no use left.
        State.PasswordHash = string.Empty;
        State.CredentialsVersion++;
        await SaveAsync();
        logger.Disabled(Username, State.CredentialsVersion);
    }

    public Task<DashboardAccountInfo?> GetInfoAsync() => Task.FromResult(account.RecordExists ? Info() : null);

    private async Task<DashboardCredentials> IssueNewPasswordAsync()
    {
        var password = PasswordGenerator.New();
        State.PasswordHash = await Task.Run(() => PasswordHasher.Hash(password));
        State.CredentialsVersion++;
        await SaveAsync();
        return new DashboardCredentials(Username, password);
    }

    private Task SaveAsync() => StateWrite.OrDeactivateAsync(account.WriteStateAsync, DeactivateOnIdle);

    private DashboardAccountInfo Info() =>
        new(Username, State.UserId, State.OrgId, State.Role, State.Enabled, State.CreatedAt, State.CredentialsVersion);
}
