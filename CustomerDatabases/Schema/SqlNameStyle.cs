namespace OrleansAssistant.CustomerDatabases.Schema;

/// <summary>How a dialect writes names: the character that quotes one, and whether it folds unquoted names to lower case.</summary>
/// <param name="FoldsUnquotedToLowerCase">
/// PostgreSQL reads <c>Orders</c> as <c>orders</c>: a name with capitals must be quoted there to mean itself.
/// </param>
public readonly record struct SqlNameStyle(char Quote, bool FoldsUnquotedToLowerCase)
{
    /// <summary>Double quotes, as standard SQL, SQLite and SQL Server read them; unquoted names keep their meaning.</summary>
    public static readonly SqlNameStyle Standard = new('"', FoldsUnquotedToLowerCase: false);
}
