using System.Globalization;

namespace OrleansAssistant.Grains.Interfaces.Questions;

/// <summary>
/// The one line shown under an answer, e.g. "2,735 tokens · $0.01846" (reasoning included in the tokens), and
/// how a cost reads wherever one is shown: a call without a price is "price unknown", never $0.
/// </summary>
public static class UsageText
{
    public const string PriceUnknown = "price unknown";

    public static string For(QuestionAnswer answer) =>
        answer.Usage.Count == 0 ? "" : $"{Count(answer.TotalTokens)} tokens · {Cost(answer.TotalCost, answer.UnpricedCalls)}";

    /// <summary>
    /// "$0.01846"; "price unknown" when no call had a price; "≥ $0.01846, price unknown for 2 calls" when some
    /// had none, since the amount then covers only the priced ones.
    /// </summary>
    public static string Cost(decimal pricedCost, long unpricedCalls)
    {
        if (unpricedCalls == 0) return Money(pricedCost);
        if (pricedCost == 0) return PriceUnknown;
        return $"≥ {Money(pricedCost)}, {PriceUnknown} for {Count(unpricedCalls)} call{(unpricedCalls == 1 ? "" : "s")}";
    }

    private static string Count(long tokens) => tokens.ToString("N0", CultureInfo.InvariantCulture);

    // Five decimals show sub-cent costs; the stored values stay exact.
    private static string Money(decimal amount) => "$" + Math.Round(amount, 5, MidpointRounding.AwayFromZero).ToString("0.00000", CultureInfo.InvariantCulture);
}
