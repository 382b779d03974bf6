using Microsoft.Data.Sqlite;

namespace OrleansAssistant.CustomerDatabases.Demo;

/// <summary>One prepared INSERT reused for every row of a table: parsed once, only the values change.</summary>
internal sealed class RowInserter : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public RowInserter(SqliteTransaction transaction, string table, params string[] columns)
    {
        _command = transaction.Connection!.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText =
            $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(column => "$" + column))});";
        _parameters = [.. columns.Select(column => _command.Parameters.AddWithValue("$" + column, DBNull.Value))];
        _command.Prepare();
    }

    public void Insert(params object[] values)
    {
        for (var i = 0; i < _parameters.Length; i++) _parameters[i].Value = values[i];
        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
