using System.Data.Common;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Storage.Batching;

/// <summary>
/// The statements of one group-commit transaction, none of which needs another's answer: kept until <see cref="SendAsync"/>, then
/// sent in one round trip where the driver batches (Npgsql, SqlClient), else one by one (SQLite, which runs in the process
/// anyway). Each statement used to be a round trip of its own: about six per question, and the silo's and the server's CPU
/// went largely to sending and receiving them.
/// </summary>
public sealed class StatementBatch(DbTransaction transaction) : IAsyncDisposable
{
    private readonly List<DbCommand> _commands = [];

    /// <summary>A statement to fill with parameters; it runs, in the order made, when the batch is sent.</summary>
    public DbCommand Add(string sql)
    {
        var command = transaction.CreateCommand(sql);
        _commands.Add(command);
        return command;
    }

    /// <summary>Runs every statement added since the last send; a refused one fails the call (and, with it, the transaction).</summary>
    public async Task SendAsync(CancellationToken cancellationToken)
    {
        if (_commands.Count == 0) return;
        var connection = transaction.Connection!;
        if (_commands.Count > 1 && connection.CanCreateBatch)
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var command in _commands) batch.BatchCommands.Add(AsBatchCommand(batch, command));
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        else
        {
            foreach (var command in _commands) await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands) await command.DisposeAsync();
        _commands.Clear();
    }

    // A parameter belongs to one collection at a time: it moves from the command to the batch's statement.
    private static DbBatchCommand AsBatchCommand(DbBatch batch, DbCommand command)
    {
        var statement = batch.CreateBatchCommand();
        statement.CommandText = command.CommandText;
        var parameters = command.Parameters.Cast<DbParameter>().ToArray();
        command.Parameters.Clear();
        foreach (var parameter in parameters) statement.Parameters.Add(parameter);
        return statement;
    }
}
