using System.Runtime.CompilerServices;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Schema;

/// <summary>
/// Which stored column values a question names: a value matches when every word of it is among the question's words
/// ("cancelled orders" names 'Cancelled'; "Jetblue Airways flights" names 'JetBlue Airways'). Matched values go into the
/// prompt next to their column, spelled as the database spells them.
/// </summary>
public sealed class ValueHints
{
    public static readonly ValueHints None = new([]);

    // A value's words, worked out once per schema read: the schema's value lists live as long as the schema itself.
    private static readonly ConditionalWeakTable<IReadOnlyList<string>, string[][]> WordsOfValues = [];

    private readonly Dictionary<ColumnSchema, IReadOnlyList<string>> _matched;

    private ValueHints(Dictionary<ColumnSchema, IReadOnlyList<string>> matched) => _matched = matched;

    /// <summary>At most this many matched values are shown per column.</summary>
    public const int MaxShownPerColumn = 3;

    public int Count => _matched.Count;

    /// <summary>The values of <paramref name="column"/> the question names, or none.</summary>
    public IReadOnlyList<string> For(ColumnSchema column) =>
        _matched.TryGetValue(column, out var values) ? values : [];

    /// <summary>Whether the question names a value of one of <paramref name="table"/>'s columns.</summary>
    public bool Names(TableSchema table) => table.Columns.Any(_matched.ContainsKey);

    public static ValueHints Find(IEnumerable<TableSchema> tables, string question) =>
        Find(tables, NameWords.FromQuestion(question));

    internal static ValueHints Find(IEnumerable<TableSchema> tables, HashSet<string> questionWords)
    {
        var matched = new Dictionary<ColumnSchema, IReadOnlyList<string>>(ReferenceEqualityComparer.Instance);
        foreach (var column in tables.SelectMany(table => table.Columns))
        {
            if (column.Values is not { Count: > 0 } values) continue;
            var words = WordsOfValues.GetValue(values, list => [.. list.Select(NameWords.FromValue)]);
            var named = values.Where((_, i) => words[i].Length > 0 && words[i].All(questionWords.Contains)).Take(MaxShownPerColumn).ToArray();
            if (named.Length > 0) matched[column] = named;
        }
        return new ValueHints(matched);
    }
}
