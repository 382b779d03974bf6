using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using OrleansAssistant.Authorization;
using OrleansAssistant.CustomerDatabases;
using OrleansAssistant.CustomerDatabases.Connections;
using OrleansAssistant.CustomerDatabases.Dialects;
using OrleansAssistant.CustomerDatabases.Execution;
using OrleansAssistant.Grains.Audit;
using OrleansAssistant.Grains.Interfaces;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Grains.Databases;

/// <summary>
/// Adds, removes, lists and selects databases. Verification happens before anything is saved, so a
/// bad connection string changes nothing. The grains it calls never call back.
/// </summary>
[StatelessWorker]
public sealed partial class DatabasesGrain(
    ConnectionStringParser parser,
    ConnectionTargetPolicy targets,
    ConnectionTestLimiter testLimiter,
    QueryLimits limits,
    ActivityLog activity,
    ILogger<DatabasesGrain> logger) : Grain, IDatabasesGrain
{
    private const string NoAccess = "You don't have access to this database.";
    private static readonly AuthorizationPolicy Policy = AuthorizationPolicy.Instance;

    public async Task<DatabaseResult> AddAsync(long userId, string name, string connectionString)
    {
        var (principal, forOrganization, refused) = await RightToAddAsync(userId);
        if (principal is null || refused is not null) return refused!;
        if (!NameSafety.IsSafe(name ?? "")) return new DatabaseResult(DatabaseError.InvalidName, NameSafety.Refusal("database name"));
        if (DisplayName.Normalize(name) is not { } displayName)
        {
            return new DatabaseResult(DatabaseError.InvalidName, $"The database name must be 1 to {DisplayName.MaxLength} characters.");
        }
        var (target, canWrite, failed) = await ParseAndVerifyAsync(userId, connectionString);
        if (target is null || failed is not null) return failed!;

        var databaseId = NewId();
        await GrainFactory.GetGrain<IDatabaseConnectionGrain>(databaseId).CreateAsync(new DatabaseRegistration(
            displayName, target.Provider, target.ConnectionString, target.Description,
            forOrganization ? null : userId, forOrganization ? principal.OrgId : null, IsShared: false, CreatedBy: userId));
        var user = GrainFactory.GetGrain<IUserGrain>(userId);
        if (forOrganization) await GrainFactory.GetGrain<IOrganizationGrain>(principal.OrgId!).AddDatabaseAsync(databaseId);
        else await user.AddPersonalDatabaseAsync(databaseId);
        // Someone's own first database replaces "nothing" or the demo as the one questions go to.
        var selected = (await user.GetInfoAsync())!.ActiveDatabaseId is not { } active || SharedDatabases.Contains(active);
        if (selected) await user.SetActiveDatabaseAsync(databaseId);

        await activity.AppendAsync(new ActivityEntry(ActivityEvents.DatabaseAdded, userId, principal.OrgId, "database", databaseId,
            new Dictionary<string, object?> { ["name"] = displayName, ["database"] = target.Description, ["scope"] = forOrganization ? "organization" : "personal" }));
        var info = await GrainFactory.GetGrain<IDatabaseConnectionGrain>(databaseId).GetInfoAsync();
        return new DatabaseResult(DatabaseError.None, $"Database '{displayName}' added ({target.Description}).", info,
            canWrite ? WriteAccessProbe.Warning : null, selected);
    }

    public async Task<DatabaseResult> TestAsync(long userId, string connectionString)
    {
        if ((await RightToAddAsync(userId)).Refused is { } refused) return refused;
        var (target, canWrite, failed) = await ParseAndVerifyAsync(userId, connectionString);
        if (target is null || failed is not null) return failed!;
        return new DatabaseResult(DatabaseError.None, $"Connected to {target.Description}.", null, canWrite ? WriteAccessProbe.Warning : null);
    }

    public async Task<DatabaseResult> RemoveAsync(long userId, string databaseId)
    {
        var principal = await GrainFactory.GetGrain<IUserGrain>(userId).GetPrincipalAsync();
        if (principal is null) return new DatabaseResult(DatabaseError.NotRegistered, "Send /start first.");
        var database = GrainFactory.GetGrain<IDatabaseConnectionGrain>(databaseId);
        if (await database.GetInfoAsync() is not { IsActive: true } info) return new DatabaseResult(DatabaseError.NotFound, NoAccess);
        var mayRemove = info.OwnerUserId is { } owner
            ? owner == userId
            : info.OwnerOrgId is { } orgId && Policy.Check(principal, AssistantAction.RemoveOrgDatabase, ResourceScope.ForOrganization(orgId)).Allowed;
        if (!mayRemove) return new DatabaseResult(DatabaseError.NotAllowed, info.IsShared ? "The shared demo database cannot be removed." : NoAccess);

        // Stop it first: from here on nobody can query it, even before the selections are cleared.
        await database.RemoveAsync();
        var affectedUsers = new List<long>();
        if (info.OwnerUserId is { } personalOwner) affectedUsers.Add(personalOwner);
        if (info.OwnerOrgId is { } ownerOrgId)
        {
            var organization = GrainFactory.GetGrain<IOrganizationGrain>(ownerOrgId);
            await organization.RemoveDatabaseAsync(databaseId);
            affectedUsers.AddRange((await organization.GetMembersAsync()).Select(member => member.UserId));
        }
        await Task.WhenAll(affectedUsers.Select(id => GrainFactory.GetGrain<IUserGrain>(id).ForgetDatabaseAsync(databaseId)));
        await activity.AppendAsync(new ActivityEntry(ActivityEvents.DatabaseRemoved, userId, info.OwnerOrgId, "database", databaseId,
            new Dictionary<string, object?> { ["name"] = info.Name }));
        return new DatabaseResult(DatabaseError.None, $"Database '{info.Name}' removed.", info with { IsActive = false });
    }

    public async Task<IReadOnlyList<DatabaseInfo>> ListUsableAsync(long userId)
    {
        var user = GrainFactory.GetGrain<IUserGrain>(userId);
        if (await user.GetInfoAsync() is not { } info) return [];
        var ids = new List<string>(info.PersonalDatabaseIds);
        if (info.OrgId is { } orgId) ids.AddRange(await GrainFactory.GetGrain<IOrganizationGrain>(orgId).GetDatabaseIdsAsync());
        ids.AddRange(SharedDatabases.Ids);
        var candidates = await Task.WhenAll(ids.Distinct().Select(async id =>
        {
            var database = GrainFactory.GetGrain<IDatabaseConnectionGrain>(id);
            return await database.GetInfoAsync() is { IsActive: true } found && await database.CanUseAsync(userId) ? found : null;
        }));
        return candidates.OfType<DatabaseInfo>().ToArray();
    }

    public async Task<DatabaseResult> SelectAsync(long userId, string databaseId)
    {
        var user = GrainFactory.GetGrain<IUserGrain>(userId);
        if (await user.GetPrincipalAsync() is null) return new DatabaseResult(DatabaseError.NotRegistered, "Send /start first.");
        var database = GrainFactory.GetGrain<IDatabaseConnectionGrain>(databaseId);
        // An unknown id and somebody else's database answer alike: ids of others are not confirmed.
        if (!await database.CanUseAsync(userId)) return new DatabaseResult(DatabaseError.NotFound, NoAccess);
        await user.SetActiveDatabaseAsync(databaseId);
        var info = await database.GetInfoAsync();
        return new DatabaseResult(DatabaseError.None, $"Questions now go to '{info!.Name}'.", info, IsSelected: true);
    }

    /// <summary>Whether the user may add a database at all (Refused null, Principal set) and if so whether it would be their organization's.</summary>
    private async Task<(Principal? Principal, bool ForOrganization, DatabaseResult? Refused)> RightToAddAsync(long userId)
    {
        var principal = await GrainFactory.GetGrain<IUserGrain>(userId).GetPrincipalAsync();
        if (principal is null) return (null, false, new DatabaseResult(DatabaseError.NotRegistered, "Send /start first."));
        var forOrganization = Policy.Check(principal, AssistantAction.AddOrgDatabase).Allowed;
        var personal = Policy.Check(principal, AssistantAction.AddPersonalDatabase);
        if (!forOrganization && !personal.Allowed) return (principal, false, new DatabaseResult(DatabaseError.NotAllowed, personal.Reason!));
        return (principal, forOrganization, null);
    }

    /// <summary>Reads the connection string and connects to it (Failed null, Target set, when it works); stores nothing.</summary>
    private async Task<(CustomerConnection? Target, bool CanWrite, DatabaseResult? Failed)> ParseAndVerifyAsync(long userId, string connectionString)
    {
        var parsed = parser.Parse(connectionString);
        if (!parsed.Succeeded) return (null, false, new DatabaseResult(DatabaseError.InvalidConnectionString, parsed.Error!));
        var target = parsed.Connection!;
        // The limit is against probing the network (ports, passwords); a file in the SQLite folder reaches nothing else.
        if (CustomerDialects.Of(target.Provider).IsNetworked && testLimiter.TryTake(userId) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            return (null, false, new DatabaseResult(DatabaseError.TooManyTests,
                $"Too many connection tests: at most {ConnectionTestLimiter.TestsPerWindow} a minute. Try again in {seconds} s."));
        }
        var (failure, canWrite) = await VerifyAsync(target);
        if (failure is null) return (target, canWrite, null);
        LogVerificationFailed(logger, userId, target.Provider, target.Description, failure);
        return (null, false, new DatabaseResult(DatabaseError.VerificationFailed, ConnectionFailureExplainer.Explain(target.Description)));
    }

    /// <returns>What went wrong, for the log, when the database cannot be used, and whether the login can write.</returns>
    private async Task<(string? Failure, bool CanWrite)> VerifyAsync(CustomerConnection target)
    {
        var driver = CustomerDatabaseDriver.For(target.Provider).WithTargets(targets);
        using var timeout = new CancellationTokenSource(limits.VerifyTimeout);
        try
        {
            return await Task.Run(async () =>
            {
                await using var connection = await driver.OpenAsync(target.ConnectionString, readOnly: true, timeout.Token);
                await using (var probe = connection.CreateCommand())
                {
                    probe.CommandText = "SELECT 1";
                    await probe.ExecuteScalarAsync(timeout.Token);
                }
                return ((string?)null, await WriteAccessProbe.CanWriteAsync(target.Provider, connection, timeout.Token));
            }, timeout.Token);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return (ConnectionFailureExplainer.Detail(target.Provider, error, target.Description), false);
        }
    }

    private static string NewId() => "db_" + RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 12);

    [LoggerMessage(1, LogLevel.Information, "{Provider} database {Description} of user {UserId} failed verification: {Detail}")]
    private static partial void LogVerificationFailed(ILogger logger, long userId, DatabaseProvider provider, string description, string detail);
}
