using System.Collections.Frozen;
using OrleansAssistant.CustomerDatabases.Dialects.MySql;
using OrleansAssistant.CustomerDatabases.Dialects.PostgreSql;
using OrleansAssistant.CustomerDatabases.Dialects.SqlServer;
using OrleansAssistant.CustomerDatabases.Dialects.Sqlite;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Dialects;

/// <summary>The one registry of customer database dialects, keyed by <see cref="DatabaseProvider"/>.</summary>
public static class CustomerDialects
{
    /// <summary>
    /// Every dialect, in the order ADO.NET strings are matched: the keys overlap (Server, Port, User Id), so the
    /// dialects with the most distinctive keys come first and SQL Server, whose keys are the most generic, last.
    /// MySQL goes before PostgreSQL because it claims only by keys and values no Npgsql string has (AllowUserVariables,
    /// CharacterSet, Port=3306, SslMode=Required …); a MySQL string with only Server, Database, Uid and Pwd reads as SQL Server's.
    /// </summary>
    public static IReadOnlyList<CustomerDialect> All { get; } =
    [
        MySqlCustomerDialect.Instance,
        PostgreSqlCustomerDialect.Instance,
        SqliteCustomerDialect.Instance,
        SqlServerCustomerDialect.Instance,
    ];

    private static readonly FrozenDictionary<DatabaseProvider, CustomerDialect> ByProvider =
        All.ToFrozenDictionary(dialect => dialect.Provider);

    public static CustomerDialect Of(DatabaseProvider provider) =>
        ByProvider.TryGetValue(provider, out var dialect)
            ? dialect
            : throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");

    /// <summary>The dialect serving a URL scheme (upper case, <c>+driver</c> left off), or null.</summary>
    public static CustomerDialect? ForUrlScheme(string scheme) => All.FirstOrDefault(dialect => dialect.UrlSchemes.Contains(scheme));
}
