namespace OrleansAssistant.Grains.Storage.Sql;

/// <summary>The relational databases the app database (and customer databases) can live in.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}
