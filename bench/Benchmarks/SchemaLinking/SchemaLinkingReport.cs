using System.Globalization;
using OrleansAssistant.Benchmarks.Reporting;

namespace OrleansAssistant.Benchmarks.SchemaLinking;

/// <summary>Prints the schema-linking figures side by side, then the worst misses of each shape.</summary>
internal static class SchemaLinkingReport
{
    private const int WorstMisses = 20;

    public static void Print(SchemaLinkingResult figures, IReadOnlyList<LinkedQuestion> wide, IReadOnlyList<LinkedQuestion> small, int databases, double milliseconds)
    {
        Console.WriteLine($"Schema linking on Spider: {figures.Wide.Questions:N0} questions, {databases} databases in the tables file, "
            + $"RelevantTables.Pick with its default maximum; tokens counted with o200k ({milliseconds:N0} ms in all)");
        var table = new TextTable("schema", "questions", "all gold picked", "mean gold share", "tables in prompt", "p95 tables",
            "schema tokens", "full schema tokens", "token ratio");
        Add(table, $"wide ({WideSchema.Tables} tables)", figures.Wide);
        Add(table, "small (database alone)", figures.Small);
        table.WriteTo(Console.Out);
        Console.WriteLine("  (all gold picked = questions whose every table of the gold query is in the prompt; schema tokens = mean of the");
        Console.WriteLine("   prompt's schema text; token ratio = all prompts' schema tokens over all full schema texts' tokens)");
        Console.WriteLine("  Targets: wide, every gold table picked for ≥ 97 % of questions with a token ratio ≤ 30 %; small, 100 %.");
        PrintMisses("wide", wide);
        PrintMisses("small", small);
        Console.WriteLine();
    }

    private static void Add(TextTable table, string label, SchemaLinkingFigures figures) =>
        table.Add(label, figures.Questions.ToString("N0", CultureInfo.InvariantCulture),
            Percent(figures.AllGoldPickedPercent / 100), Percent(figures.MeanGoldShare),
            figures.MeanTablesInPrompt.ToString("F1", CultureInfo.InvariantCulture), figures.P95TablesInPrompt.ToString(CultureInfo.InvariantCulture),
            figures.MeanPromptSchemaTokens.ToString("N0", CultureInfo.InvariantCulture), figures.MeanFullSchemaTokens.ToString("N0", CultureInfo.InvariantCulture),
            Percent(figures.SchemaTokenRatio));

    // Worst first: the smallest share of gold tables kept, then the most tables missed; ties keep the file's order.
    private static void PrintMisses(string shape, IReadOnlyList<LinkedQuestion> linked)
    {
        var misses = linked.Where(question => question.MissedTables.Count > 0)
            .OrderBy(question => question.GoldShare).ThenByDescending(question => question.MissedTables.Count)
            .Take(WorstMisses).ToArray();
        Console.WriteLine();
        if (misses.Length == 0)
        {
            Console.WriteLine($"No misses on the {shape} schema.");
            return;
        }
        Console.WriteLine($"Worst {misses.Length} misses on the {shape} schema (of {linked.Count(question => question.MissedTables.Count > 0):N0})");
        // Text columns read best left-aligned; the question goes last so a long one does not widen the others.
        var databaseWidth = Math.Max("database".Length, misses.Max(miss => miss.Question.DatabaseId.Length));
        var missedWidth = Math.Max("missed tables".Length, misses.Max(miss => Missed(miss).Length));
        Console.WriteLine($"  {"database".PadRight(databaseWidth)}  {"missed tables".PadRight(missedWidth)}  question");
        foreach (var miss in misses)
        {
            Console.WriteLine($"  {miss.Question.DatabaseId.PadRight(databaseWidth)}  {Missed(miss).PadRight(missedWidth)}  {miss.Question.Question}");
        }
    }

    private static string Missed(LinkedQuestion miss) => string.Join(", ", miss.MissedTables);

    private static string Percent(double share) => share.ToString("0.0 %", CultureInfo.InvariantCulture);
}
