namespace OrleansAssistant.CustomerDatabases.Guard;

/// <summary>What a statement the guard looked at would do.</summary>
public enum StatementKind
{
    /// <summary>Reads data only.</summary>
    Query,
    Insert,
    Update,
}
