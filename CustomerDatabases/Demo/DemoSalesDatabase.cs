using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace OrleansAssistant.CustomerDatabases.Demo;

/// <summary>
/// "Demo Sales": a generated SQLite database of a fictional electronics retailer, offered to every
/// user so a newcomer can ask a question before connecting a database of their own.
/// </summary>
public static class DemoSalesDatabase
{
    public const string FileName = "demo-sales.db";
    public const string DisplayName = "Demo Sales";
    public const string DatabaseId = "db_demo_sales";

    /// <summary>Creates the database at <paramref name="path"/> when missing (true); leaves an existing file alone (false).</summary>
    public static Task<bool> EnsureCreatedAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        return File.Exists(fullPath)
            ? Task.FromResult(false)
            // SQLite works synchronously; a worker thread keeps the caller's thread free meanwhile.
            : Task.Run(() => Create(fullPath, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Deletes the temporary files of builds that were killed midway (their process is gone) next to
    /// <paramref name="path"/>, and returns their names. A build still running in a live process keeps its file.
    /// </summary>
    public static IReadOnlyList<string> RemoveAbandonedBuilds(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath)!;
        if (!Directory.Exists(folder)) return [];
        var removed = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, Path.GetFileName(fullPath) + TemporarySuffix + "*"))
        {
            if (BuilderIsRunning(file, fullPath)) continue;
            try
            {
                File.Delete(file);
                removed.Add(Path.GetFileName(file));
            }
            catch (IOException)
            {
                // still open somewhere; the next start tries again
            }
        }
        return removed;
    }

    private const string TemporarySuffix = ".tmp-";

    /// <summary>The temporary name carries the building process's id, so a later start can tell an abandoned build from a running one.</summary>
    private static string TemporaryPathFor(string path) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}{TemporarySuffix}{Environment.ProcessId}-{Guid.NewGuid():N}");

    private static bool BuilderIsRunning(string temporaryPath, string path)
    {
        var rest = temporaryPath[(path.Length + TemporarySuffix.Length)..];
        var dash = rest.IndexOf('-', StringComparison.Ordinal);
        // Names without a process id come from builds before ids were recorded: abandoned by now.
        if (dash <= 0 || !int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var processId)) return false;
        if (processId == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
    }

    private static bool Create(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Built under a temporary name and moved into place only when complete, so a crash or a
        // cancellation never leaves a half-built database under the real name.
        var temporaryPath = TemporaryPathFor(path);
        try
        {
            Build(temporaryPath, cancellationToken);
            File.Move(temporaryPath, path);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false; // another silo sharing the folder finished first; its content is the same
        }
        finally
        {
            File.Delete(temporaryPath); // nothing to do once moved
        }
    }

    private static void Build(string path, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
        }.ToString());
        try
        {
            connection.Open();
            // No journal file on disk: a crash mid-build only loses the temporary file, discarded anyway.
            Execute(connection, null, "PRAGMA journal_mode = MEMORY;");
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, DemoSalesSchema.Script);
            DemoSalesGenerator.Write(transaction, cancellationToken);
            Execute(connection, transaction, "ANALYZE;"); // statistics help the planner with model-written joins
            transaction.Commit();
        }
        finally
        {
            connection.Dispose();
            // A pooled connection keeps the file open, and Windows cannot move an open file.
            SqliteConnection.ClearPool(connection);
        }
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
