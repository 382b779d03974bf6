using System.Globalization;
using Microsoft.Playwright;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>Every cost table reads whole, on a desktop and on a phone: no column is cut off by its card.</summary>
public sealed partial class DashboardBrowserTests
{
    /// <summary>Each table of the visible tab whose last column header or last cell lies outside its card (or off the screen), with the boxes.</summary>
    private const string ClippedTablesScript = """
        panel => {
          const visible = element => element && getComputedStyle(element).display !== 'none' && element.getClientRects().length > 0;
          const lastVisible = cells => [...cells].filter(visible).pop();
          const inside = (inner, outer) => inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5;
          const describe = box => `${Math.round(box.left)}..${Math.round(box.right)}`;
          const problems = [];
          const tables = [...document.querySelectorAll(`${panel} table`)].filter(visible);
          for (const table of tables) {
            const name = table.id || table.dataset.costsTable;
            const wrap = table.closest('.table-wrap') ?? table;
            const card = table.closest('.card') ?? wrap;
            // A table stacked on a phone shows each row as labelled lines: its header row is for screen readers, and every cell must fit.
            const stacked = getComputedStyle(table).display === 'block';
            const header = stacked ? null : lastVisible(table.querySelectorAll('thead th'));
            const rows = [...table.querySelectorAll('tbody tr')].filter(visible);
            const cells = rows.length ? [...rows[rows.length - 1].querySelectorAll('td')].filter(visible) : [];
            if ((!stacked && !header) || !cells.length) { problems.push(`${name}: no header or no row`); continue; }
            const checked = stacked
              ? cells.map(cell => ['cell', cell])
              : [['last header', header], ['last cell', cells[cells.length - 1]]];
            const bounds = [wrap.getBoundingClientRect(), card.getBoundingClientRect(), { left: 0, right: document.documentElement.clientWidth }];
            for (const [what, element] of checked) {
              const box = element.getBoundingClientRect();
              const outside = bounds.find(bound => !inside(box, bound));
              if (outside) problems.push(`${name}: ${what} "${element.textContent.trim()}" at ${describe(box)} outside ${describe(outside)}`);
            }
          }
          return [String(tables.length), ...problems];
        }
        """;

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(375, 812)]
    public async Task Owner_CostsTab_EveryTableShowsItsLastColumnInsideItsCard(int width, int height)
    {
        var org = await host.NewOrganizationAsync($"Cost tables {width}");
        await SeedLedgerAsync(org, org.OwnerId, org.MemberId);
        await using var page = await OpenAsync($"owner-costs-{width}", width, height);

        await page.LogInAsync(org.Owner.Username, org.Owner.Password);
        await page.WaitVisibleAsync("#app-view");
        await page.OpenTabAsync("costs");
        foreach (var view in new[] { "by-model", "by-stage", "per-user" }) await page.WaitVisibleAsync($"[data-costs-table=\"{view}\"] tbody tr:not(.note-row)");
        foreach (var chart in new[] { "chart-by-model", "chart-by-stage", "chart-by-user" }) await page.WaitVisibleAsync($"#{chart}[data-rendered=\"true\"]");
        var screenshot = await page.ScreenshotAsync($"owner-costs-{width}x{height}.png");

        AssertNoneClipped(await page.Page.EvaluateAsync<string[]>(ClippedTablesScript, "#tab-costs"), expectedTables: 4, screenshot);
        page.AssertNoProblems();
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(375, 812)]
    public async Task Member_MyUsage_EveryCostTableShowsItsLastColumnInsideItsCard(int width, int height)
    {
        var org = await host.NewOrganizationAsync($"Usage tables {width}");
        await SeedLedgerAsync(org, org.MemberId);
        var database = await host.AddSqliteDatabaseAsync(org.OwnerId);
        await host.RecordAsync(org.MemberId, org.OrgId, database.DatabaseId, "Which customers ordered most last quarter?", "SELECT id, name FROM customers");
        await using var page = await OpenAsync($"member-usage-{width}", width, height);

        await page.LogInAsync(org.Member.Username, org.Member.Password);
        await page.WaitVisibleAsync("#app-view");
        await page.OpenTabAsync("usage");
        foreach (var table in new[] { "#usage-table", "#usage-by-model", "#usage-by-stage" }) await page.WaitVisibleAsync($"{table} tbody tr:not(.note-row)");
        var screenshot = await page.ScreenshotAsync($"member-usage-{width}x{height}.png");

        AssertNoneClipped(await page.Page.EvaluateAsync<string[]>(ClippedTablesScript, "#tab-usage"), expectedTables: 3, screenshot);
        page.AssertNoProblems();
    }

    private static void AssertNoneClipped(string[] measured, int expectedTables, string screenshot)
    {
        Assert.True(measured.Length == 1, $"cut off (see {screenshot}):\n{string.Join('\n', measured.Skip(1))}");
        Assert.Equal(expectedTables.ToString(CultureInfo.InvariantCulture), measured[0]);
    }
}
