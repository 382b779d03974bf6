using System.Globalization;
using OrleansAssistant.Gateway.Bot.Terminal;

namespace OrleansAssistant.Gateway.Bot.Schedules;

/// <summary>
/// The one number an answer message shows ("Result: 42", or the single cell of its table), offered as the
/// default of a "changes from" alert. Best effort: when it cannot be read, the person types the number.
/// </summary>
internal static class AnswerValue
{
    public static decimal? TryRead(string? shown)
    {
        if (string.IsNullOrWhiteSpace(shown)) return null;
        foreach (var line in PlainText.FromHtml(shown).Split('\n').Select(line => line.Trim()).Reverse())
        {
            var candidate = line.StartsWith("Result:", StringComparison.Ordinal) ? line["Result:".Length..].Trim() : line;
            if (decimal.TryParse(candidate.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        }
        return null;
    }
}
