using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Rendering.Charts;
using SkiaSharp;

namespace OrleansAssistant.Grains.Tests.Rendering;

/// <summary>Which chart a result's shape gets, and that the PNG is a real, readable picture of it.</summary>
public sealed class ChartRenderingTests
{
    [Fact]
    public void DateColumnWithTwoNumbers_IsALine_WithOneSeriesEach()
    {
        var plan = ChartChoice.Decide(ResultRows.SalesByMonth(24, series: 2), "Revenue by month");

        Assert.Equal((ChartKind.Line, 0), (plan.Kind, plan.LabelColumn));
        Assert.Equal([1, 2], plan.ValueColumns);
    }

    [Fact]
    public void DatesKeptAsTextBySqlite_AreStillALine()
    {
        var rows = ResultRows.Of([new("day", ValueKind.Text), new("orders", ValueKind.Integer)],
            [["2024-01-01", "5"], ["2024-01-02", "7"], ["2024-01-03", null], ["2024-01-04", "3"]]);

        Assert.Equal(ChartKind.Line, ChartChoice.Decide(rows, "Orders per day").Kind);
    }

    [Fact]
    public void DatesWithFourNumbers_GetNoChart()
    {
        Assert.Equal(ChartKind.None, ChartChoice.Decide(ResultRows.SalesByMonth(10, series: 4), "Everything by month").Kind);
    }

    [Fact]
    public void TextCategoriesWithOneNumber_AreBars()
    {
        var plan = ChartChoice.Decide(ResultRows.Categories(6), "Revenue per region");

        Assert.Equal((ChartKind.Bar, 0), (plan.Kind, plan.LabelColumn));
        Assert.Equal([1], plan.ValueColumns);
    }

    [Theory]
    [InlineData("What share of revenue does each region bring?")]
    [InlineData("Revenue percentage by region")]
    [InlineData("Show a pie of revenue by region")]
    public void QuestionAskingForShares_IsAPie(string question)
    {
        Assert.Equal(ChartKind.Pie, ChartChoice.Decide(ResultRows.Categories(5), question).Kind);
    }

    [Fact]
    public void ModelHint_BreaksTheTieBetweenBarAndPie_ButNeverOverridesTheShape()
    {
        Assert.Equal(ChartKind.Pie, ChartChoice.Decide(ResultRows.Categories(5), "Revenue per region", ChartKind.Pie).Kind);
        Assert.Equal(ChartKind.Bar, ChartChoice.Decide(ResultRows.Categories(5), "Share of revenue per region", ChartKind.Bar).Kind);
        Assert.Equal(ChartKind.Bar, ChartChoice.Decide(ResultRows.Categories(5), "Revenue per region", ChartKind.Line).Kind);
        Assert.Equal(ChartKind.None, ChartChoice.Decide(ResultRows.Categories(1), "Revenue per region", ChartKind.Pie).Kind);
    }

    [Fact]
    public void NegativeParts_AreBarsEvenWhenSharesAreAsked()
    {
        var rows = ResultRows.RevenueByRegion(("North", "120.50"), ("South", "-40.00"), ("East", "80.00"));

        Assert.Equal(ChartKind.Bar, ChartChoice.Decide(rows, "Share of profit per region").Kind);
    }

    [Fact]
    public void OneRow_OnlyText_OrTooManyCategories_GetNoChart()
    {
        Assert.Equal(ChartKind.None, ChartChoice.Decide(ResultRows.Categories(1), "Revenue of region 1").Kind);
        Assert.Equal(ChartKind.None, ChartChoice.Decide(ResultRows.Categories(26), "Revenue per region").Kind);
        var onlyText = ResultRows.Of([new("name", ValueKind.Text), new("city", ValueKind.Text)], [["Ann", "Oslo"], ["Bo", "Rome"]]);
        Assert.Equal(ChartKind.None, ChartChoice.Decide(onlyText, "Who lives where?").Kind);
    }

