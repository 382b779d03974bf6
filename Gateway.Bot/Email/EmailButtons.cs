using Telegram.Bot.Types.ReplyMarkups;

namespace OrleansAssistant.Gateway.Bot.Email;

/// <summary>The [Send e-mail] [Cancel] buttons under a draft's preview; their data carries the draft id.</summary>
internal static class EmailButtons
{
    public const string SendPrefix = "email:send:";
    public const string CancelPrefix = "email:cancel:";

    public static InlineKeyboardMarkup For(string draftId) => new(new[]
    {
        InlineKeyboardButton.WithCallbackData("Send e-mail", SendPrefix + draftId),
        InlineKeyboardButton.WithCallbackData("Cancel", CancelPrefix + draftId),
    });

    public static bool IsEmailButton(string data) =>
        data.StartsWith(SendPrefix, StringComparison.Ordinal) || data.StartsWith(CancelPrefix, StringComparison.Ordinal);
}
