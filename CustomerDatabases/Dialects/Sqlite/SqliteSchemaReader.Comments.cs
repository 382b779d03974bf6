using OrleansAssistant.CustomerDatabases.Schema;

namespace OrleansAssistant.CustomerDatabases.Dialects.Sqlite;

/// <summary>
/// SQLite keeps no comment catalogue, but it keeps each CREATE statement as written, comments included. The habit
/// this reads: a <c>-- comment</c> ending a column's line describes that column, one on the CREATE line the table.
/// Block comments and comments on lines of their own are left out. Any text is accepted: this never throws.
/// </summary>
public sealed partial class SqliteSchemaReader
{
    // Words that start a table constraint rather than a column definition.
    private static readonly HashSet<string> ConstraintWords = new(["constraint", "primary", "unique", "check", "foreign"], StringComparer.OrdinalIgnoreCase);

    private enum TokenKind { Word, QuotedName, Text, Symbol, LineComment }

    private readonly record struct Token(TokenKind Kind, string Value, int StartLine, int EndLine);

    internal sealed record CreateComments(string? Table, IReadOnlyDictionary<string, string> Columns);

    private static readonly CreateComments NoComments = new(null, new Dictionary<string, string>());

    private static void AddComments(TableDraft draft, string? createSql)
    {
        var comments = CommentsOf(createSql, draft.IsView, draft.Columns.Select(column => column.Name).ToArray());
        draft.Comment = comments.Table;
        for (var index = 0; index < draft.Columns.Count; index++)
        {
            if (comments.Columns.TryGetValue(draft.Columns[index].Name, out var comment))
                draft.Columns[index] = draft.Columns[index] with { Comment = comment };
        }
    }

    internal static CreateComments CommentsOf(string? createSql, bool isView, IReadOnlyList<string> columnNames)
    {
        if (string.IsNullOrEmpty(createSql) || !createSql.Contains("--", StringComparison.Ordinal)) return NoComments;

        string? tableComment = null;
        var columnComments = new Dictionary<string, string>(StringComparer.Ordinal);
        // What a comment on the current line would describe: the table, a column, or nothing (ownerIsTable false, ownerColumn null).
        var ownerIsTable = false;
        string? ownerColumn = null;
        var line = 0;
        // Inside the parentheses that hold the definitions (never for a view), at which nesting depth, and which column is being defined.
        var inDefinitions = false;
        var definitionsDone = false;
        var depth = 0;
        var atDefinitionStart = false;
        string? currentColumn = null;

        foreach (var token in Tokens(createSql))
        {
            if (token.StartLine != line) (ownerIsTable, ownerColumn) = (false, null);
            line = token.EndLine;

            if (token.Kind == TokenKind.LineComment)
            {
                if (ownerIsTable) tableComment = Joined(tableComment, token.Value);
                else if (ownerColumn is not null) columnComments[ownerColumn] = Joined(columnComments.GetValueOrDefault(ownerColumn), token.Value);
                continue;
            }

            if (!inDefinitions)
            {
                ownerIsTable = token.StartLine == 0 && !definitionsDone;
                ownerColumn = null;
                if (token is { Kind: TokenKind.Symbol, Value: "(" } && !definitionsDone && !isView)
                    (inDefinitions, depth, atDefinitionStart) = (true, 1, true);
                continue;
            }

            if (token.Kind == TokenKind.Symbol)
            {
                if (token.Value == "(") depth++;
                else if (token.Value == ")" && --depth == 0)
                {
                    (inDefinitions, definitionsDone, ownerIsTable, ownerColumn) = (false, true, false, null);
                    continue;
                }
                // The comma keeps the owner: "id INTEGER, -- Key" describes id.
                else if (token.Value == "," && depth == 1)
                {
                    atDefinitionStart = true;
                    continue;
                }
            }

            if (atDefinitionStart) (currentColumn, atDefinitionStart) = (ColumnNamed(token, columnNames), false);
            (ownerIsTable, ownerColumn) = (false, currentColumn);
        }
        return new CreateComments(tableComment, columnComments);
    }

    private static string Joined(string? earlier, string comment) => earlier is null ? comment : $"{earlier} {comment}";

    private static string? ColumnNamed(Token token, IReadOnlyList<string> columnNames) => token.Kind switch
    {
        TokenKind.QuotedName => columnNames.FirstOrDefault(name => string.Equals(name, token.Value, StringComparison.OrdinalIgnoreCase)),
        TokenKind.Word when !ConstraintWords.Contains(token.Value) =>
            columnNames.FirstOrDefault(name => string.Equals(name, token.Value, StringComparison.OrdinalIgnoreCase)),
        _ => null,
    };

    /// <summary>Splits SQL into words, quoted names, string literals, symbols and line comments; unterminated text runs to the end.</summary>
    private static IEnumerable<Token> Tokens(string sql)
    {
        var position = 0;
        var line = 0;
        while (position < sql.Length)
        {
            var character = sql[position];
            var startLine = line;
            var start = position;

            if (char.IsWhiteSpace(character))
            {
                if (character == '\n') line++;
                position++;
            }
            else if (character == '-' && At(sql, position + 1) == '-')
            {
                var end = sql.IndexOf('\n', position);
                if (end < 0) end = sql.Length;
                yield return new Token(TokenKind.LineComment, sql[(position + 2)..end].TrimStart('-'), line, line);
                position = end;
            }
            else if (character == '/' && At(sql, position + 1) == '*')
            {
                var end = sql.IndexOf("*/", position + 2, StringComparison.Ordinal);
                position = end < 0 ? sql.Length : end + 2;
                line += CountLines(sql, start, position);
            }
            else if (character is '\'' or '"' or '`' or '[')
            {
                var close = character == '[' ? ']' : character;
                position = QuotedEnd(sql, position, close);
                line += CountLines(sql, start, position);
                var inner = sql[(start + 1)..Math.Max(start + 1, position - 1)];
                if (character != '[') inner = inner.Replace(new string(close, 2), close.ToString(), StringComparison.Ordinal);
                yield return new Token(character == '\'' ? TokenKind.Text : TokenKind.QuotedName, inner, startLine, line);
            }
            else if (IsWordCharacter(character))
            {
                while (position < sql.Length && IsWordCharacter(sql[position])) position++;
                yield return new Token(TokenKind.Word, sql[start..position], line, line);
            }
            else
            {
                position++;
                yield return new Token(TokenKind.Symbol, character.ToString(), line, line);
            }
        }
    }

    /// <summary>The position just after the closing quote; a doubled quote is part of the text (not inside brackets).</summary>
    private static int QuotedEnd(string sql, int open, char close)
    {
        var position = open + 1;
        while (position < sql.Length)
        {
            if (sql[position] != close) { position++; continue; }
            if (close != ']' && At(sql, position + 1) == close) { position += 2; continue; }
            return position + 1;
        }
        return sql.Length;
    }

    private static char At(string sql, int position) => position < sql.Length ? sql[position] : '\0';

    private static int CountLines(string sql, int start, int end) => sql.AsSpan(start, end - start).Count('\n');

    private static bool IsWordCharacter(char character) => char.IsLetterOrDigit(character) || character is '_' or '$' || character > '\u007f';
}
