using System.Globalization;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Questions;
using ScottPlot;

namespace OrleansAssistant.Rendering.Charts;

/// <summary>
/// Draws a <see cref="ChartPlan"/> as a 1280×720 PNG with ScottPlot (SkiaSharp): no browser, no service.
/// Fonts are chosen per label from the installed ones, so Cyrillic, CJK and emoji show as glyphs.
/// </summary>
public static class ChartRenderer
{
    public const int Width = 1280;
    public const int Height = 720;

    /// <summary>More points than the plot area has pixels only blur the line; the rest are thinned out.</summary>
    public const int MaxLinePoints = 1200;

    public const int MaxPieSlices = 8;

    /// <summary>End of Latin Extended-B: every sans font has these letters.</summary>
    private const char LatinEnd = '\u0250';

    public static AnswerChart Render(QueryResult result, ChartPlan plan, string question) => Render(result, plan, question, fixedFont: null);

    /// <param name="fixedFont">One font for every label instead of a matching one per label (to see what a missing glyph looks like).</param>
    internal static AnswerChart Render(QueryResult result, ChartPlan plan, string question, string? fixedFont)
    {
        var plot = new Plot();
        var title = ChartLabels.Title(question);
        plot.Title(title);
        var note = plan.Kind switch
        {
            ChartKind.Line => DrawLine(plot, result, plan),
            ChartKind.Bar => DrawBars(plot, result, plan),
            ChartKind.Pie => DrawPie(plot, result, plan),
            _ => throw new ArgumentException("No chart was planned for these rows.", nameof(plan)),
        };
        // One font for all labels that has the characters of all of them (Cyrillic, CJK), found among the installed ones.
        SetFonts(plot, result, plan, title, fixedFont);
        return new AnswerChart(plan.Kind, plot.GetImageBytes(Width, Height, ImageFormat.Png), note);
    }

