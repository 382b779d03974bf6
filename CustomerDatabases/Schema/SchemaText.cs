using System.Globalization;
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
    /// <param name="quote">How the dialect quotes a name that is not plain (<see cref="Dialects.CustomerDialect.NameQuote"/>).</param>
    public static string Compact(DatabaseSchema schema, IReadOnlyCollection<TableSchema>? only = null, char quote = '"')
    {
        ArgumentNullException.ThrowIfNull(schema);
        return string.Join('\n', (only ?? schema.Tables).Select(table => Line(table, quote)));
    }

    private static string Line(TableSchema table, char quote)
    {
        var line = new StringBuilder(SqlNames.Table(table.Schema, table.Name, quote)).Append('(');
        line.AppendJoin(", ", table.Columns.Select(column => Column(table, column, quote)).Concat(MultiColumnKeys(table, quote)));
        line.Append(')');

        if (table.IsView) line.Append(" view");
        if (table.RowEstimate is { } rows)
            line.Append(CultureInfo.InvariantCulture, $" ~{rows} {(rows == 1 ? "row" : "rows")}");
        // Cleaned again here: whoever built the schema, a comment can never start a new line.
        if (SchemaComment.Clean(table.Comment) is { } comment) line.Append(" -- ").Append(comment);
        return line.ToString();
    }

    private static string Column(TableSchema table, ColumnSchema column, char quote)
    {
        var text = new StringBuilder(SqlNames.Quote(column.Name, quote));
        if (column.DataType.Length > 0) text.Append(' ').Append(TypeAbbreviations.Shorten(column.DataType));
        if (table.PrimaryKey.Contains(column.Name)) text.Append(" PK");
        foreach (var key in table.ForeignKeys.Where(key => key.Columns.Count == 1 && key.Columns[0] == column.Name))
        {
            text.Append(" → ").Append(SqlNames.Table(key.ReferencedSchema, key.ReferencedTable, quote));
            if (key.ReferencedColumns.Count == 1) text.Append('.').Append(SqlNames.Quote(key.ReferencedColumns[0], quote));
        }
        // A quote inside is doubled, as in SQL, so the comment cannot end early and spill into the column list.
        if (SchemaComment.Clean(column.Comment) is { } comment)
            text.Append(" '").Append(comment.Replace("'", "''", StringComparison.Ordinal)).Append('\'');
        return text.ToString();
    }

    // A key over several columns only makes sense as a whole, so it is written once after the columns.
    private static IEnumerable<string> MultiColumnKeys(TableSchema table, char quote) =>
        table.ForeignKeys.Where(key => key.Columns.Count > 1).Select(key =>
            $"({QuotedList(key.Columns, quote)}) → {SqlNames.Table(key.ReferencedSchema, key.ReferencedTable, quote)}({QuotedList(key.ReferencedColumns, quote)})");

    private static string QuotedList(IEnumerable<string> names, char quote) => string.Join(", ", names.Select(name => SqlNames.Quote(name, quote)));
}
