using Microsoft.Playwright;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

public sealed partial class DashboardBrowserTests
{
    [Fact]
    public async Task Owner_AddDatabaseForm_ShowsTheFormOfEveryProvider_MySqlIncluded()
    {
        var org = await host.NewOrganizationAsync("Forms");
        await using var page = await OpenAsync("owner-database-forms");

        await page.LogInAsync(org.Owner.Username, org.Owner.Password);
        await page.WaitVisibleAsync("#app-view");
        await page.OpenTabAsync("databases");
        await page.WaitVisibleAsync("#database-form");

        var forms = page.Locator("#database-forms");
        await page.StepAsync("MySQL / MariaDB form shown", () => Assertions.Expect(forms).ToContainTextAsync("MySQL / MariaDB: mysql://user:password@host:3306/database"));
        foreach (var example in new[] { "postgresql://user:password@host:5432/database", "sqlite:///sales.db", "Server=host;Database=db;User Id=user" })
        {
            await page.StepAsync($"{example} shown", () => Assertions.Expect(forms).ToContainTextAsync(example));
        }
        var placeholder = await page.Locator("#database-connection").GetAttributeAsync("placeholder");
        Assert.Contains("mysql://", placeholder, StringComparison.Ordinal);
        await page.ScreenshotAsync("owner-database-forms.png");
        page.AssertNoProblems();
    }
}
