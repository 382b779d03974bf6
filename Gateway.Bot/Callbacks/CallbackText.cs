namespace OrleansAssistant.Gateway.Bot.Callbacks;

/// <summary>Text for a button's toast or alert, which Telegram cuts off at 200 characters.</summary>
internal static class CallbackText
{
    public const int MaxLength = 200;

    public static string Fit(string text)
    {
        if (text.Length <= MaxLength) return text;
        var cut = char.IsHighSurrogate(text[MaxLength - 2]) ? MaxLength - 2 : MaxLength - 1;
        return text[..cut].TrimEnd() + "…";
    }
}
