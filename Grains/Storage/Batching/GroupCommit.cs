using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Storage.Batching;

/// <summary>
/// Group commit for the app database, one per silo: writes arriving within <see cref="GroupCommitSettings.Window"/> of the
/// first one waiting (at most <see cref="GroupCommitSettings.MaxRows"/> rows) share one transaction, and one batch commits at
/// a time. A caller's task ends only when the transaction holding its rows has committed, so nothing reported as done can be
/// lost with the silo; it fails with the error that undid its rows otherwise. Stopping the host commits what is waiting.
/// </summary>
public sealed partial class GroupCommit : IHostedService, IAsyncDisposable
{
    private readonly AppDatabase _database;
    private readonly GroupCommitSettings _settings;
    private readonly ILogger<GroupCommit> _logger;
    private readonly Channel<Pending> _waiting = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _committing;
    private long _transactions;
    private long _writes;

    public GroupCommit(AppDatabase database, GroupCommitSettings settings, ILogger<GroupCommit> logger)
    {
        _database = database;
        _settings = settings;
        _logger = logger;
        _committing = Task.Run(CommitWhileOpenAsync);
    }

    /// <summary>Transactions committed so far, batches and lone writes alike.</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    /// <summary>Writes committed so far.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Queues the write for the next batch; completes when the batch holding it has committed.</summary>
    /// <param name="cancellationToken">Stops the wait only: a queued write is committed all the same.</param>
    public Task WriteAsync(BatchedWrite write, CancellationToken cancellationToken)
    {
        var pending = new Pending(write);
        // Once stopping, a write commits on its own: nothing arriving during shutdown is dropped.
        if (!_waiting.Writer.TryWrite(pending)) _ = CommitSafelyAsync([pending]);
        return pending.Committed.Task.WaitAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _waiting.Writer.TryComplete();
        return _committing.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private async Task CommitWhileOpenAsync()
    {
        var reader = _waiting.Reader;
        while (await reader.WaitToReadAsync())
        {
            await CommitSafelyAsync(await GatherAsync(reader));
        }
    }

    /// <summary>What is waiting, then more until the window since the first write's arrival ends or the batch is full.</summary>
    private async Task<List<Pending>> GatherAsync(ChannelReader<Pending> reader)
    {
        var batch = new List<Pending>();
        var rows = 0;
        CancellationTokenSource? window = null;
        try
        {
            while (rows < _settings.MaxRows)
            {
                if (reader.TryRead(out var next))
                {
                    batch.Add(next);
                    rows += Math.Max(1, next.Write.Rows);
                    continue;
                }
                if (batch.Count == 0) break;
                var left = _settings.Window - Stopwatch.GetElapsedTime(batch[0].Arrived);
                if (left <= TimeSpan.Zero) break;
                // Real time, not the silo's TimeProvider: the window is about throughput, and a test clock standing still must not hold answers back.
                window ??= new CancellationTokenSource(left);
                if (!await reader.WaitToReadAsync(window.Token)) break;
            }
        }
        catch (OperationCanceledException) when (window?.IsCancellationRequested == true)
        {
            // The window ended: the batch commits with what it has.
        }
        finally
        {
            window?.Dispose();
        }
        return batch;
    }

    /// <summary>Never throws: every outcome, whatever it is, goes to the callers, and the next batch starts clean.</summary>
    private async Task CommitSafelyAsync(IReadOnlyList<Pending> batch)
    {
        if (batch.Count == 0) return;
        try
        {
            await CommitAsync(batch);
        }
        catch (Exception error)
        {
            LogBatchFailed(_logger, batch.Count, error.Message);
            foreach (var pending in batch) pending.Committed.TrySetException(error);
        }
    }

    private async Task CommitAsync(IReadOnlyList<Pending> batch)
    {
        try
        {
            await WriteTogetherAsync(batch);
        }
        catch (DbException refused) when (batch.Count > 1)
        {
            // One refused write (a duplicate key, a bad value) undid the whole transaction. Written again, each in a
            // savepoint of its own, only the refused write fails and the others commit.
            LogWritingApart(_logger, batch.Count, refused.Message);
            await WriteApartAsync(batch);
            return;
        }
        foreach (var pending in batch) pending.Committed.TrySetResult();
    }

    private async Task WriteTogetherAsync(IReadOnlyList<Pending> batch)
    {
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        await using var statements = new StatementBatch(transaction);
        foreach (var pending in batch) pending.Write.Write(statements);
        foreach (var shared in batch.Select(pending => pending.Write).GroupBy(write => write.Finisher))
        {
            shared.Key?.Finish(statements, shared.ToArray());
        }
        await statements.SendAsync(CancellationToken.None);
        await transaction.CommitAsync();
        Committed(batch.Count);
    }

    private async Task WriteApartAsync(IReadOnlyList<Pending> batch)
    {
        var refusals = new DbException?[batch.Count];
        await using (var connection = await _database.OpenAsync(CancellationToken.None))
        await using (var transaction = await connection.BeginTransactionAsync())
        await using (var statements = new StatementBatch(transaction))
        {
            for (var index = 0; index < batch.Count; index++)
            {
                var write = batch[index].Write;
                var savepoint = $"write{index}";
                await transaction.SaveAsync(savepoint);
                try
                {
                    write.Write(statements);
                    write.Finisher?.Finish(statements, [write]);
                    await statements.SendAsync(CancellationToken.None);
                }
                catch (DbException refused)
                {
                    await statements.DisposeAsync();
                    refusals[index] = refused;
                    await transaction.RollbackAsync(savepoint);
                }
            }
            await transaction.CommitAsync();
        }
        Committed(refusals.Count(refusal => refusal is null));
        for (var index = 0; index < batch.Count; index++)
        {
            if (refusals[index] is { } refused) batch[index].Committed.TrySetException(refused);
            else batch[index].Committed.TrySetResult();
        }
    }

    private void Committed(int writes)
    {
        Interlocked.Increment(ref _transactions);
        Interlocked.Add(ref _writes, writes);
    }

    private sealed class Pending(BatchedWrite write)
    {
        public BatchedWrite Write { get; } = write;

        public long Arrived { get; } = Stopwatch.GetTimestamp();

        // Callers continue on their own schedulers, never on the batch's loop.
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(1, LogLevel.Warning, "A batch of {Writes} app-database writes was refused ({Reason}); writing each apart")]
    private static partial void LogWritingApart(ILogger logger, int writes, string reason);

    [LoggerMessage(2, LogLevel.Error, "A batch of {Writes} app-database writes failed; none was written: {Reason}")]
    private static partial void LogBatchFailed(ILogger logger, int writes, string reason);
}
