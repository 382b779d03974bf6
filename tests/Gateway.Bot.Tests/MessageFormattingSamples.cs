using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>Answers, rows and long texts shared by the message formatting tests.</summary>
internal static class MessageFormattingSamples
{
    public const string Hostile = "<b>bold</b> & <script>";

    public static readonly StageUsage[] Stages =
    [
        new(1, "Summary", "gemini-2.5-flash", 700, 60, 0.00021m, 0.00015m, TimeSpan.FromSeconds(1)),
        new(2, "SQL response", "gemini<2.0>&flash", 65, 1910, 0.00001m, 0.00076m, TimeSpan.FromSeconds(2)),
    ];

    public static QueryResult Result(IReadOnlyList<ResultColumn> columns, IReadOnlyList<IReadOnlyList<string?>> rows, bool truncated = false) =>
        new(QueryOutcome.Succeeded, null, columns, rows, truncated, null, TimeSpan.FromMilliseconds(5));

    public static QueryResult Products(int count) => Result(
        [new("name", ValueKind.Text), new("price", ValueKind.Decimal)],
        [.. Enumerable.Range(1, count).Select(number => (IReadOnlyList<string?>)[$"Product {number} <&>", $"{number}.50"])]);

    public static QuestionAnswer SqlAnswer(string text, QueryResult rows) =>
        new(QuestionOutcome.Answered, text, AnswerWay.SqlQuery, "SELECT 1", rows, Stages: Stages);

    /// <summary>Words, emoji and already-escaped ampersands, about <paramref name="length"/> characters of HTML.</summary>
    public static string LongHtml(int length, string separator)
    {
        var words = new[] { "revenue", "😀", "Q3&amp;Q4", "👩‍💻", "growth", "&lt;x&gt;", "𝔘nicode" };
        var builder = new System.Text.StringBuilder();
        for (var index = 0; builder.Length < length; index++)
        {
            builder.Append(words[index % words.Length]).Append(index % 13 == 12 ? separator : " ");
        }
        return builder.ToString();
    }
}
