using OrleansAssistant.Grains.Interfaces.Questions;
using Telegram.Bot.Types.ReplyMarkups;

namespace OrleansAssistant.Gateway.Bot.Answers;

/// <summary>
/// The buttons under an answer, in one fixed order everywhere: the take-away files first (CSV, Excel, JSON).
/// One row of at most four; when more kinds of button join (feedback, schedules, alerts), the first three stay
/// in the row and the rest go behind a [More] button in the same order. Their data names the answer by its
/// conversation id, so a press finds the answer (and its SQL) in the cluster, not in the gateway's memory.
/// </summary>
internal static class AnswerButtons
{
    public const string ExportPrefix = "answer:export:";

    private static readonly (ExportFormat Format, string Label, string Code)[] Exports =
    [
        (ExportFormat.Csv, "⬇ CSV", "csv"),
        (ExportFormat.Xlsx, "⬇ Excel", "xlsx"),
        (ExportFormat.Json, "⬇ JSON", "json"),
    ];

    /// <returns>The keyboard, or null when the answer has nothing to take away (no rows, or no id to find it by).</returns>
    public static InlineKeyboardMarkup? For(QuestionAnswer answer)
    {
        if (answer is not { Outcome: QuestionOutcome.Answered, ConversationId: { } conversationId, Rows: { Succeeded: true, Rows.Count: > 0 } }) return null;
        return new InlineKeyboardMarkup(Exports.Select(export =>
            InlineKeyboardButton.WithCallbackData(export.Label, $"{ExportPrefix}{export.Code}:{conversationId}")));
    }

    public static bool IsExportButton(string data) => data.StartsWith(ExportPrefix, StringComparison.Ordinal);

    /// <returns>False for data that is not a well-formed export button (an old or forged press).</returns>
    public static bool TryReadExport(string data, out ExportFormat format, out string conversationId)
    {
        format = default;
        conversationId = "";
        if (!IsExportButton(data)) return false;
        var rest = data[ExportPrefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == rest.Length - 1) return false;
        var code = rest[..colon];
        var match = Exports.FirstOrDefault(export => export.Code == code);
        if (match.Label is null) return false;
        format = match.Format;
        conversationId = rest[(colon + 1)..];
        return true;
    }
}
