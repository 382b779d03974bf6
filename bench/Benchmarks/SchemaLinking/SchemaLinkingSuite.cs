using System.Diagnostics;
using System.Text.Json;

namespace OrleansAssistant.Benchmarks.SchemaLinking;

/// <summary>
/// Schema linking on Spider: for every question, the tables <see cref="CustomerDatabases.Schema.RelevantTables"/> picks from
/// the 100-table wide schema (<see cref="WideSchema"/>) and from the question's database alone, against its gold tables.
/// In process, no silo; figures go to the console and, with <c>--out</c>, to a JSON file.
/// </summary>
internal static class SchemaLinkingSuite
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <exception cref="InvalidDataException">A file is not in the expected format.</exception>
    public static async Task RunAsync(SchemaLinkingOptions options)
    {
        var databases = SpiderTablesFile.Read(options.TablesPath);
        var questions = SpiderQuestion.ReadLines(options.QuestionsPath);
        if (questions.Count == 0) throw new InvalidDataException($"{options.QuestionsPath} holds no question.");

        var started = Stopwatch.GetTimestamp();
        var wide = SchemaLinkingRun.Link(databases, questions, own => WideSchema.For(databases, own));
        var small = SchemaLinkingRun.Link(databases, questions, own => WideSchema.Small(databases[own]));
        var milliseconds = Timing.MillisecondsSince(started);

        var figures = new SchemaLinkingResult(SchemaLinkingFigures.Of(wide), SchemaLinkingFigures.Of(small));
        SchemaLinkingReport.Print(figures, wide, small, databases.Count, milliseconds);
        if (options.OutPath is { } path)
        {
            await using (var file = File.Create(path)) await JsonSerializer.SerializeAsync(file, figures, Json);
            Console.WriteLine($"Figures written to {path}");
        }
    }
}
