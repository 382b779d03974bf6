using System.Text.RegularExpressions;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Schema;

/// <summary>
/// Chooses the part of a large schema a question is about, so the prompt carries a few tables instead of hundreds.
/// Word overlap between the question and what the schema says (names, comments), tables the last turns queried,
/// foreign-key neighbours of matching tables, and the tables that bridge two picked ones: deterministic, and cheap
/// enough for every question.
/// </summary>
public static partial class RelevantTables
{
    public const int DefaultMaxTables = 15;

    private const double TableWordScore = 3;
    private const double ColumnWordScore = 1;
    // A table joined to a matching one is often needed for the query (the customer of an order) even when
    // the question never names it; half its neighbour's score ranks it below strong direct matches.
    private const double NeighbourShare = 0.5;
    // A follow-up ("and last year?") names no table: what the last turns queried stays in view, as strong as a named table.
    private const double RecentScore = TableWordScore;
    // A value the question names ("cancelled") points at its column's table as surely as a column name does, and more rarely by chance.
    private const double ValueScore = 2;
    // Tables that join two picked ones (order_lines between orders and products) come along even past the cap, this many at most.
    private const int MaxBridges = 5;

    /// <param name="recentSql">SQL of the conversation's last turns; the tables it names are kept.</param>
    /// <returns>At most <paramref name="maxTables"/> tables plus bridges, in the schema's order; all of them when the schema is that small.</returns>
    public static IReadOnlyList<TableSchema> Pick(DatabaseSchema schema, string question, int maxTables = DefaultMaxTables,
        IEnumerable<string>? recentSql = null) => Choose(schema, question, maxTables, recentSql).Tables;

    /// <summary>The tables for a question (see <see cref="Pick"/>) with the stored values the question names.</summary>
    public static SchemaPick Choose(DatabaseSchema schema, string question, int maxTables = DefaultMaxTables, IEnumerable<string>? recentSql = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxTables);

        var tables = schema.Tables;
        var questionWords = NameWords.FromQuestion(question);
        var values = ValueHints.Find(tables, questionWords);
        if (tables.Count <= maxTables) return new SchemaPick(tables, values);

        var scores = tables.Select(table => Score(table, questionWords, values)).ToArray();
        KeepRecent(tables, recentSql, scores);
        var graph = ForeignKeyGraph.Of(tables);
        var priorities = (double[])scores.Clone();
        for (var index = 0; index < tables.Count; index++)
            foreach (var neighbour in graph.NeighboursOf(index))
                priorities[neighbour] = Math.Max(priorities[neighbour], scores[index] * NeighbourShare);

        var picked = Enumerable.Range(0, tables.Count)
            .Where(index => priorities[index] > 0)
            .OrderByDescending(index => priorities[index])
            .ThenBy(index => index)
            .Take(maxTables)
            .ToHashSet();
        // Nothing matched: the first tables at least show the model what the database is like.
        if (picked.Count == 0) return new SchemaPick(tables.Take(maxTables).ToArray(), ValueHints.None);
        picked.UnionWith(Bridges(graph, picked, priorities));
        return new SchemaPick(picked.Order().Select(index => tables[index]).ToArray(), values);
    }

    private static double Score(TableSchema table, HashSet<string> questionWords, ValueHints values)
    {
        var words = TableWords.Of(table);
        var score = questionWords.Sum(word => words.Name.Contains(word) ? TableWordScore : words.Columns.Contains(word) ? ColumnWordScore : 0);
        return values.Names(table) ? score + ValueScore : score;
    }

    private static void KeepRecent(IReadOnlyList<TableSchema> tables, IEnumerable<string>? recentSql, double[] scores)
    {
        if (recentSql is null) return;
        var named = recentSql.SelectMany(sql => SqlWords().Matches(sql).Select(match => match.Value))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (named.Count == 0) return;
        for (var index = 0; index < tables.Count; index++)
            if (named.Contains(tables[index].Name)) scores[index] = Math.Max(scores[index], RecentScore);
    }

    /// <summary>Unpicked tables joined to two or more picked ones, strongest first.</summary>
    private static IEnumerable<int> Bridges(ForeignKeyGraph graph, HashSet<int> picked, double[] priorities) =>
        Enumerable.Range(0, priorities.Length)
            .Where(index => !picked.Contains(index) && graph.NeighboursOf(index).Count(picked.Contains) >= 2)
            .OrderByDescending(index => priorities[index])
            .ThenBy(index => index)
            .Take(MaxBridges)
            .ToArray();

    // Names as SQL writes them, bare or inside any quotes: the quotes are not part of the match.
    [GeneratedRegex(@"[\p{L}\p{N}_$]+")]
    private static partial Regex SqlWords();
}
