namespace OrleansAssistant.Benchmarks.Load;

/// <summary>Where the simulated users' company data lives: the database their questions query.</summary>
internal enum CustomerDatabaseKind
{
    Sqlite,
    Postgres,
}
