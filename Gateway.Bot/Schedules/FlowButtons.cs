using Telegram.Bot.Types.ReplyMarkups;

namespace OrleansAssistant.Gateway.Bot.Schedules;

/// <summary>
/// The buttons of the schedule dialog: "plan:&lt;choice&gt;:&lt;value&gt;". The draft they act on is found by the message they sit
/// under, so the data stays short and a press under any other message is an old or forged one.
/// </summary>
internal static class FlowButtons
{
    public const string Prefix = "plan:";

    public const string Rhythm = "r";
    public const string Day = "d";
    public const string Time = "t";
    public const string Delivery = "to";
    public const string Condition = "c";
    public const string UseCurrent = "v";
    public const string Check = "k";
    public const string Create = "create";
    public const string Cancel = "cancel";

    public static bool IsFlowButton(string data) => data.StartsWith(Prefix, StringComparison.Ordinal);

    public static InlineKeyboardButton Button(string label, string choice, string value = "") =>
        InlineKeyboardButton.WithCallbackData(label, $"{Prefix}{choice}:{value}");

    public static InlineKeyboardButton CancelButton => Button("✖ Cancel", Cancel);

    public static InlineKeyboardButton CreateButton => Button("✅ Create", Create);

    /// <returns>The choice and its value, or null for data that is not shaped like a dialog button.</returns>
    public static (string Choice, string Value)? TryRead(string data)
    {
        if (!IsFlowButton(data) || data.Length > 64) return null;
        var rest = data[Prefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? null : (rest[..colon], rest[(colon + 1)..]);
    }
}
