using System.Text.Json;

namespace OrleansAssistant.Benchmarks.SchemaLinking;

/// <summary>A question with the tables its gold query reads (names as the query spells them).</summary>
internal sealed record SpiderQuestion(string DatabaseId, string Question, IReadOnlyList<string> GoldTables)
{
    /// <summary>One JSON object a line: <c>db_id</c>, <c>question</c>, <c>gold_tables</c> (other fields ignored); blank lines skipped.</summary>
    /// <exception cref="InvalidDataException">A line is not such an object; the message names the line.</exception>
    public static IReadOnlyList<SpiderQuestion> ReadLines(string path)
    {
        var questions = new List<SpiderQuestion>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                questions.Add(new SpiderQuestion(root.GetProperty("db_id").GetString()!, root.GetProperty("question").GetString()!,
                    root.GetProperty("gold_tables").EnumerateArray().Select(table => table.GetString()!).ToArray()));
            }
            catch (Exception error) when (error is JsonException or InvalidOperationException or KeyNotFoundException)
            {
                throw new InvalidDataException($"{path}, line {number}: not a question with db_id, question and gold_tables ({error.Message})", error);
            }
        }
        return questions;
    }
}
