using System.Globalization;
using OrleansAssistant.Grains.Interfaces.Questions;
using Telegram.Bot.Types.ReplyMarkups;

namespace OrleansAssistant.Gateway.Bot.Answers;

/// <summary>
/// The catalogue of buttons under an answer and their callback data. Every button names the answer by its
/// conversation id, so a press finds everything else in the cluster, not in the gateway's memory. Data is
/// at most 64 bytes (Telegram's limit) and read strictly: anything else is an old or forged press.
/// </summary>
internal static class AnswerButtons
{
    public const string Prefix = "answer:";
    public const string ExportPrefix = Prefix + "export:";
    private const string RatePrefix = Prefix + "rate:";
    private const string MorePrefix = Prefix + "more:";
    private const string LessPrefix = Prefix + "less:";
    private const string VerifyPrefix = Prefix + "verify:";
    private const string PlanPrefix = Prefix + "plan:";

    private static readonly (string Prefix, AnswerAction Action)[] Prefixes =
        [(RatePrefix, AnswerAction.Rate), (ExportPrefix, AnswerAction.Export), (MorePrefix, AnswerAction.More), (LessPrefix, AnswerAction.Less),
         (PlanPrefix, AnswerAction.Schedule)];

    /// <summary>Longest conversation id a button carries: with the longest prefix the data stays within 64 bytes.</summary>
    public const int MaxConversationIdLength = 40;

    public const string MoreLabel = "More ▾";
    public const string LessLabel = "Less ▴";
    public const string VerifyLabel = "✓ Verify";

    private static readonly (AnswerButton Button, string Label, AnswerAction Action, string Code)[] Catalogue =
    [
        (AnswerButton.Helpful, "👍", AnswerAction.Rate, "up"),
        (AnswerButton.NotHelpful, "👎", AnswerAction.Rate, "down"),
        (AnswerButton.Csv, "⬇ CSV", AnswerAction.Export, "csv"),
        (AnswerButton.Excel, "⬇ Excel", AnswerAction.Export, "xlsx"),
        (AnswerButton.Json, "⬇ JSON", AnswerAction.Export, "json"),
        (AnswerButton.Schedule, "⏰ Schedule", AnswerAction.Schedule, "s"),
        (AnswerButton.Alert, "🔔 Alert", AnswerAction.Schedule, "a"),
    ];

    /// <returns>The keyboard under an answer, or null when no button applies to it.</returns>
    public static InlineKeyboardMarkup? For(QuestionAnswer answer) => AnswerKeyboard.For(answer)?.ToMarkup();

    /// <summary>Every button, in catalogue order.</summary>
    public static IEnumerable<AnswerButton> All => Catalogue.Select(entry => entry.Button);

    public static string Label(AnswerButton button) => Catalogue[(int)button].Label;

    /// <summary>The label of a chosen verdict, marked in place: "👍 ✓".</summary>
    public static string MarkedLabel(AnswerButton button) => Label(button) + " ✓";

    public static InlineKeyboardButton Button(AnswerButton button, string conversationId, bool marked = false)
    {
        var entry = Catalogue[(int)button];
        var prefix = entry.Action switch
        {
            AnswerAction.Rate => RatePrefix,
            AnswerAction.Schedule => PlanPrefix,
            _ => ExportPrefix,
        };
        return InlineKeyboardButton.WithCallbackData(marked ? MarkedLabel(button) : entry.Label, $"{prefix}{entry.Code}:{conversationId}");
    }

    public static InlineKeyboardButton MoreOrLess(bool expanded, int applicable, string conversationId) =>
        InlineKeyboardButton.WithCallbackData(expanded ? LessLabel : MoreLabel,
            $"{(expanded ? LessPrefix : MorePrefix)}{applicable.ToString("x", CultureInfo.InvariantCulture)}:{conversationId}");

    public static InlineKeyboardButton Verify(string conversationId) => InlineKeyboardButton.WithCallbackData(VerifyLabel, VerifyPrefix + conversationId);

    public static bool IsAnswerButton(string data) => data.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Ids a button can carry: short, and only the characters conversation ids are made of.</summary>
    public static bool IsConversationId(string id) =>
        id.Length is > 0 and <= MaxConversationIdLength && id.All(character => char.IsAsciiLetterOrDigit(character) || character is '_' or '-');

    /// <returns>Null for data that is not a well-formed answer button (an old or forged press).</returns>
    public static AnswerCallback? TryRead(string data)
    {
        if (data.StartsWith(VerifyPrefix, StringComparison.Ordinal))
        {
            var id = data[VerifyPrefix.Length..];
            return IsConversationId(id) ? new AnswerCallback(AnswerAction.Verify, id) : null;
        }
        var (prefix, action) = Prefixes.FirstOrDefault(candidate => data.StartsWith(candidate.Prefix, StringComparison.Ordinal));
        if (prefix is null) return null;
        var rest = data[prefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !IsConversationId(rest[(colon + 1)..])) return null;
        var (code, conversationId) = (rest[..colon], rest[(colon + 1)..]);
        if (action is AnswerAction.More or AnswerAction.Less)
        {
            return AnswerKeyboard.TryReadApplicable(code, out var applicable) ? new AnswerCallback(action, conversationId, Applicable: applicable) : null;
        }
        var entry = Catalogue.FirstOrDefault(candidate => candidate.Action == action && candidate.Code == code);
        return entry.Label is null ? null : new AnswerCallback(action, conversationId, entry.Button);
    }

    /// <returns>False for data that is not a well-formed export button (an old or forged press).</returns>
    public static bool TryReadExport(string data, out ExportFormat format, out string conversationId)
    {
        (format, conversationId) = TryRead(data) switch
        {
            { Action: AnswerAction.Export, Button: AnswerButton.Csv } press => (ExportFormat.Csv, press.ConversationId),
            { Action: AnswerAction.Export, Button: AnswerButton.Excel } press => (ExportFormat.Xlsx, press.ConversationId),
            { Action: AnswerAction.Export, Button: AnswerButton.Json } press => (ExportFormat.Json, press.ConversationId),
            _ => (default, ""),
        };
        return conversationId.Length > 0;
    }
}
