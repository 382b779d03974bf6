using System.Data.Common;

namespace OrleansAssistant.CustomerDatabases.Schema;

/// <summary>Runs one parameterised catalog query and hands each row to a callback.</summary>
internal static class CatalogQuery
{
    public static async Task ForEachRowAsync(
        DbConnection connection,
        string sql,
        IReadOnlyList<(string Name, object Value)> parameters,
        Action<DbDataReader> onRow,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            onRow(reader);
    }

    public static string? NullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
