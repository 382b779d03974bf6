using System.Data.Common;

namespace OrleansAssistant.Grains.Storage.Sql;

public static class DbCommandExtensions
{
    /// <summary>Adds a parameter written as <c>@name</c> in the SQL, which all three drivers accept; null becomes NULL.</summary>
    public static void AddParameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        // SqlClient would send a DateTime as datetime (1/300 s), which then fails to equal the
        // datetime2 value stored from it; the other drivers pick the right type themselves.
        if (value is DateTime && command is Microsoft.Data.SqlClient.SqlCommand) parameter.DbType = System.Data.DbType.DateTime2;
        command.Parameters.Add(parameter);
    }

    /// <summary>A command enlisted in <paramref name="transaction"/>: SQLite and SqlClient refuse one that is not.</summary>
    public static DbCommand CreateCommand(this DbTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
