using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace OrleansAssistant.Grains.Storage.Reminders;

/// <summary>
/// Orleans reminders in the embedded SQLite file, beside the grain state, so a single node keeps its
/// reminders across restarts without a database server. The ETag is a version drawn from one counter
/// per service: every upsert takes a new number, so an ETag read before a remove-and-register can
/// never remove the newer reminder.
/// </summary>
public sealed partial class SqliteReminderTable(
    SqliteGrainStorageOptions options,
    IOptions<ClusterOptions> clusterOptions,
    ILogger<SqliteReminderTable> logger) : IReminderTable
{
    private const string Columns = "GrainId, ReminderName, StartAtTicks, PeriodTicks, Version";

    private readonly string _serviceId = clusterOptions.Value.ServiceId;

    // Writers queue behind the file's one gate, shared with the grain state in the same file.
    private readonly SemaphoreSlim _writeGate = SqliteWriteGate.For(options.DatabasePath);
    private readonly string _connectionString = options.ConnectionString();

    /// <summary>Creates the file and tables if missing; safe to call more than once.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        options.EnsureFolder();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Hashes are stored unsigned (SQLite integers are 64-bit), so ranges compare like the ring does.
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS Reminders (
                ServiceId    TEXT    NOT NULL,
                GrainId      TEXT    NOT NULL,
                ReminderName TEXT    NOT NULL,
                GrainHash    INTEGER NOT NULL,
                StartAtTicks INTEGER NOT NULL,
                PeriodTicks  INTEGER NOT NULL,
                Version      INTEGER NOT NULL,
                PRIMARY KEY (ServiceId, GrainId, ReminderName)
            ) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS IX_Reminders_GrainHash ON Reminders (ServiceId, GrainHash);
            CREATE TABLE IF NOT EXISTS ReminderVersions (
                ServiceId   TEXT    NOT NULL PRIMARY KEY,
                LastVersion INTEGER NOT NULL
            ) WITHOUT ROWID;
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
        LogInitialized(logger, options.DatabasePath);
    }

    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    public Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM Reminders WHERE ServiceId = $service AND GrainId = $grain;",
            command => command.Parameters.AddWithValue("$grain", grainId.ToString()), cancellationToken);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <summary>Rows whose hash is in (begin, end]; when begin ≥ end the range wraps past zero.</summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken)
    {
        var condition = begin < end
            ? "GrainHash > $begin AND GrainHash <= $end"
            : "(GrainHash > $begin OR GrainHash <= $end)";
        return QueryAsync($"SELECT {Columns} FROM Reminders WHERE ServiceId = $service AND {condition};", command =>
        {
            command.Parameters.AddWithValue("$begin", (long)begin);
            command.Parameters.AddWithValue("$end", (long)end);
        }, cancellationToken);
    }

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    /// <returns>The entry, or null when the grain has no reminder of that name.</returns>
    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync($"SELECT {Columns} FROM Reminders WHERE ServiceId = $service AND GrainId = $grain AND ReminderName = $name;", command =>
        {
            command.Parameters.AddWithValue("$grain", grainId.ToString());
            command.Parameters.AddWithValue("$name", reminderName);
        }, cancellationToken);
        return rows.Reminders.Count == 0 ? null : rows.Reminders[0];
    }

    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var command = Command(connection, """
                INSERT INTO ReminderVersions (ServiceId, LastVersion) VALUES ($service, 1)
                ON CONFLICT (ServiceId) DO UPDATE SET LastVersion = LastVersion + 1;
                INSERT INTO Reminders (ServiceId, GrainId, ReminderName, GrainHash, StartAtTicks, PeriodTicks, Version)
                VALUES ($service, $grain, $name, $hash, $start, $period, (SELECT LastVersion FROM ReminderVersions WHERE ServiceId = $service))
                ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE SET
                    GrainHash = excluded.GrainHash, StartAtTicks = excluded.StartAtTicks,
                    PeriodTicks = excluded.PeriodTicks, Version = excluded.Version
                RETURNING Version;
                """);
            command.Transaction = transaction;
            command.Parameters.AddWithValue("$grain", entry.GrainId.ToString());
            command.Parameters.AddWithValue("$name", entry.ReminderName);
            command.Parameters.AddWithValue("$hash", (long)entry.GrainId.GetUniformHashCode());
            command.Parameters.AddWithValue("$start", ToUtc(entry.StartAt).Ticks);
            command.Parameters.AddWithValue("$period", entry.Period.Ticks);
            var version = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            await transaction.CommitAsync(cancellationToken);
            entry.ETag = ToETag(version);
            return entry.ETag;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    /// <returns>True only if the row existed with exactly that ETag and is now gone.</returns>
    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        if (!long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)) return false;
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = Command(connection,
                "DELETE FROM Reminders WHERE ServiceId = $service AND GrainId = $grain AND ReminderName = $name AND Version = $version;");
            command.Parameters.AddWithValue("$grain", grainId.ToString());
            command.Parameters.AddWithValue("$name", reminderName);
            command.Parameters.AddWithValue("$version", version);
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    /// <summary>Removes this service's reminders; the version counter stays so old ETags stay dead.</summary>
    public async Task TestOnlyClearTable(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = Command(connection, "DELETE FROM Reminders WHERE ServiceId = $service;");
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task<ReminderTableData> QueryAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql);
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<ReminderEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
                Period = TimeSpan.FromTicks(reader.GetInt64(3)),
                ETag = ToETag(reader.GetInt64(4)),
            });
        }
        return new ReminderTableData(entries);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$service", _serviceId);
        return command;
    }

    // Orleans hands over UTC start times; an unspecified kind is read as UTC, as the ADO.NET provider does.
    private static DateTime ToUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Local => time.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        _ => time,
    };

    private static string ToETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(1, LogLevel.Information, "Reminder table ready in {Path}")]
    private static partial void LogInitialized(ILogger logger, string path);
}
