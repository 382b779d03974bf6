using System.Data.Common;
using OrleansAssistant.CustomerDatabases.Dialects;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases;

/// <summary>
/// Whether the stored login could change data. Our guards stop writes either way, but a read-only
/// login is the strongest guard, so the owner is told when theirs is not one.
/// </summary>
public static class WriteAccessProbe
{
    public const string Warning =
        "This login can change data. Queries still only read, but a read-only login is the strongest protection (see README, \"Read-only logins\").";

    public static async Task<bool> CanWriteAsync(DatabaseProvider provider, DbConnection connection, CancellationToken cancellationToken)
    {
        var sql = CustomerDialects.Of(provider).WriteAccessQuery;
        if (sql is null) return false;
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToBoolean(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
