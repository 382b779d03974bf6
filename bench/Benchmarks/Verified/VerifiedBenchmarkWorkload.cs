using System.Globalization;

namespace OrleansAssistant.Benchmarks.Verified;

/// <summary>
/// The library and the questions: 50 verified question→SQL pairs on "Demo Sales", and a workload in which a fixed
/// share repeats one of them (in other case, spacing and punctuation) while the rest are questions the library does not hold.
/// </summary>
internal static class VerifiedBenchmarkWorkload
{
    public const int RepeatPercent = 40;

    private const string LineAmount = "l.quantity * l.unit_price_cents * (100 - l.discount_percent) / 100";

    private static readonly string[] Statuses = ["Completed", "Shipped", "Cancelled", "Returned"];
    private static readonly string[] Segments = ["Retail", "SMB", "Enterprise"];
    private static readonly int[] Years = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];
    private static readonly int[] TopCounts = [3, 5, 10, 20];

    /// <summary>50 questions with SQL that runs on Demo Sales.</summary>
    public static IReadOnlyList<(string Question, string Sql)> Examples()
    {
        var examples = new List<(string, string)>
        {
            ("How many branches are there?", "SELECT count(*) AS branches FROM branches"),
            ("How many sales reps do we have?", "SELECT count(*) AS reps FROM sales_reps"),
            ("How many active products do we have?", "SELECT count(*) AS products FROM products WHERE active = 1"),
        };
        examples.AddRange(Statuses.Select(status => ($"How many orders are {status.ToLowerInvariant()}?",
            $"SELECT count(*) AS orders FROM orders WHERE status = '{status}'")));
        examples.AddRange(Segments.Select(segment => ($"How many customers are in the {segment} segment?",
            $"SELECT count(*) AS customers FROM customers WHERE segment = '{segment}'")));
        examples.AddRange(Years.Select(year => (Invariant($"How many orders were placed in {year}?"),
            Invariant($"SELECT count(*) AS orders FROM orders WHERE ordered_at LIKE '{year}-%'"))));
        examples.AddRange(Years.Select(year => (Invariant($"How many customers signed up in {year}?"),
            Invariant($"SELECT count(*) AS customers FROM customers WHERE created_at LIKE '{year}-%'"))));
        examples.AddRange(Years.Select(year => (Invariant($"What was our revenue in {year}?"),
            Invariant($"SELECT sum({LineAmount}) / 100.0 AS revenue FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.status <> 'Cancelled' AND o.ordered_at LIKE '{year}-%'"))));
        examples.AddRange(Enumerable.Range(1, 12).Select(month => (
            $"How many orders were placed in {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month)} 2025?",
            Invariant($"SELECT count(*) AS orders FROM orders WHERE substr(ordered_at, 1, 7) = '2025-{month:00}'"))));
        examples.AddRange(TopCounts.Select(count => (Invariant($"What are the top {count} products by units sold?"),
            Invariant($"SELECT p.name, sum(l.quantity) AS units FROM order_lines l JOIN products p ON p.id = l.product_id GROUP BY p.name ORDER BY units DESC LIMIT {count}"))));
        return examples;
    }

    /// <summary><paramref name="count"/> questions in a fixed shuffled order: <see cref="RepeatPercent"/> % repeat an example, the rest are new.</summary>
    public static IReadOnlyList<(string Question, bool Repeat)> Questions(IReadOnlyList<(string Question, string Sql)> examples, int count)
    {
        var repeats = count * RepeatPercent / 100;
        var questions = new List<(string, bool)>(count);
        for (var i = 0; i < repeats; i++) questions.Add((AsTyped(examples[i % examples.Count].Question, i), true));
        for (var i = 0; i < count - repeats; i++) questions.Add((NewQuestion(i), false));
        var random = new Random(42);
        return [.. questions.OrderBy(_ => random.Next())];
    }

    // Repeats come as people type them: another case, no question mark, extra spaces.
    private static string AsTyped(string question, int variant) => (variant % 3) switch
    {
        0 => question.ToLowerInvariant(),
        1 => question.TrimEnd('?'),
        _ => $"  {question.ToUpperInvariant()}  ",
    };

    private static readonly string[] NewQuestionShapes =
    [
        "What were our sales by region in week {0}, leaving out cancelled orders?",
        "Which region sold the most during promotion {0}?",
        "Compare the regions' sales for campaign {0}",
        "Show sales per region for store survey {0}",
    ];

    private static string NewQuestion(int index) =>
        string.Format(CultureInfo.InvariantCulture, NewQuestionShapes[index % NewQuestionShapes.Length], index + 1);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
