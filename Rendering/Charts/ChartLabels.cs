using System.Globalization;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Rendering.Charts;

/// <summary>How numbers, categories and titles read on a chart.</summary>
internal static class ChartLabels
{
    public const int MaxCategoryLength = 24;
    public const int MaxTitleLength = 80;

    private static readonly string[] MoneyWords = ["price", "total", "revenue", "amount", "cost", "spent", "sales", "income", "paid", "usd", "eur"];

    /// <summary>Thousands separators; money-like decimal columns with two decimals, other values with as few as they need.</summary>
    public static Func<double, string> NumberFormat(ResultColumn column)
    {
        var money = column.Kind is ValueKind.Decimal or ValueKind.Float
                    && MoneyWords.Any(word => column.Name.Contains(word, StringComparison.OrdinalIgnoreCase));
        return money
            ? value => value.ToString("#,0.00", CultureInfo.InvariantCulture)
            : value => value.ToString("#,0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>Shortens with "…" (whole characters, never half a surrogate pair or emoji).</summary>
    public static string Shorten(string text, int maxLength)
    {
        var elements = StringInfo.ParseCombiningCharacters(text);
        if (elements.Length <= maxLength) return text;
        return text[..elements[maxLength - 1]].TrimEnd() + "…";
    }

    public static string Title(string question) => Shorten(string.Join(' ', question.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), MaxTitleLength);

    /// <summary>"unit_price" reads as "unit price" on an axis.</summary>
    public static string AxisName(string column) => column.Replace('_', ' ');
}
