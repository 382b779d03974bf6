namespace OrleansAssistant.CustomerDatabases.Demo;

/// <summary>Shop-style prices ending in .99: $1,566.88 becomes $1,569.99 and $28.40 becomes $27.99.</summary>
internal static class RetailPrice
{
    public static long ToCents(double dollars)
    {
        var step = dollars >= 100 ? 10 : 1;
        var roundedDollars = Math.Max(step, Math.Round(dollars / step) * step);
        return (long)roundedDollars * 100 - 1;
    }
}
