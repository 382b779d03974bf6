using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Schema;

/// <summary>The tables chosen for a question, in the schema's order, and the stored values the question names.</summary>
public sealed record SchemaPick(IReadOnlyList<TableSchema> Tables, ValueHints Values);
