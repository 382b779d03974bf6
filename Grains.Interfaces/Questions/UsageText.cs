using System.Globalization;

namespace OrleansAssistant.Grains.Interfaces.Questions;

/// <summary>
/// The token and cost line shown under an answer, e.g.
/// "Token usage: 2,735 total (765 input, 1,970 output) · Cost: $0.01846 · Stage 1 (gemini-2.5-flash): …".
/// </summary>
public static class UsageText
{
    public static string For(QuestionAnswer answer)
    {
        if (answer.Usage.Count == 0) return "";
        var stages = answer.Usage.Select(stage =>
            $"Stage {stage.StageNumber} {stage.StageName} ({stage.Model}): {Count(stage.InputTokens + stage.OutputTokens)} tokens, {Money(stage.TotalCost)}");
        return $"Token usage: {Count(answer.InputTokens + answer.OutputTokens)} total ({Count(answer.InputTokens)} input, {Count(answer.OutputTokens)} output)"
            + $" · Cost: {Money(answer.TotalCost)} · " + string.Join(" · ", stages);
    }

    private static string Count(int tokens) => tokens.ToString("N0", CultureInfo.InvariantCulture);

    // Five decimals show sub-cent costs; the stored values stay exact.
    private static string Money(decimal amount) => "$" + Math.Round(amount, 5, MidpointRounding.AwayFromZero).ToString("0.00000", CultureInfo.InvariantCulture);
}
