namespace OrleansAssistant.Benchmarks.Reporting;

/// <summary>Plain text columns: the first left-aligned (a label), the rest right-aligned (figures).</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [headers];

    public void Add(params string[] cells) => _rows.Add(cells);

    public void WriteTo(TextWriter writer)
    {
        var widths = headers.Select((_, column) => _rows.Max(row => row[column].Length)).ToArray();
        foreach (var row in _rows)
        {
            var cells = row.Select((cell, column) => column == 0 ? cell.PadRight(widths[column]) : cell.PadLeft(widths[column]));
            writer.WriteLine("  " + string.Join("  ", cells).TrimEnd());
        }
    }
}