    private static string? DrawLine(Plot plot, QueryResult result, ChartPlan plan)
    {
        var points = result.Rows
            .Select(row => (Row: row, Ok: CellValues.TryDate(row[plan.LabelColumn], out var at), At: at))
            .Where(point => point.Ok)
            .OrderBy(point => point.At)
            .ToList();
        var step = (int)Math.Ceiling(points.Count / (double)MaxLinePoints);
        var shown = step <= 1 ? points : [.. points.Where((_, index) => index % step == 0)];
        foreach (var column in plan.ValueColumns)
        {
            var series = shown.Select(point => (point.At, Ok: CellValues.TryNumber(point.Row[column], out var value), Value: value)).Where(p => p.Ok).ToArray();
            var line = plot.Add.Scatter(series.Select(p => p.At.ToOADate()).ToArray(), series.Select(p => p.Value).ToArray());
            if (plan.ValueColumns.Count > 1) line.LegendText = ChartLabels.AxisName(result.Columns[column].Name);
            line.MarkerSize = series.Length <= 60 ? 5 : 0;
            line.LineWidth = 2;
        }
        // Dates read as dates in every locale: ISO order, without a time when every point is at midnight.
        var withTime = shown.Any(point => point.At.TimeOfDay != TimeSpan.Zero);
        if (plot.Axes.DateTimeTicksBottom().TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic ticks)
        {
            ticks.LabelFormatter = at => at.ToString(withTime ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        plot.XLabel(ChartLabels.AxisName(result.Columns[plan.LabelColumn].Name));
        var first = result.Columns[plan.ValueColumns[0]];
        if (plan.ValueColumns.Count == 1) plot.YLabel(ChartLabels.AxisName(first.Name));
        else plot.ShowLegend(Alignment.UpperLeft);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = ChartLabels.NumberFormat(first) };
        return step <= 1 ? null : string.Create(CultureInfo.InvariantCulture, $"The chart shows every {step}th of {points.Count:#,0} points.");
    }

    private static string? DrawBars(Plot plot, QueryResult result, ChartPlan plan)
    {
        var valueColumn = result.Columns[plan.ValueColumns[0]];
        // Largest at the top: ScottPlot counts positions upwards, so the smallest gets position 0.
        var bars = Categories(result, plan).OrderBy(bar => bar.Value).ToList();
        var plottable = plot.Add.Bars(bars.Select(bar => bar.Value).ToArray());
        plottable.Horizontal = true;
        var format = ChartLabels.NumberFormat(valueColumn);
        foreach (var bar in plottable.Bars) bar.Label = format(bar.Value);
        plottable.ValueLabelStyle.FontSize = 14;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, bars.Count).Select(index => (double)index)],
            [.. bars.Select(bar => ChartLabels.Shorten(bar.Label, ChartLabels.MaxCategoryLength))]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = format };
        plot.XLabel(ChartLabels.AxisName(valueColumn.Name));
        plot.YLabel(ChartLabels.AxisName(result.Columns[plan.LabelColumn].Name));
        plot.Axes.Margins(left: 0, right: 0.12, bottom: 0.02, top: 0.02);
        return null;
    }

    private static string? DrawPie(Plot plot, QueryResult result, ChartPlan plan)
    {
        var parts = Categories(result, plan).OrderByDescending(part => part.Value).ToList();
        string? note = null;
        if (parts.Count > MaxPieSlices)
        {
            var rest = parts.Skip(MaxPieSlices - 1).ToList();
            parts = [.. parts.Take(MaxPieSlices - 1), new Category("Other", rest.Sum(part => part.Value))];
            note = string.Create(CultureInfo.InvariantCulture, $"The {rest.Count} smallest parts are shown together as \"Other\".");
        }
        var total = parts.Sum(part => part.Value);
        var palette = new ScottPlot.Palettes.Category10();
        var slices = parts.Select((part, index) => new PieSlice
        {
            Value = part.Value,
            FillColor = palette.GetColor(index),
            Label = total > 0 ? string.Create(CultureInfo.InvariantCulture, $"{part.Value / total:P1}") : "",
            LegendText = ChartLabels.Shorten(part.Label, ChartLabels.MaxCategoryLength),
        }).ToList();
        var pie = plot.Add.Pie(slices);
        pie.SliceLabelDistance = 1.25;
        plot.Axes.Frameless();
        plot.HideGrid();
        plot.ShowLegend(Alignment.UpperRight);
        return note;
    }

    /// <summary>
    /// An installed font that has the characters of <paramref name="text"/> (Cyrillic, CJK, emoji), else the sans default.
    /// Each part of the chart gets its own, so a CJK category axis does not force its font on a Latin title.
    /// </summary>
    internal static string FontFor(string text)
    {
        // Latin text (most labels, all numbers) needs no search through the installed fonts.
        if (text.All(character => character < LatinEnd)) return Fonts.Sans;
        var detected = Fonts.Detect(text);
        return detected == Fonts.Default ? Fonts.Sans : detected;
    }

    private static void SetFonts(Plot plot, QueryResult result, ChartPlan plan, string title, string? fixedFont)
    {
        string Font(string text) => fixedFont ?? FontFor(text);
        var categories = plan.Kind == ChartKind.Line
            ? string.Concat(plan.ValueColumns.Select(column => result.Columns[column].Name))
            : string.Concat(result.Rows.Select(row => row[plan.LabelColumn] ?? ""));
        var columnNames = string.Concat(result.Columns.Select(column => column.Name));
        plot.Axes.Title.Label.FontName = Font(title);
        plot.Axes.Left.Label.FontName = Font(columnNames);
        plot.Axes.Bottom.Label.FontName = Font(columnNames);
        plot.Axes.Left.TickLabelStyle.FontName = Font(plan.Kind == ChartKind.Bar ? categories : "0123456789");
        plot.Axes.Bottom.TickLabelStyle.FontName = Font("0123456789");
        plot.Legend.FontName = Font(categories);
    }

    /// <summary>Category totals: repeated names add up, NULL names read "(none)", cells that are not numbers are skipped.</summary>
    private static List<Category> Categories(QueryResult result, ChartPlan plan)
    {
        var column = plan.ValueColumns[0];
        return [.. result.Rows
            .Select(row => (Label: row[plan.LabelColumn] ?? "(none)", Ok: CellValues.TryNumber(row[column], out var value), Value: value))
            .Where(row => row.Ok)
            .GroupBy(row => row.Label, StringComparer.Ordinal)
            .Select(group => new Category(group.Key, group.Sum(row => row.Value)))];
    }

    private sealed record Category(string Label, double Value);
}
