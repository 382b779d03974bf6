namespace OrleansAssistant.CustomerDatabases.Guard;

/// <summary>What a token of PostgreSQL or SQLite text is. Comments and whitespace never become tokens.</summary>
internal enum SqlTokenKind
{
    /// <summary>A keyword or an unquoted name.</summary>
    Word,
    /// <summary>"name", [name] or `name`; the text is the name without quotes.</summary>
    QuotedIdentifier,
    /// <summary>Any string literal, dollar-quoted bodies included.</summary>
    String,
    Number,
    /// <summary>$1, ?, :name, @name and the like.</summary>
    Parameter,
    /// <summary>One punctuation or operator character.</summary>
    Symbol,
}

/// <summary>One token of statement text.</summary>
internal readonly record struct SqlToken(SqlTokenKind Kind, string Text)
{
    public bool IsWord(string keyword) =>
        Kind == SqlTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(char symbol) => Kind == SqlTokenKind.Symbol && Text.Length == 1 && Text[0] == symbol;

    /// <summary>Words and quoted identifiers: the tokens that can name a table, column or function.</summary>
    public bool IsName => Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;
}

/// <summary>Neighbour look-ups on a statement's tokens.</summary>
internal static class SqlTokenArrayExtensions
{
    /// <summary>The token at <paramref name="index"/>, or an empty symbol outside the array, so neighbours need no bounds checks.</summary>
    public static SqlToken At(this SqlToken[] tokens, int index) =>
        (uint)index < (uint)tokens.Length ? tokens[index] : new SqlToken(SqlTokenKind.Symbol, "");
}
