using OrleansAssistant.CustomerDatabases.Dialects.Sqlite;

namespace OrleansAssistant.CustomerDatabases.Connections;

/// <summary>What this installation allows a customer connection to reach, handed to each dialect's parser.</summary>
/// <param name="SqliteFolder">The only folder whose SQLite files may be used.</param>
internal sealed record ConnectionRules(SqliteFolder SqliteFolder);
