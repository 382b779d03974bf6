using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>The Settings tab in the browser, and the budget on the Overview card and the Costs chart.</summary>
public sealed partial class DashboardBrowserTests
{
    [Fact]
    public async Task Owner_SetsBudgets_AndAModel_InSettings_AndSeesWhyMinusFiveIsRefused()
    {
        var org = await host.NewOrganizationAsync("Settings");
        await using var page = await OpenAsync("owner-settings");

        await page.LogInAsync(org.Owner.Username, org.Owner.Password);
        await page.WaitVisibleAsync("#app-view");
        await page.StepAsync("the overview says there is no budget", () => Assertions.Expect(page.Locator("#overview-budget-none")).ToContainTextAsync("No budget set"));
        await page.StepAsync("follow its link to Settings", () => page.Locator("#overview-budget-link").ClickAsync());
        await page.WaitVisibleAsync("#tab-settings");
        await page.WaitVisibleAsync(MemberBudgetRow(org.MemberId));

        await page.Locator("#budget-usd").FillAsync("-5");
        await page.StepAsync("save -5", () => page.Locator("#budget-save").ClickAsync());
        await page.StepAsync("the refusal is next to the field", () => Assertions.Expect(page.Locator("#budget-usd-error")).ToContainTextAsync("above 0"));
        Assert.Equal("true", await page.Locator("#budget-usd").GetAttributeAsync("aria-invalid"));
        await page.ScreenshotAsync("owner-settings-refused.png");

        await page.Locator("#budget-usd").FillAsync("50");
        await page.StepAsync("save 50", () => page.Locator("#budget-save").ClickAsync());
        await page.StepAsync("saved", () => Assertions.Expect(page.Locator("#settings-message")).ToContainTextAsync("saved"));
        await page.StepAsync("the error is gone", () => Assertions.Expect(page.Locator("#budget-usd-error")).ToBeEmptyAsync());

        await page.StepAsync("reload", () => page.Page.ReloadAsync());
        await page.WaitVisibleAsync("#tab-settings");
        await page.StepAsync("the budget is still 50", () => Assertions.Expect(page.Locator("#budget-usd")).ToHaveValueAsync("50"));

        var row = page.Locator(MemberBudgetRow(org.MemberId));
        await row.Locator("input").FillAsync("10");
        await page.StepAsync("save Max's budget", () => row.Locator("button.save").ClickAsync());
        await page.StepAsync("Max's budget saved", () => Assertions.Expect(page.Locator("#settings-message")).ToContainTextAsync("Max's budget is saved"));

        var model = await page.Locator("#model-summary option").Nth(1).GetAttributeAsync("value");
        Assert.Contains("per M tokens", await page.Locator("#model-summary option").Nth(1).InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#model-summary").SelectOptionAsync(model!);
        await page.StepAsync("save the models", () => page.Locator("#models-save").ClickAsync());
        await page.StepAsync("models saved", () => Assertions.Expect(page.Locator("#settings-message")).ToContainTextAsync("models are saved"));
        await page.ScreenshotAsync("owner-settings.png");

        var settings = (await (await host.LoginAsync(org.Owner.Username, org.Owner.Password)).GetAnswerAsync("/dashboard/settings")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(50m, settings.GetProperty("monthlyUsd").GetDecimal());
        Assert.Equal(10m, settings.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("userId").GetInt64() == org.MemberId).GetProperty("monthlyUsd").GetDecimal());
        Assert.Equal(model, settings.GetProperty("chosen").GetProperty("summary").GetString());
        page.AssertNoProblems(expectedStatuses: 400);
    }

    [Fact]
    public async Task Owner_SeesTheBudgetBarOnOverview_AndTheBudgetLineOnTheMonthsChart()
    {
        var org = await host.NewOrganizationAsync("BudgetLine");
        var database = await host.AddSqliteDatabaseAsync(org.OwnerId);
        var asked = host.Clock.GetUtcNow().AddMinutes(-2);
        await host.RecordAsync(org.MemberId, org.OrgId, database.DatabaseId, "Who?", ScheduleSeed.Sql, startedAt: asked, stages: [ScheduleSeed.Stage(asked, 1.70m)]);
        var owner = await host.LoginAsync(org.Owner.Username, org.Owner.Password);
        (await owner.SendAsync(HttpMethod.Put, "/dashboard/settings/budget", new { monthlyUsd = 2 })).Expect(HttpStatusCode.OK);
        await using var page = await OpenAsync("owner-budget");

        await page.LogInAsync(org.Owner.Username, org.Owner.Password);
        await page.WaitVisibleAsync("#app-view");
        await page.StepAsync("the card says spent of budget", () => Assertions.Expect(page.Locator("#overview-budget-text")).ToHaveTextAsync("$1.70 of $2.00"));
        await page.StepAsync("the bar is amber past 80 %", () => Assertions.Expect(page.Locator("#overview-budget-bar")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bwarn\b")));
        Assert.Equal(0.85, await page.Locator("#overview-budget-bar").EvaluateAsync<double>("bar => bar.value"), 3);
        await page.StepAsync("resets in days", () => Assertions.Expect(page.Locator("#overview-budget-reset")).ToContainTextAsync("resets in"));
        await page.ScreenshotAsync("owner-overview-budget.png");

        await page.OpenTabAsync("costs");
        await page.WaitVisibleAsync("#chart-month[data-rendered=\"true\"]");
        var datasets = await page.Page.EvaluateAsync<JsonElement>(
            "() => Chart.getChart('chart-month').data.datasets.map(d => ({ label: d.label, data: d.data.map(Number), dash: d.borderDash ?? [] }))");
        var spent = datasets.EnumerateArray().Single(d => d.GetProperty("label").GetString() == "Spent so far");
        var budget = datasets.EnumerateArray().Single(d => d.GetProperty("label").GetString() == "Budget");
        Assert.Equal(1.70, spent.GetProperty("data").EnumerateArray().Last().GetDouble(), 6);
        Assert.All(budget.GetProperty("data").EnumerateArray(), value => Assert.Equal(2.0, value.GetDouble()));
        Assert.Equal(DateTime.DaysInMonth(host.Clock.GetUtcNow().Year, host.Clock.GetUtcNow().Month), budget.GetProperty("data").GetArrayLength());
        Assert.NotEqual(0, budget.GetProperty("dash").GetArrayLength());
        await AssertPaintedAsync(page, "chart-month");
        await page.ScreenshotAsync("owner-costs-month.png");
        page.AssertNoProblems();
    }

    [Fact]
    public async Task Member_SeesNoSettingsTab_AndNoBudgetCard()
    {
        var org = await host.NewOrganizationAsync("NoSettings");
        await using var page = await OpenAsync("member-no-settings");

        await page.LogInAsync(org.Member.Username, org.Member.Password);
        await page.WaitVisibleAsync("#app-view");
        await page.WaitVisibleAsync("#overview-org-name");

        Assert.Equal(0, await page.Locator("button[data-tab=\"settings\"]").CountAsync());
        Assert.Equal(0, await page.Locator("#overview-budget-text").CountAsync());
        page.AssertNoProblems();
    }

    private static string MemberBudgetRow(long userId) => $"#member-budgets-table tr[data-user-id=\"{userId.ToString(CultureInfo.InvariantCulture)}\"]";
}
