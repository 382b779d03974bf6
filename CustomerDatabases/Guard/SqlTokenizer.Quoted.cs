namespace OrleansAssistant.CustomerDatabases.Guard;

/// <summary>The parts of the tokenizer that read quoted text: strings, quoted names, comments and parameters.</summary>
internal sealed partial class SqlTokenizer
{
    /// <summary>Skips a comment to the end of the line; <paramref name="markerLength"/> is 2 for --, 1 for #.</summary>
    private string? SkipLineComment(int markerLength)
    {
        // SQLite and MySQL end a line comment only at a line feed; PostgreSQL also at a carriage return.
        int end = _position + markerLength;
        while (end < _sql.Length && _sql[end] != '\n' && (!_lexicon.CarriageReturnEndsLineComment || _sql[end] != '\r')) end++;
        _position = end;
        return null;
    }

    private string? SkipBlockComment()
    {
        // PostgreSQL block comments nest; SQLite's end at the first */.
        int depth = 1;
        int index = _position + 2;
        while (index < _sql.Length)
        {
            if (_sql[index] == '*' && index + 1 < _sql.Length && _sql[index + 1] == '/')
            {
                index += 2;
                if (--depth == 0)
                {
                    _position = index;
                    return null;
                }
            }
            else if (_lexicon.NestedBlockComments && _sql[index] == '/' && index + 1 < _sql.Length && _sql[index + 1] == '*')
            {
                index += 2;
                depth++;
            }
            else
            {
                index++;
            }
        }
        return GuardRefusals.Unterminated;
    }

    /// <summary>Reads a '…' string whose opening quote is at the current position; '' is an escaped quote.</summary>
    private string? ReadString(int tokenStart, bool backslashEscapes)
    {
        int index = _position + 1;
        int backslashRun = 0;
        while (index < _sql.Length)
        {
            char c = _sql[index];
            if (_lexicon.RefuseBackslashInQuotedText && !backslashEscapes && c == '\\') return GuardRefusals.BackslashInQuotedText;
            if (backslashEscapes && c == '\\')
            {
                index += 2;
                continue;
            }
            if (c == '\'')
            {
                // With standard_conforming_strings off (or an E'…' continued on the next line) PostgreSQL would
                // read \' as an escaped quote: when both readings are possible the string's end is unknown.
                if (_lexicon.RefuseBackslashBeforeQuote && !backslashEscapes && backslashRun % 2 == 1) return GuardRefusals.AmbiguousBackslash;
                if (index + 1 < _sql.Length && _sql[index + 1] == '\'')
                {
                    index += 2;
                    backslashRun = 0;
                    continue;
                }
                Add(SqlTokenKind.String, tokenStart, index + 1);
                return null;
            }
            backslashRun = c == '\\' ? backslashRun + 1 : 0;
            index++;
        }
        return GuardRefusals.Unterminated;
    }

    /// <summary>Reads "name" or `name`, where a doubled quote stands for itself.</summary>
    private string? ReadQuotedName(char quote)
    {
        var name = new System.Text.StringBuilder();
        int index = _position + 1;
        while (index < _sql.Length)
        {
            if (_sql[index] == quote)
            {
                if (index + 1 < _sql.Length && _sql[index + 1] == quote)
                {
                    name.Append(quote);
                    index += 2;
                    continue;
                }
                Add(SqlTokenKind.QuotedIdentifier, _position, index + 1, name.ToString());
                return null;
            }
            // MySQL reads "…" as a string unless ANSI_QUOTES is set, and then a backslash may escape the quote.
            if (quote == '"' && _sql[index] == '\\' && _lexicon.RefuseBackslashInQuotedText) return GuardRefusals.BackslashInQuotedText;
            name.Append(_sql[index++]);
        }
        return GuardRefusals.Unterminated;
    }

    /// <summary>Reads a SQLite [name], which has no escapes and ends at the first ].</summary>
    private string? ReadBracketName()
    {
        int close = _sql.IndexOf(']', _position + 1);
        if (close < 0) return GuardRefusals.Unterminated;
        Add(SqlTokenKind.QuotedIdentifier, _position, close + 1, _sql[(_position + 1)..close]);
        return null;
    }

    /// <summary>Reads a PostgreSQL $1 parameter or a $$…$$ / $tag$…$tag$ string.</summary>
    private string? ReadDollar()
    {
        int start = _position;
        int index = start + 1;
        if (index < _sql.Length && char.IsAsciiDigit(_sql[index]))
        {
            while (index < _sql.Length && char.IsAsciiDigit(_sql[index])) index++;
            Add(SqlTokenKind.Parameter, start, index);
            return null;
        }
        if (index < _sql.Length && IsIdentifierStart(_sql[index]))
        {
            while (index < _sql.Length && (IsIdentifierStart(_sql[index]) || char.IsAsciiDigit(_sql[index]))) index++;
        }
        if (index >= _sql.Length || _sql[index] != '$') return GuardRefusals.NotUnderstood;
        string tag = _sql[start..(index + 1)];
        int close = _sql.IndexOf(tag, index + 1, StringComparison.Ordinal);
        if (close < 0) return GuardRefusals.Unterminated;
        Add(SqlTokenKind.String, start, close + tag.Length);
        return null;
    }

    /// <summary>
    /// Reads a SQLite $name, @name, :name or #name variable. Like SQLite, a name followed by "(" runs
    /// to the next ")" or space as one token (the Tcl form), whatever it contains.
    /// </summary>
    private string? ReadSqliteVariable()
    {
        int index = _position + 1;
        int nameLength = 0;
        while (index < _sql.Length)
        {
            char c = _sql[index];
            if (IsIdentifierPart(c))
            {
                nameLength++;
                index++;
            }
            else if (c == '(' && nameLength > 0)
            {
                do index++;
                while (index < _sql.Length && _sql[index] is not (' ' or '\t' or '\n' or '\v' or '\f' or '\r') && _sql[index] != ')');
                if (index >= _sql.Length || _sql[index] != ')') return GuardRefusals.NotUnderstood;
                index++;
                break;
            }
            else if (c == ':' && index + 1 < _sql.Length && _sql[index + 1] == ':')
            {
                index += 2;
            }
            else
            {
                break;
            }
        }
        if (nameLength == 0) return GuardRefusals.NotUnderstood;
        Add(SqlTokenKind.Parameter, _position, index);
        return null;
    }

    private string? ReadNumberedParameter()
    {
        int index = _position + 1;
        while (index < _sql.Length && char.IsAsciiDigit(_sql[index])) index++;
        Add(SqlTokenKind.Parameter, _position, index);
        return null;
    }
}
