using System.Globalization;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Questions;
using Telegram.Bot.Types.ReplyMarkups;

namespace OrleansAssistant.Gateway.Bot.Answers;

/// <summary>
/// The keyboard under one answer: which buttons apply, the verdict marked on it, and whether [More] is open.
/// Up to four applicable buttons share one row; beyond that the first three stay and [More ▾] opens the rest in
/// rows of four below (turning into [Less ▴]). The state is read back from the keyboard a press came from, so
/// the gateway keeps none of it.
/// </summary>
internal sealed record AnswerKeyboard(string ConversationId, int Applicable, FeedbackVerdict? Marked = null, bool Expanded = false)
{
    private const int RowLength = 4;

    /// <returns>Null when no button applies (not answered, no SQL) or the id does not fit in callback data.</returns>
    public static AnswerKeyboard? For(QuestionAnswer answer)
    {
        if (answer is not { Outcome: QuestionOutcome.Answered, ConversationId: { } conversationId } || !AnswerButtons.IsConversationId(conversationId)) return null;
        var applicable = 0;
        // Every answer with SQL can be judged, also one with no rows or one from a verified query.
        if (!string.IsNullOrWhiteSpace(answer.Sql)) applicable |= Bit(AnswerButton.Helpful) | Bit(AnswerButton.NotHelpful);
        if (answer.Rows is { Succeeded: true, Rows.Count: > 0 }) applicable |= Bit(AnswerButton.Csv) | Bit(AnswerButton.Excel) | Bit(AnswerButton.Json);
        // A schedule re-runs the answer's SQL; an alert watches a single number.
        if (answer.Rows is { Succeeded: true, Rows.Count: > 0 } && !string.IsNullOrWhiteSpace(answer.Sql)) applicable |= Bit(AnswerButton.Schedule);
        if (!string.IsNullOrWhiteSpace(answer.Sql) && IsOneNumber(answer.Rows)) applicable |= Bit(AnswerButton.Alert);
        return applicable == 0 ? null : new AnswerKeyboard(conversationId, applicable);
    }

    /// <summary>Reads the state back from the keyboard a press came from; null when it is not an answer's keyboard.</summary>
    public static AnswerKeyboard? Read(InlineKeyboardMarkup? markup)
    {
        if (markup is null) return null;
        string? conversationId = null;
        int shown = 0, applicable = 0;
        var expanded = false;
        FeedbackVerdict? marked = null;
        foreach (var button in markup.InlineKeyboard.SelectMany(row => row))
        {
            if (button.CallbackData is not { } data || AnswerButtons.TryRead(data) is not { } press) return null;
            if (conversationId is not null && press.ConversationId != conversationId) return null;
            conversationId = press.ConversationId;
            if (press.Button is { } kind)
            {
                shown |= Bit(kind);
                if (button.Text == AnswerButtons.MarkedLabel(kind)) marked = VerdictOf(kind);
            }
            else if (press.Action is AnswerAction.More or AnswerAction.Less)
            {
                (applicable, expanded) = (press.Applicable, press.Action == AnswerAction.Less);
            }
        }
        return conversationId is null ? null : new AnswerKeyboard(conversationId, applicable | shown, marked, expanded);
    }

    public InlineKeyboardMarkup ToMarkup()
    {
        var buttons = AnswerButtons.All.Where(button => (Applicable & Bit(button)) != 0)
            .Select(button => AnswerButtons.Button(button, ConversationId, marked: Marked is { } verdict && VerdictOf(button) == verdict))
            .ToList();
        if (buttons.Count <= RowLength) return new InlineKeyboardMarkup(buttons);
        List<IEnumerable<InlineKeyboardButton>> rows = [[.. buttons.Take(RowLength - 1), AnswerButtons.MoreOrLess(Expanded, Applicable, ConversationId)]];
        if (Expanded) rows.AddRange(buttons.Skip(RowLength - 1).Chunk(RowLength));
        return new InlineKeyboardMarkup(rows);
    }

    /// <summary>The applicable set as [More] and [Less] carry it: lower-case hex of known buttons only.</summary>
    public static bool TryReadApplicable(string code, out int applicable)
    {
        var known = AnswerButtons.All.Aggregate(0, (bits, button) => bits | Bit(button));
        return int.TryParse(code, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out applicable)
            && code == applicable.ToString("x", CultureInfo.InvariantCulture) && applicable != 0 && (applicable & ~known) == 0;
    }

    private static int Bit(AnswerButton button) => 1 << (int)button;

    private static bool IsOneNumber(QueryResult? rows) =>
        rows is { Succeeded: true, Rows: [[{ } value]], Columns: [{ Kind: ValueKind.Integer or ValueKind.Decimal or ValueKind.Float }] }
        && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static FeedbackVerdict? VerdictOf(AnswerButton button) => button switch
    {
        AnswerButton.Helpful => FeedbackVerdict.Helpful,
        AnswerButton.NotHelpful => FeedbackVerdict.NotHelpful,
        _ => null,
    };
}
