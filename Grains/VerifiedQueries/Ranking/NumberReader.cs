namespace OrleansAssistant.Grains.VerifiedQueries.Ranking;

/// <summary>
/// Reads a number or a date written with digits: digit groups joined by one of <c>. , / - :</c> (a separator
/// counts only between digits). Dates: a year 1900–2100, three groups joined by the same <c>-</c>, <c>/</c> or
/// <c>.</c> (2024-03-01, 03/01/2024, 01.03.2024), or year and month (2024-03, 03/2024). Anything else is a number.
/// </summary>
internal static class NumberReader
{
    public readonly record struct Reading(int Length, string Canonical, bool IsDate);

    public static Reading Read(string text, int start)
    {
        var i = SkipDigits(text, start);
        var groups = 1;
        var separator = '\0';
        var sameSeparator = true;
        var lastGroupStart = start;
        var groupsOfThree = true;
        var firstGroupLength = i - start;
        var fourDigitGroups = firstGroupLength == 4 ? 1 : 0;
        while (i + 1 < text.Length && text[i] is '.' or ',' or '/' or '-' or ':' && char.IsDigit(text[i + 1]))
        {
            sameSeparator &= separator == '\0' || separator == text[i];
            separator = text[i];
            lastGroupStart = i + 1;
            i = SkipDigits(text, i + 1);
            groups++;
            groupsOfThree &= i - lastGroupStart == 3;
            if (i - lastGroupStart == 4) fourDigitGroups++;
        }
        var written = text[start..i];
        var length = i - start + OrdinalSuffixLength(text, i);
        var dateSeparator = sameSeparator && separator is '-' or '/' or '.';
        var isDate = (groups == 1 && IsYear(written))
                     || (groups == 3 && dateSeparator && fourDigitGroups == 1)
                     || (groups == 2 && separator is '-' or '/' && fourDigitGroups == 1 && firstGroupLength is 1 or 2 or 4);
        if (isDate) return new Reading(length, separator is '/' or '.' ? written.Replace(separator, '-') : written, IsDate: true);
        // 1,000 and 1000 are the same number; 1,5 (a decimal comma) is not 15.
        var canonical = separator == ',' && sameSeparator && groupsOfThree ? written.Replace(",", "", StringComparison.Ordinal) : written;
        return new Reading(length, canonical, IsDate: false);
    }

    public static bool IsYear(string digits) =>
        digits.Length == 4 && int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
        && year is >= 1900 and <= 2100;

    private static int SkipDigits(string text, int i)
    {
        while (i < text.Length && char.IsDigit(text[i])) i++;
        return i;
    }

    // 1st, 2nd, 3rd, 10th: the letters belong to the number.
    private static int OrdinalSuffixLength(string text, int i)
    {
        if (i + 2 > text.Length) return 0;
        var suffix = text.AsSpan(i, 2);
        var isOrdinal = suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
                        || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase);
        return isOrdinal && (i + 2 == text.Length || !char.IsLetter(text[i + 2])) ? 2 : 0;
    }
}
