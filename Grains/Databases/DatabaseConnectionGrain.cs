using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using OrleansAssistant.Authorization;
using OrleansAssistant.CustomerDatabases.Connections;
using OrleansAssistant.CustomerDatabases.Dialects;
using OrleansAssistant.CustomerDatabases.Execution;
using OrleansAssistant.CustomerDatabases.Guard;
using OrleansAssistant.CustomerDatabases.Schema;
using OrleansAssistant.Grains.Audit;
using OrleansAssistant.Grains.Databases.Secrets;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Storage;
using OrleansAssistant.Grains.Telemetry;

namespace OrleansAssistant.Grains.Databases;

/// <summary>
/// One customer database. Reentrant so that several users' queries run side by side; state writes
/// go through one gate so interleaved calls never race on the ETag. A question's calls bring the
/// asker's principal; calls that bring only a user id read it from that user grain, which never calls back.
/// Activated on the silo of its first caller: a personal database's grain then lives beside its owner's user grain, and
/// a question's calls to it stay in the process.
/// </summary>
[Reentrant]
[Orleans.Placement.PreferLocalPlacement]
public sealed partial class DatabaseConnectionGrain(
    [PersistentState(StorageNames.States.DatabaseConnection, StorageNames.Grains)] IPersistentState<DatabaseConnectionState> connection,
    SecretProtector secrets,
    ConnectionTargetPolicy targets,
    QueryLimits limits,
    ActivityLog activity,
    TimeProvider timeProvider,
    ILogger<DatabaseConnectionGrain> logger) : Grain, IDatabaseConnectionGrain
{
    private const string WriteModeOff = "Write mode is off for this database; its owner can turn it on.";
    private static readonly TimeSpan SchemaLifetime = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan PendingWriteLifetime = TimeSpan.FromMinutes(10);
    private readonly Dictionary<string, PendingWrite> _pendingWrites = [];
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly Dictionary<long, int> _runningPerUser = [];
    private string? _connectionString;
    private DatabaseSchema? _schema;
    private Task<DatabaseSchema>? _schemaReading;
    private DateTimeOffset _lastUsed = DateTimeOffset.MinValue;

    private DatabaseConnectionState State => connection.State;
    private string DatabaseId => this.GetPrimaryKeyString();
    private CustomerDatabaseDriver Driver => CustomerDatabaseDriver.For(State.Provider).WithTargets(targets);

    public async Task CreateAsync(DatabaseRegistration registration)
    {
        if (State.Exists) throw new InvalidOperationException($"Database {DatabaseId} already exists.");
        State.Exists = true;
        State.Name = registration.Name;
        State.Provider = registration.Provider;
        State.ProtectedConnectionString = secrets.Protect(registration.ConnectionString, DatabaseId);
        State.Description = registration.Description;
        State.OwnerUserId = registration.OwnerUserId;
        State.OwnerOrgId = registration.OwnerOrgId;
        State.IsShared = registration.IsShared;
        State.Active = true;
        State.CreatedBy = registration.CreatedBy;
        State.CreatedAt = timeProvider.GetUtcNow();
        _connectionString = registration.ConnectionString;
        await WriteAsync();
        LogCreated(logger, DatabaseId, State.Provider, State.Description);
    }

    public Task<DatabaseInfo?> GetInfoAsync() => Task.FromResult(State.Exists ? Info() : null);

    public async Task<bool> CanUseAsync(long userId) => await AccessAsync(userId) is null;

    public async Task<DatabaseSchema?> GetSchemaAsync(long userId, bool refresh = false) => await GetSchemaAsync(await PrincipalOfAsync(userId), refresh);

    public async Task<DatabaseSchema?> GetSchemaAsync(Principal? asker, bool refresh = false)
    {
        if (Access(asker) is not null) return null;
        using var span = SchemaTrace.Start(State.Provider);
        if (!refresh && _schema is { } cached && timeProvider.GetUtcNow() - cached.ReadAt < SchemaLifetime)
        {
            SchemaTrace.Cached(span);
            return cached;
        }
        // The grain is reentrant: questions arriving while the schema is being read (after activation, on expiry, on a refresh)
        // wait for that read instead of each reading the catalogue and sampling values again.
        var reading = _schemaReading;
        if (reading is null) _schemaReading = reading = ReadSchemaAsync();
        else SchemaTrace.Cached(span);
        try
        {
            return _schema = await reading;
        }
        catch (Exception error)
        {
            SchemaTrace.Fail(span, error);
            throw;
        }
        finally
        {
            if (ReferenceEquals(_schemaReading, reading)) _schemaReading = null;
        }
    }

    private Task<DatabaseSchema> ReadSchemaAsync()
    {
        var (connectionString, driver, readAt) = (ConnectionString(), Driver, timeProvider.GetUtcNow());
        // Off the grain's turn (see RunLimitedAsync); only locals may be touched there.
        return Task.Run(async () =>
        {
            await using var open = await driver.OpenAsync(connectionString, readOnly: true, CancellationToken.None);
            return await SchemaIntrospector.ReadAsync(driver.Provider, open, readAt, CancellationToken.None);
        });
    }

    public async Task<QueryResult> QueryAsync(long userId, string sql) => await QueryAsync(await PrincipalOfAsync(userId), sql);

    public async Task<QueryResult> QueryAsync(Principal? asker, string sql)
    {
        using var span = QueryTrace.Start(State.Provider, sql);
        var result = await GuardAndRunAsync(asker, sql, limits);
        QueryTrace.Complete(span, result);
        return result;
    }

    public async Task<QueryResult> ExportAsync(long userId, string sql, int maxRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        using var span = QueryTrace.Start(State.Provider, sql);
        var result = await GuardAndRunAsync(await PrincipalOfAsync(userId), sql, limits with { MaxRows = maxRows });
        QueryTrace.Complete(span, result);
        return result;
    }

    private async Task<QueryResult> GuardAndRunAsync(Principal? asker, string sql, QueryLimits queryLimits)
    {
        if (Access(asker) is { } denied) return QueryResult.Problem(QueryOutcome.AccessDenied, denied);
        var userId = asker!.UserId;
        var verdict = SqlGuard.Check(State.Provider, sql);
        if (!verdict.Allowed)
        {
            LogRefused(logger, DatabaseId, userId, verdict.Refusal!);
            return QueryResult.Problem(QueryOutcome.Refused, verdict.Refusal!);
        }
        return await RunLimitedAsync(userId, sql, isWrite: false, queryLimits);
    }

    public async Task<WriteProposal> ProposeWriteAsync(long userId, string sql)
    {
        if (await AccessAsync(userId) is { } denied) return new WriteProposal(null, sql, denied);
        if (!State.WriteMode) return new WriteProposal(null, sql, WriteModeOff);
        var verdict = SqlGuard.Check(State.Provider, sql, allowWrites: true);
        if (!verdict.Allowed || verdict.Kind == StatementKind.Query)
        {
            return new WriteProposal(null, sql, verdict.Refusal ?? "Only a single INSERT or UPDATE can be confirmed as a write.");
        }
        var now = timeProvider.GetUtcNow();
        foreach (var expired in _pendingWrites.Where(pending => pending.Value.ExpiresAt <= now).Select(pending => pending.Key).ToArray())
        {
            _pendingWrites.Remove(expired);
        }
        var token = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        _pendingWrites[token] = new PendingWrite(userId, sql, now + PendingWriteLifetime);
        return new WriteProposal(token, sql, $"This {verdict.Kind.ToString().ToUpperInvariant()} will change data in '{State.Name}'. Confirm to run it.");
    }

    public async Task<QueryResult> ExecuteConfirmedWriteAsync(long userId, string token)
    {
        // One use only, and only by the user it was proposed to (nobody else can spend it either).
        if (!_pendingWrites.TryGetValue(token, out var pending) || pending.UserId != userId || pending.ExpiresAt <= timeProvider.GetUtcNow())
        {
            return QueryResult.Problem(QueryOutcome.Refused, "This confirmation has expired or was already used; ask again.");
        }
        _pendingWrites.Remove(token);
        if (await AccessAsync(userId) is { } denied) return QueryResult.Problem(QueryOutcome.AccessDenied, denied);
        if (!State.WriteMode) return QueryResult.Problem(QueryOutcome.Refused, WriteModeOff);
        var result = await RunLimitedAsync(userId, pending.Sql, isWrite: true);
        await activity.AppendAsync(new ActivityEntry(ActivityEvents.DatabaseWrite, userId, State.OwnerOrgId, "database", DatabaseId,
            new Dictionary<string, object?> { ["sql"] = pending.Sql, ["outcome"] = result.Outcome.ToString(), ["rowsAffected"] = result.RowsAffected }));
        return result;
    }

    public async Task<DatabaseResult> SetWriteModeAsync(long userId, bool enabled)
    {
        if (!State.Exists || !State.Active) return new DatabaseResult(DatabaseError.NotFound, "That database does not exist.");
        var principal = await PrincipalOfAsync(userId);
        var isOwner = State.OwnerUserId is { } owner
            ? principal?.UserId == owner
            : State.OwnerOrgId is { } orgId && AuthorizationPolicy.Instance.Check(principal, AssistantAction.RemoveOrgDatabase, ResourceScope.ForOrganization(orgId)).Allowed;
        if (!isOwner) return new DatabaseResult(DatabaseError.NotAllowed, "Only the database's owner can change write mode.");
        State.WriteMode = enabled;
        await WriteAsync();
        await activity.AppendAsync(new ActivityEntry(ActivityEvents.DatabaseWriteMode, userId, State.OwnerOrgId, "database", DatabaseId,
            new Dictionary<string, object?> { ["enabled"] = enabled }));
        return new DatabaseResult(DatabaseError.None, enabled
            ? "Write mode is on: INSERT and UPDATE statements run after the asker confirms them."
            : "Write mode is off: only reading queries run.", Info());
    }

    public async Task RemoveAsync()
    {
        if (!State.Exists || !State.Active) return;
        if (_connectionString is not null) Driver.ClearPool(_connectionString);
        State.Active = false;
        State.ProtectedConnectionString = null;
        _connectionString = null;
        _schema = null;
        await WriteAsync();
        LogRemoved(logger, DatabaseId);
    }

    /// <returns>Null when allowed, otherwise the reason to show.</returns>
    private async Task<string?> AccessAsync(long userId) => Access(await PrincipalOfAsync(userId));

    /// <summary>The caller's standing read fresh from their user grain, for callers that pass only a user id.</summary>
    private Task<Principal?> PrincipalOfAsync(long userId) => GrainFactory.GetGrain<IUserGrain>(userId).GetPrincipalAsync();

    /// <returns>Null when <paramref name="principal"/> may use this database, otherwise the reason to show.</returns>
    private string? Access(Principal? principal)
    {
        const string NoAccess = "You don't have access to this database.";
        if (!State.Exists || !State.Active) return NoAccess;
        if (principal is null) return "Send /start first.";
        if (State.IsShared) return null;
        var scope = State.OwnerUserId is { } owner ? ResourceScope.ForUser(owner) : ResourceScope.ForOrganization(State.OwnerOrgId!);
        var decision = AuthorizationPolicy.Instance.Check(principal, AssistantAction.UseDatabase, scope);
        return decision.Allowed ? null : NoAccess;
    }

    private Task<QueryResult> RunLimitedAsync(long userId, string sql, bool isWrite) => RunLimitedAsync(userId, sql, isWrite, limits);

    private async Task<QueryResult> RunLimitedAsync(long userId, string sql, bool isWrite, QueryLimits queryLimits)
    {
        var running = _runningPerUser.GetValueOrDefault(userId);
        if (running >= limits.MaxConcurrentPerUser)
        {
            return QueryResult.Problem(QueryOutcome.Busy, $"You already have {limits.MaxConcurrentPerUser} queries running; wait for one to finish.");
        }
        _runningPerUser[userId] = running + 1;
        try
        {
            await ProbeIfIdleAsync();
            // The runner moves blocking drivers off this turn, so other users' queries run meanwhile.
            var result = await GuardedQueryRunner.RunAsync(Driver, ConnectionString(), sql, isWrite, queryLimits, CancellationToken.None);
            if (result.Outcome != QueryOutcome.Unavailable) _lastUsed = timeProvider.GetUtcNow();
            LogRan(logger, DatabaseId, userId, result.Outcome, result.Rows.Count, (long)result.Duration.TotalMilliseconds);
            return result;
        }
        finally
        {
            if (--_runningPerUser[userId] == 0) _runningPerUser.Remove(userId);
        }
    }

    /// <summary>After a long idle spell a pooled connection may be dead; a probe that fails empties the pool.</summary>
    private async Task ProbeIfIdleAsync()
    {
        if (timeProvider.GetUtcNow() - _lastUsed < limits.IdleProbeAfter) return;
        var probe = await GuardedQueryRunner.RunAsync(Driver, ConnectionString(), "SELECT 1", isWrite: false, limits, CancellationToken.None);
        if (probe.Outcome != QueryOutcome.Succeeded) Driver.ClearPool(ConnectionString());
    }

    private string ConnectionString()
    {
        if (_connectionString is not null) return _connectionString;
        var stored = State.ProtectedConnectionString ?? throw new InvalidOperationException($"Database {DatabaseId} has no connection string.");
        _connectionString = secrets.Unprotect(stored, DatabaseId);
        return _connectionString;
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // After a key rotation, re-encrypt under the current key the first time the grain wakes.
        if (State.ProtectedConnectionString is { } stored && secrets.NeedsReprotection(stored))
        {
            State.ProtectedConnectionString = secrets.Protect(secrets.Unprotect(stored, DatabaseId), DatabaseId);
            await WriteAsync();
        }
    }

    private async Task WriteAsync()
    {
        await _writeGate.WaitAsync();
        try
        {
            await connection.WriteStateAsync();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private sealed record PendingWrite(long UserId, string Sql, DateTimeOffset ExpiresAt);

    private DatabaseInfo Info() => new(DatabaseId, State.Name, State.Provider, State.Description, State.OwnerUserId, State.OwnerOrgId,
        State.IsShared, State.Active, State.WriteMode, State.CreatedBy, State.CreatedAt, CustomerDialects.Of(State.Provider).DisplayName);

    [LoggerMessage(1, LogLevel.Information, "Database {DatabaseId} added: {Provider}, {Description}")]
    private static partial void LogCreated(ILogger logger, string databaseId, DatabaseProvider provider, string description);

    [LoggerMessage(2, LogLevel.Information, "Database {DatabaseId} removed")]
    private static partial void LogRemoved(ILogger logger, string databaseId);

    [LoggerMessage(3, LogLevel.Information, "Query on {DatabaseId} by {UserId} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string databaseId, long userId, string reason);

    [LoggerMessage(4, LogLevel.Information, "Query on {DatabaseId} by {UserId}: {Outcome}, {Rows} rows in {ElapsedMs} ms")]
    private static partial void LogRan(ILogger logger, string databaseId, long userId, QueryOutcome outcome, int rows, long elapsedMs);
}
