using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Storage;

namespace OrleansAssistant.Grains.Storage;

/// <summary>
/// Grain storage in one embedded SQLite file, for single-node use without a database server.
/// The ETag is a version number: every write and clear must present the version it read, so a stale
/// activation can never overwrite newer state. A clear keeps the row (payload NULL) and bumps the
/// version, so versions only ever rise and an old ETag can never match again.
/// </summary>
public sealed partial class SqliteGrainStorage(
    string name,
    SqliteGrainStorageOptions options,
    IGrainStorageSerializer serializer,
    IOptions<ClusterOptions> clusterOptions,
    TimeProvider timeProvider,
    ILogger<SqliteGrainStorage> logger) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly string _serviceId = clusterOptions.Value.ServiceId;

    // Writers queue here, behind the file's one gate (the reminder table writes to the same file).
    private readonly SemaphoreSlim _writeGate = SqliteWriteGate.For(options.DatabasePath);
    private readonly string _connectionString = options.ConnectionString();

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(OptionFormattingUtilities.Name<SqliteGrainStorage>(name), ServiceLifecycleStage.ApplicationServices, InitializeAsync);

    /// <summary>Creates the file and table if missing; safe to call more than once.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        options.EnsureFolder();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // WAL lets readers run beside the writer; the setting persists in the file.
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS GrainState (
                ServiceId  TEXT    NOT NULL,
                StateName  TEXT    NOT NULL,
                GrainId    TEXT    NOT NULL,
                Payload    BLOB    NULL,
                Version    INTEGER NOT NULL,
                ModifiedAt TEXT    NOT NULL,
                PRIMARY KEY (ServiceId, StateName, GrainId)
            ) WITHOUT ROWID;
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
        LogInitialized(logger, name, options.DatabasePath);
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var command = Command(connection, "SELECT Payload, Version FROM GrainState WHERE ServiceId = $service AND StateName = $state AND GrainId = $grain;", stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            ResetToDefault(grainState, etag: null);
            return;
        }
        var version = reader.GetInt64(1);
        if (reader.IsDBNull(0))
        {
            ResetToDefault(grainState, etag: ToETag(version));
            return;
        }
        var payload = (byte[])reader.GetValue(0);
        grainState.State = serializer.Deserialize<T>(new BinaryData(payload));
        grainState.ETag = ToETag(version);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = serializer.Serialize(grainState.State).ToArray();
        await _writeGate.WaitAsync();
        try
        {
            await WriteAsync(stateName, grainId, grainState, payload);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task WriteAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, byte[] payload)
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        long newVersion;
        if (grainState.ETag is null)
        {
            await using var insert = Command(connection, """
                INSERT INTO GrainState (ServiceId, StateName, GrainId, Payload, Version, ModifiedAt)
                VALUES ($service, $state, $grain, $payload, 1, $now)
                ON CONFLICT DO NOTHING;
                """, stateName, grainId);
            insert.Parameters.AddWithValue("$payload", payload);
            insert.Parameters.AddWithValue("$now", Now());
            if (await insert.ExecuteNonQueryAsync() == 0) throw Conflict(stateName, grainId, grainState.ETag);
            newVersion = 1;
        }
        else
        {
            var expected = ParseETag(grainState.ETag, stateName, grainId);
            newVersion = expected + 1;
            await using var update = Command(connection, """
                UPDATE GrainState SET Payload = $payload, Version = $next, ModifiedAt = $now
                WHERE ServiceId = $service AND StateName = $state AND GrainId = $grain AND Version = $expected;
                """, stateName, grainId);
            update.Parameters.AddWithValue("$payload", payload);
            update.Parameters.AddWithValue("$next", newVersion);
            update.Parameters.AddWithValue("$expected", expected);
            update.Parameters.AddWithValue("$now", Now());
            if (await update.ExecuteNonQueryAsync() == 0) throw Conflict(stateName, grainId, grainState.ETag);
        }
        grainState.ETag = ToETag(newVersion);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _writeGate.WaitAsync();
        try
        {
            await ClearAsync(stateName, grainId, grainState);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task ClearAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        if (grainState.ETag is null)
        {
            // Nothing was read, so there must be nothing to clear; live state means this activation is stale.
            await using var probe = Command(connection, "SELECT COUNT(*) FROM GrainState WHERE ServiceId = $service AND StateName = $state AND GrainId = $grain AND Payload IS NOT NULL;", stateName, grainId);
            if (Convert.ToInt64(await probe.ExecuteScalarAsync()) > 0) throw Conflict(stateName, grainId, grainState.ETag);
            ResetToDefault(grainState, etag: null);
            return;
        }
        var expected = ParseETag(grainState.ETag, stateName, grainId);
        await using var clear = Command(connection, """
            UPDATE GrainState SET Payload = NULL, Version = $next, ModifiedAt = $now
            WHERE ServiceId = $service AND StateName = $state AND GrainId = $grain AND Version = $expected;
            """, stateName, grainId);
        clear.Parameters.AddWithValue("$next", expected + 1);
        clear.Parameters.AddWithValue("$expected", expected);
        clear.Parameters.AddWithValue("$now", Now());
        if (await clear.ExecuteNonQueryAsync() == 0) throw Conflict(stateName, grainId, grainState.ETag);
        ResetToDefault(grainState, etag: ToETag(expected + 1));
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private SqliteCommand Command(SqliteConnection connection, string sql, string stateName, GrainId grainId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$service", _serviceId);
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        return command;
    }

    private string Now() => timeProvider.GetUtcNow().ToString("O");

    private static void ResetToDefault<T>(IGrainState<T> grainState, string? etag)
    {
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = etag;
        grainState.RecordExists = false;
    }

    private static string ToETag(long version) => version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private long ParseETag(string etag, string stateName, GrainId grainId) =>
        long.TryParse(etag, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : throw Conflict(stateName, grainId, etag);

    private InconsistentStateException Conflict(string stateName, GrainId grainId, string? etag)
    {
        LogStaleWrite(logger, name, stateName, grainId, etag);
        return new InconsistentStateException(
            $"State '{stateName}' of {grainId} was changed by another activation; this copy (version {etag ?? "none"}) is stale.",
            storedEtag: "unknown",
            currentEtag: etag ?? "none");
    }

    [LoggerMessage(1, LogLevel.Information, "Grain storage {Name} ready in {Path}")]
    private static partial void LogInitialized(ILogger logger, string name, string path);

    [LoggerMessage(2, LogLevel.Warning, "Grain storage {Name} refused a stale write of {StateName} for {GrainId} (ETag {ETag})")]
    private static partial void LogStaleWrite(ILogger logger, string name, string stateName, GrainId grainId, string? etag);
}
