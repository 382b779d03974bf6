using Microsoft.Extensions.Hosting;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Rendering.Charts;

namespace OrleansAssistant.Grains.Questions;

/// <summary>
/// Draws one small chart in the background when the silo starts: the first drawing in a process loads fonts
/// and native code for about a second, which would otherwise hold back the first answer with a chart.
/// </summary>
internal sealed class ChartWarmUp : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        QueryResult rows = new(QueryOutcome.Succeeded, null, [new("name", ValueKind.Text), new("total", ValueKind.Decimal)],
            [["a", "1"], ["b", "2"]], false, null, TimeSpan.Zero);
        ChartRenderer.Render(rows, new ChartPlan(ChartKind.Bar, 0, [1]), "warm-up");
    }, stoppingToken);
}
