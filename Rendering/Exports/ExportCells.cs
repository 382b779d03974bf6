namespace OrleansAssistant.Rendering.Exports;

/// <summary>Cell text that a spreadsheet would otherwise run as a formula.</summary>
internal static class ExportCells
{
    /// <summary>
    /// Text starting with = + - @ or a tab/return is a formula to Excel; a leading apostrophe keeps it text.
    /// Numbers (a leading minus) are left alone: they are data, not formulas.
    /// </summary>
    public static string? Defused(string? cell)
    {
        if (string.IsNullOrEmpty(cell) || !"=+-@\t\r".Contains(cell[0], StringComparison.Ordinal)) return cell;
        if (cell[0] is '-' or '+' && double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)) return cell;
        return "'" + cell;
    }
}
