using System.Data.Common;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Databases.Schema;

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
            command.AddParameter(name, value);

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            onRow(reader);
    }

    public static string? NullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
