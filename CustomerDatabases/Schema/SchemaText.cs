using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Schema;

/// <summary>
/// A schema as compact text for a model prompt, one line per table:
/// <c>sales.orders(id int PK, customer_id int → customers.id 'Who ordered', total numeric(12,2)) ~10000 rows -- Web shop orders</c>.
/// A column's comment is a SQL string after its markers, a table's a SQL line comment ending its line.
/// </summary>
public static class SchemaText
{
    /// <param name="only">The tables to describe, in this order; all of the schema's tables when null.</param>
    /// <param name="style">How the dialect writes names (<see cref="Dialects.CustomerDialect.NameStyle"/>); standard SQL's when null.</param>
    /// <param name="values">Stored values the question names, shown after their column (<c>status text e.g. 'Cancelled'</c>).</param>
    public static string Compact(DatabaseSchema schema, IReadOnlyCollection<TableSchema>? only = null, SqlNameStyle? style = null,
        ValueHints? values = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return string.Join('\n', (only ?? schema.Tables).Select(table => Line(table, style ?? SqlNameStyle.Standard, values ?? ValueHints.None)));
    }

    /// <summary>The picked tables with the values the question names.</summary>
    public static string Compact(DatabaseSchema schema, SchemaPick pick, SqlNameStyle style)
    {
        ArgumentNullException.ThrowIfNull(pick);
        return Compact(schema, pick.Tables.ToArray(), style, pick.Values);
    }

    // A table's line without value hints is the same for every question on one schema read: made once, kept as long as the table.
    private static readonly ConditionalWeakTable<TableSchema, CachedLine> Lines = [];

    private static string Line(TableSchema table, SqlNameStyle quote, ValueHints values)
    {
        if (values.Names(table)) return Build(table, quote, values);
        var cached = Lines.GetValue(table, table => new CachedLine(quote, Build(table, quote, ValueHints.None)));
        return cached.Style == quote ? cached.Text : Build(table, quote, ValueHints.None);
    }

    private sealed record CachedLine(SqlNameStyle Style, string Text);

    private static string Build(TableSchema table, SqlNameStyle quote, ValueHints values)
    {
        var line = new StringBuilder(SqlNames.Table(table.Schema, table.Name, quote)).Append('(');
        line.AppendJoin(", ", table.Columns.Select(column => Column(table, column, quote, values)).Concat(MultiColumnKeys(table, quote)));
        line.Append(')');

        if (table.IsView) line.Append(" view");
        if (table.RowEstimate is { } rows)
            line.Append(CultureInfo.InvariantCulture, $" ~{rows} {(rows == 1 ? "row" : "rows")}");
        // Cleaned again here: whoever built the schema, a comment can never start a new line.
        if (SchemaComment.Clean(table.Comment) is { } comment) line.Append(" -- ").Append(comment);
        return line.ToString();
    }

    private static string Column(TableSchema table, ColumnSchema column, SqlNameStyle quote, ValueHints values)
    {
        var text = new StringBuilder(SqlNames.Quote(column.Name, quote));
        if (column.DataType.Length > 0) text.Append(' ').Append(TypeAbbreviations.Shorten(column.DataType));
        if (table.PrimaryKey.Contains(column.Name)) text.Append(" PK");
        foreach (var key in table.ForeignKeys.Where(key => key.Columns.Count == 1 && key.Columns[0] == column.Name))
        {
            text.Append(" → ").Append(SqlNames.Table(key.ReferencedSchema, key.ReferencedTable, quote));
            if (key.ReferencedColumns.Count == 1) text.Append('.').Append(SqlNames.Quote(key.ReferencedColumns[0], quote));
        }
        // Values are written as SQL strings, spelled exactly as stored, so the model can copy them into a WHERE clause.
        var named = values.For(column);
        if (named.Count > 0) text.Append(" e.g. ").AppendJoin('/', named.Select(value => SqlString(SchemaComment.Clean(value) ?? "")));
        // A quote inside is doubled, as in SQL, so the comment cannot end early and spill into the column list.
        if (SchemaComment.Clean(column.Comment) is { } comment) text.Append(' ').Append(SqlString(comment));
        return text.ToString();
    }

    private static string SqlString(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";

    // A key over several columns only makes sense as a whole, so it is written once after the columns.
    private static IEnumerable<string> MultiColumnKeys(TableSchema table, SqlNameStyle quote) =>
        table.ForeignKeys.Where(key => key.Columns.Count > 1).Select(key =>
            $"({QuotedList(key.Columns, quote)}) → {SqlNames.Table(key.ReferencedSchema, key.ReferencedTable, quote)}({QuotedList(key.ReferencedColumns, quote)})");

    private static string QuotedList(IEnumerable<string> names, SqlNameStyle quote) => string.Join(", ", names.Select(name => SqlNames.Quote(name, quote)));
}
