using Telegram.Bot.Types.ReplyMarkups;

namespace OrleansAssistant.Gateway.Bot.Terminal;

/// <summary>An inline keyboard numbered for typing <c>#n</c>: <c>[1] Shop  [2] Demo Sales</c>.</summary>
internal static class ButtonLine
{
    /// <summary>Buttons row by row, in the order their numbers count.</summary>
    public static IReadOnlyList<InlineKeyboardButton> Flatten(InlineKeyboardMarkup keyboard) =>
        [.. keyboard.InlineKeyboard.SelectMany(row => row)];

    public static string Render(InlineKeyboardMarkup keyboard) =>
        string.Join("  ", Flatten(keyboard).Select((button, index) => $"[{index + 1}] {button.Text}"));
}
