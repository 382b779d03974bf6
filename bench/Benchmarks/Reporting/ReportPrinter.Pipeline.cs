using System.Globalization;
using OrleansAssistant.Benchmarks.Pipeline;

namespace OrleansAssistant.Benchmarks.Reporting;

/// <summary>The pipeline suite's tables.</summary>
internal static partial class ReportPrinter
{
    public static void Print(PipelineResult pipeline)
    {
        Console.WriteLine("Question pipeline, IUserGrain.AskAsync on Demo Sales with a 0-ms fake model, called inside the silo");
        var table = new TextTable("shape", "questions", "concurrency", "questions/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "SQL p50 ms", "overhead p50 ms");
        foreach (var result in pipeline.Questions)
        {
            table.Add(result.Shape, Number(result.Questions), Number(result.Concurrency),
                result.QuestionsPerSecond.ToString("F0", CultureInfo.InvariantCulture),
                FineMs(result.LatencyMs.P50), FineMs(result.LatencyMs.P95), FineMs(result.LatencyMs.P99), FineMs(result.LatencyMs.Max),
                FineMs(result.SqlP50Ms), FineMs(result.OverheadP50Ms));
        }
        table.WriteTo(Console.Out);
        Console.WriteLine("  (each question = rate limit + schema + stage 1 + the sales-by-region aggregate + stage 2 + cost ledger;");
        Console.WriteLine($"   SQL p50 = that aggregate alone through IDatabaseConnectionGrain.QueryAsync at the same concurrency, {SqlBaseline.Queries} runs;");
        Console.WriteLine("   overhead = p50 minus SQL p50, and includes two loopback HTTP calls to the fake model)");
        Console.WriteLine();

        Console.WriteLine("Stage 1 prompt size (all message contents of the request; tokens counted with o200k, the product's estimate)");
        var prompts = new TextTable("database", "schema selection", "tables", "in prompt", "schema chars", "prompt chars", "schema tokens", "prompt tokens", "count µs");
        foreach (var size in pipeline.PromptSizes)
        {
            prompts.Add(size.Database, size.Selection, Number(size.SchemaTables), Number(size.PromptTables),
                Number(size.SchemaChars), Number(size.PromptChars), Number(size.SchemaTokens), Number(size.PromptTokens),
                size.CountMicroseconds.ToString("F0", CultureInfo.InvariantCulture));
        }
        prompts.WriteTo(Console.Out);
        Console.WriteLine("  (\"computed\" = the prompt as sent, with the selected tables' text swapped for every table's;");
        Console.WriteLine("   count µs = counting that prompt's tokens once, as the pipeline does for its cap and budget)");
        Console.WriteLine();

        Console.WriteLine("Bot API calls per question (paced calls to the question's chat: typing, messages, edits, deletions)");
        var calls = new TextTable("shape", "questions", "calls/question", "sendChatAction", "sendMessage", "editMessageText", "deleteMessage");
        foreach (var result in pipeline.BotApiCalls)
        {
            calls.Add(result.Shape, Number(result.Questions), Calls(result.CallsPerQuestion), Calls(result.PerMethod.GetValueOrDefault("sendChatAction")),
                Calls(result.PerMethod.GetValueOrDefault("sendMessage")), Calls(result.PerMethod.GetValueOrDefault("editMessageText")),
                Calls(result.PerMethod.GetValueOrDefault("deleteMessage")));
        }
        calls.WriteTo(Console.Out);
        Console.WriteLine();
    }

    private static string Calls(double perQuestion) => perQuestion.ToString("F2", CultureInfo.InvariantCulture);
}
