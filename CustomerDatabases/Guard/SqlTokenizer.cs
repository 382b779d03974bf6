namespace OrleansAssistant.CustomerDatabases.Guard;

/// <summary>
/// Splits SQL text into tokens the way the database's own lexer does (as its <see cref="SqlLexicon"/> describes it),
/// so that a semicolon or keyword inside a string, quoted name or comment is never mistaken for a real one.
/// Anything the lexer might read in two ways is refused rather than guessed.
/// </summary>
internal sealed partial class SqlTokenizer
{
    private const string SymbolCharacters = "(),;.[]:+-*/<>=~!@#%^&|?`{}";

    private readonly string _sql;
    private readonly SqlLexicon _lexicon;
    private readonly List<SqlToken> _tokens = [];
    private int _position;

    private SqlTokenizer(string sql, SqlLexicon lexicon)
    {
        _sql = sql;
        _lexicon = lexicon;
    }

    /// <summary>The tokens of <paramref name="sql"/>, or the refusal when it cannot be tokenized safely.</summary>
    public static (IReadOnlyList<SqlToken> Tokens, string? Refusal) Tokenize(SqlLexicon lexicon, string sql)
    {
        var tokenizer = new SqlTokenizer(sql, lexicon);
        return (tokenizer._tokens, tokenizer.Run());
    }

    private string? Run()
    {
        // SQLite stops reading at a NUL and the servers reject it: either way the text would not mean what it shows.
        if (_sql.Contains('\0')) return GuardRefusals.NotUnderstood;
        while (_position < _sql.Length)
        {
            var refusal = ReadNext(_sql[_position]);
            if (refusal is not null) return refusal;
        }
        return null;
    }

    private string? ReadNext(char c)
    {
        if (IsSpace(c))
        {
            _position++;
            return null;
        }
        if (c == '-' && Peek(1) == '-' && (!_lexicon.DashDashCommentNeedsSpace || IsSpaceOrControl(Peek(2)))) return SkipLineComment(2);
        if (c == '#' && _lexicon.HashLineComments) return SkipLineComment(1);
        if (c == '/' && Peek(1) == '*')
        {
            return _lexicon.RefuseExecutableComments && IsExecutableComment() ? GuardRefusals.ExecutableComment : SkipBlockComment();
        }
        if (c == '\'') return ReadString(_position, backslashEscapes: false);
        if (c == '"') return ReadQuotedName('"');
        if (_lexicon.BacktickNames && c == '`') return ReadQuotedName('`');
        if (_lexicon.BracketNames && c == '[') return ReadBracketName();
        if (_lexicon.DollarQuotedStrings && c == '$') return ReadDollar();
        if (_lexicon.PrefixedVariables && c is '$' or '@' or ':' or '#') return ReadSqliteVariable();
        if (_lexicon.NumberedParameters && c == '?') return ReadNumberedParameter();
        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1)))) return ReadNumber();
        if (IsIdentifierStart(c)) return ReadWord();
        if (!SymbolCharacters.Contains(c)) return GuardRefusals.NotUnderstood;
        Add(SqlTokenKind.Symbol, _position, _position + 1);
        return null;
    }

    private string? ReadWord()
    {
        int start = _position;
        int end = start + 1;
        while (end < _sql.Length && IsIdentifierPart(_sql[end])) end++;
        if (_lexicon.EscapeStringPrefixes && end - start == 1)
        {
            // E'…' strings take backslash escapes, which move where the string ends.
            if (_sql[start] is 'E' or 'e' && Peek(1) == '\'')
            {
                _position = end;
                return ReadString(start, backslashEscapes: true);
            }
            // U&"…" names may spell any name through escapes, a forbidden function's included.
            if (_sql[start] is 'U' or 'u' && Peek(1) == '&' && Peek(2) == '"') return GuardRefusals.UnicodeEscapedName;
        }
        Add(SqlTokenKind.Word, start, end);
        return null;
    }

    private string? ReadNumber()
    {
        int end = _position;
        bool radix = _sql[end] == '0' && (Peek(1) is 'x' or 'X' && char.IsAsciiHexDigit(Peek(2))
            || _lexicon.OctalAndBinaryLiterals && Peek(1) is 'o' or 'O' or 'b' or 'B' && char.IsAsciiHexDigit(Peek(2)));
        if (radix)
        {
            end += 2;
            while (end < _sql.Length && (char.IsAsciiHexDigit(_sql[end]) || _sql[end] == '_')) end++;
        }
        else
        {
            end = SkipDigits(end);
            if (end < _sql.Length && _sql[end] == '.') end = SkipDigits(end + 1);
            if (end < _sql.Length && _sql[end] is 'e' or 'E')
            {
                int exponent = end + 1 < _sql.Length && _sql[end + 1] is '+' or '-' ? end + 2 : end + 1;
                if (exponent < _sql.Length && char.IsAsciiDigit(_sql[exponent])) end = SkipDigits(exponent);
            }
        }
        // Letters glued to a number start a new word: a keyword written as "1INTO" must still be seen.
        Add(SqlTokenKind.Number, _position, end);
        return null;
    }

    private int SkipDigits(int index)
    {
        while (index < _sql.Length && (char.IsAsciiDigit(_sql[index])
            || _sql[index] == '_' && index + 1 < _sql.Length && char.IsAsciiDigit(_sql[index + 1])))
        {
            index++;
        }
        return index;
    }

    private void Add(SqlTokenKind kind, int start, int end, string? text = null)
    {
        _tokens.Add(new SqlToken(kind, text ?? _sql[start..end]));
        _position = end;
    }

    private char Peek(int offset) => _position + offset < _sql.Length ? _sql[_position + offset] : '\0';

    private bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f'
        || (c == '\v' && _lexicon.VerticalTabIsSpace) || (c == '\uFEFF' && _lexicon.ByteOrderMarkIsSpace);

    // MySQL: "--" is a comment when a space or control character follows it, or the text ends (Peek gives NUL there).
    private static bool IsSpaceOrControl(char c) => c <= ' ' || c == '\u007F';

    // /*!…*/ and /*!50700…*/ (MySQL and MariaDB) and /*M!…*/ (MariaDB) run their content as SQL; /*+…*/ holds optimizer hints.
    private bool IsExecutableComment() => Peek(2) is '!' or '+' || (Peek(2) is 'M' or 'm' && Peek(3) == '!');

    // The lexers treat every non-ASCII character as part of a name.
    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_' || c >= '\u0080';

    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || char.IsAsciiDigit(c) || c == '$';
}
