namespace OrleansAssistant.CustomerDatabases.Guard;

/// <summary>
/// How one database's own lexer reads text, for <see cref="SqlTokenizer"/>: each dialect that is guarded by tokens
/// describes its lexer here, and the tokenizer follows it, so a quote or comment ends where the server says it does.
/// </summary>
internal sealed record SqlLexicon
{
    /// <summary>$$…$$ and $tag$…$tag$ strings (PostgreSQL).</summary>
    public bool DollarQuotedStrings { get; init; }

    /// <summary>E'…' strings with backslash escapes, and U&amp;"…" names (refused: they may spell any name).</summary>
    public bool EscapeStringPrefixes { get; init; }

    /// <summary>A backslash before a quote in a plain string could be read as an escape by a differently set server: refuse.</summary>
    public bool RefuseBackslashBeforeQuote { get; init; }

    /// <summary>Any backslash inside '…' or "…" is refused: whether it escapes the next character depends on a server setting (MySQL's NO_BACKSLASH_ESCAPES).</summary>
    public bool RefuseBackslashInQuotedText { get; init; }

    /// <summary># starts a comment to the end of the line (MySQL).</summary>
    public bool HashLineComments { get; init; }

    /// <summary>-- starts a comment only when a space or control character follows; otherwise --1 is minus minus one (MySQL).</summary>
    public bool DashDashCommentNeedsSpace { get; init; }

    /// <summary>
    /// /*! … */ and /*M! … */ are SQL the server runs, and /*+ … */ are optimizer hints that can lift the statement time
    /// limit (MAX_EXECUTION_TIME, SET_VAR): none of them is a comment, so refuse them (MySQL, MariaDB).
    /// </summary>
    public bool RefuseExecutableComments { get; init; }

    /// <summary>A carriage return ends a -- comment too, not only a line feed.</summary>
    public bool CarriageReturnEndsLineComment { get; init; }

    /// <summary>/* … /* … */ … */ nests.</summary>
    public bool NestedBlockComments { get; init; }

    /// <summary>`name` quoting.</summary>
    public bool BacktickNames { get; init; }

    /// <summary>[name] quoting.</summary>
    public bool BracketNames { get; init; }

    /// <summary>$name, @name, :name and #name parameters (SQLite).</summary>
    public bool PrefixedVariables { get; init; }

    /// <summary>? and ?NNN parameters.</summary>
    public bool NumberedParameters { get; init; }

    /// <summary>0o17 and 0b101 number literals besides 0x1F.</summary>
    public bool OctalAndBinaryLiterals { get; init; }

    /// <summary>The vertical tab is white space.</summary>
    public bool VerticalTabIsSpace { get; init; }

    /// <summary>U+FEFF is white space.</summary>
    public bool ByteOrderMarkIsSpace { get; init; }
}
