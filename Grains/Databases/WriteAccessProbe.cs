using System.Data.Common;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Grains.Databases;

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
        var sql = provider switch
        {
            DatabaseProvider.PostgreSql => """
                SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
                    OR EXISTS (SELECT 1 FROM information_schema.table_privileges
                               WHERE grantee = current_user AND privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'))
                    OR has_database_privilege(current_database(), 'CREATE')
                """,
            DatabaseProvider.SqlServer => """
                SELECT CASE WHEN IS_ROLEMEMBER('db_owner') = 1 OR IS_ROLEMEMBER('db_datawriter') = 1 OR IS_ROLEMEMBER('db_ddladmin') = 1
                    OR HAS_PERMS_BY_NAME(DB_NAME(), 'DATABASE', 'INSERT') = 1 THEN 1 ELSE 0 END
                """,
            // SQLite has no logins; the file is always opened read-only for queries.
            _ => null,
        };
        if (sql is null) return false;
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToBoolean(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