    [Fact]
    public void MixedTypesInOneColumn_ChartTheNumbers_AndSkipTheRest()
    {
        var rows = ResultRows.Of([new("region", ValueKind.Text), new("revenue", ValueKind.Text)],
            [["North", "100"], ["South", "250.5"], ["East", "n/a"], ["West", "75"], ["Centre", "300"], ["Islands", "20"]]);

        var plan = ChartChoice.Decide(rows, "Revenue per region");
        var chart = ChartRenderer.Render(rows, plan, "Revenue per region");

        Assert.Equal(ChartKind.Bar, plan.Kind);
        AssertReadablePicture(chart.Png);
    }

    [Fact]
    public void Line_RendersAReadable1280x720Png_Under300KB()
    {
        var rows = ResultRows.SalesByMonth(100, series: 3);

        var chart = ChartRenderer.Render(rows, ChartChoice.Decide(rows, "Revenue by day"), "Revenue by day");

        AssertReadablePicture(chart.Png);
        Assert.Null(chart.Note);
    }

    [Fact]
    public void Line_OfTenThousandPoints_IsThinned_AndTheCaptionNoteSaysSo()
    {
        var rows = ResultRows.SalesByMonth(10_000);

        var chart = ChartRenderer.Render(rows, ChartChoice.Decide(rows, "Revenue by day"), "Revenue by day");

        AssertReadablePicture(chart.Png);
        Assert.Equal("The chart shows every 9th of 10,000 points.", chart.Note);
    }

    [Fact]
    public void Bars_WithNullsNegativesAndLongNames_Render()
    {
        var rows = ResultRows.RevenueByRegion(("North", "1234567.89"), (null, "12.00"), ("South", "-500.25"),
            ("A region with a very long name that goes on and on", "800.00"), ("East", null));

        var chart = ChartRenderer.Render(rows, ChartChoice.Decide(rows, "Revenue per region"), "Revenue per region");

        AssertReadablePicture(chart.Png);
    }

    [Fact]
    public void Pie_OfTwelveParts_ShowsEightSlicesWithOther_AndSaysSo()
    {
        var rows = ResultRows.Categories(12);

        var chart = ChartRenderer.Render(rows, ChartChoice.Decide(rows, "Share of revenue per region"), "Share of revenue per region");

        Assert.Equal(ChartKind.Pie, chart.Kind);
        AssertReadablePicture(chart.Png);
        Assert.Equal("The 5 smallest parts are shown together as \"Other\".", chart.Note);
    }

    [Theory]
    [InlineData("東京", "大阪", "名古屋")]
    [InlineData("Москва", "Казань", "Новосибирск")]
    [InlineData("🍎", "🍌", "🍇")]
    [InlineData("Zürich", "東京 Tokyo", "Москва")]
    public void NonLatinCategories_AreDrawnInAnInstalledFontThatHasTheirGlyphs(string first, string second, string third)
    {
        var rows = ResultRows.RevenueByRegion((first, "300"), (second, "200"), (third, "100"));

        var chart = ChartRenderer.Render(rows, ChartChoice.Decide(rows, "Revenue per city"), "Revenue per city");
        var font = ChartRenderer.FontFor(first + second + third);

        AssertReadablePicture(chart.Png);
        // The labels' font is really installed (not a silent substitute) and has a glyph for every character,
        // so the picture shows letters, not the "missing glyph" box.
        using var typeface = SKTypeface.FromFamilyName(font);
        Assert.Equal(font, typeface.FamilyName);
        Assert.True(typeface.ContainsGlyphs(first + second + third), $"{font} lacks glyphs of {first}{second}{third}");
    }

    private static void AssertReadablePicture(byte[] png)
    {
        Assert.InRange(png.Length, 1, 300 * 1024);
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal((1280, 720), (bitmap.Width, bitmap.Height));
        var colours = new HashSet<uint>();
        for (var y = 0; y < bitmap.Height && colours.Count <= 2; y += 7)
        {
            for (var x = 0; x < bitmap.Width && colours.Count <= 2; x += 7) colours.Add((uint)bitmap.GetPixel(x, y));
        }
        Assert.True(colours.Count > 2, "The chart is blank.");
    }
}
