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
        command.Parameters.Add(parameter);
    }
}
