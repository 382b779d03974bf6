using System.Runtime.CompilerServices;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Schema;

/// <summary>
/// A table's words for picking: those of its name, and those of its columns' names and of its comments. Worked out once per
/// table of a schema read (the grain keeps that schema until the next read), not once per question.
/// </summary>
internal sealed class TableWords
{
    private static readonly ConditionalWeakTable<TableSchema, TableWords> Known = [];

    private TableWords(TableSchema table)
    {
        Name = NameWords.FromName(table.Name).ToHashSet(StringComparer.Ordinal);
        Columns = table.Columns.SelectMany(column => NameWords.FromName(column.Name)).ToHashSet(StringComparer.Ordinal);
        // What comments say counts as a column's name does: they are longer, so a word there is weaker evidence than in a table name.
        Columns.UnionWith(new[] { table.Comment }.Concat(table.Columns.Select(column => column.Comment)).OfType<string>().SelectMany(NameWords.FromValue));
    }

    public HashSet<string> Name { get; }

    public HashSet<string> Columns { get; }

    public static TableWords Of(TableSchema table) => Known.GetValue(table, static table => new TableWords(table));
}
