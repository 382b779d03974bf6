using System.Net;
using Microsoft.Playwright;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>The Questions tab in the browser: an owner turns a disliked answer into a verified example.</summary>
public sealed partial class DashboardBrowserTests
{
    [Fact]
    public async Task Owner_VerifiesFromTheList_EditedSqlRunsAndLandsInTheLibrary()
    {
        var org = await host.NewOrganizationAsync("Curator");
        var database = await host.AddSqliteDatabaseAsync(org.OwnerId, "Shop");
        var at = host.Clock.GetUtcNow().AddMinutes(-10);
        var disliked = await host.RecordAsync(org.MemberId, org.OrgId, database.DatabaseId, "Who are our customers?",
            "SELECT name FROM customers WHERE id = 2", startedAt: at, rows: 0);
        await host.RecordFeedbackAsync(disliked, org.MemberId, FeedbackVerdict.NotHelpful, "Ada is missing");
        var liked = await host.RecordAsync(org.MemberId, org.OrgId, database.DatabaseId, "How many customers?", "SELECT count(*) FROM customers", startedAt: at.AddMinutes(1));
        await host.RecordFeedbackAsync(liked, org.MemberId, FeedbackVerdict.Helpful);
        await using var page = await OpenAsync("owner-questions");

        await page.LogInAsync(org.Owner.Username, org.Owner.Password);
        await page.WaitVisibleAsync("#app-view");
        await page.OpenTabAsync("questions");
        await page.WaitVisibleAsync(QuestionRow(liked));
        await page.StepAsync("filter 👎 only", () => page.Locator("#questions-down").CheckAsync());
        await page.WaitDetachedAsync(QuestionRow(liked));
        var row = page.Locator(QuestionRow(disliked));
        await page.StepAsync("the disliked row reads well", () => Assertions.Expect(row).ToContainTextAsync("Ada is missing"));
        Assert.Contains("Max", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Shop", await row.InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("owner-questions-disliked.png");

        await page.StepAsync("open the question", () => row.Locator("button.open").ClickAsync());
        await page.WaitVisibleAsync("#question-panel");
        await page.StepAsync("its SQL is in the editor", () => Assertions.Expect(page.Locator("#question-sql")).ToHaveValueAsync("SELECT name FROM customers WHERE id = 2"));
        await page.StepAsync("edit the SQL", () => page.Locator("#question-sql").FillAsync("SELECT id, name FROM customers"));
        await page.StepAsync("run it", () => page.Locator("#question-run").ClickAsync());
        await page.StepAsync("rows appear", () => Assertions.Expect(page.Locator("#question-rows-table tbody")).ToContainTextAsync("Ada"));
        await page.StepAsync("verify it", () => page.Locator("#question-verify").ClickAsync());
        await page.StepAsync("saved", () => Assertions.Expect(page.Locator("#question-message")).ToContainTextAsync("Saved as a verified example"));

        var example = page.Page.Locator("#library-table tbody tr[data-example-id]", new() { HasText = "Who are our customers?" });
        await page.StepAsync("the example is in the library", () => Assertions.Expect(example).ToContainTextAsync("SELECT id, name FROM customers"));
        await page.StepAsync("the question is marked verified", () => Assertions.Expect(row).ToContainTextAsync("verified"));
        await page.ScreenshotAsync("owner-questions-verified.png");
        await AssertFitsItsTableAsync(page, "#library-table tbody tr[data-example-id] button.remove");
        await AssertFitsItsTableAsync(page, $"{QuestionRow(disliked)} button.open");

        // Opened again, the question shows as its example: the SQL as verified, to save or remove.
        await page.StepAsync("close the editor", () => page.Locator("#question-close").ClickAsync());
        await page.WaitHiddenAsync("#question-panel");
        await page.StepAsync("open the question again", () => row.Locator("button.open").ClickAsync());
        await page.StepAsync("the verified SQL is shown", () => Assertions.Expect(page.Locator("#question-sql")).ToHaveValueAsync("SELECT id, name FROM customers"));
        await page.WaitVisibleAsync("#question-save");
        await page.WaitHiddenAsync("#question-verify");

        var owner = await host.LoginAsync(org.Owner.Username, org.Owner.Password);
        var library = (await owner.GetAnswerAsync($"/dashboard/databases/{database.DatabaseId}/library")).Expect(HttpStatusCode.OK).Json;
        var saved = library.GetProperty("examples").EnumerateArray().Single();
        Assert.Equal(("Who are our customers?", "SELECT id, name FROM customers", disliked),
            (saved.GetProperty("question").GetString(), saved.GetProperty("sql").GetString(), saved.GetProperty("sourceConversationId").GetString()));
        page.AssertNoProblems();
    }

    [Fact]
    public async Task Member_DoesNotSeeTheQuestionsTab()
    {
        var org = await host.NewOrganizationAsync("NoQuestions");
        await using var page = await OpenAsync("member-no-questions");

        await page.LogInAsync(org.Member.Username, org.Member.Password);
        await page.WaitVisibleAsync("#app-view");

        Assert.Equal(0, await page.Locator("button[data-tab=\"questions\"]").CountAsync());
        page.AssertNoProblems();
    }

    /// <summary>At 1280 px a row's last button shows without scrolling its table sideways.</summary>
    private static async Task AssertFitsItsTableAsync(BrowserPage page, string selector)
    {
        var button = await page.Locator(selector).First.BoundingBoxAsync();
        var table = await page.Page.Locator(selector).First.Locator("xpath=ancestor::div[contains(@class,'table-wrap')]").BoundingBoxAsync();
        Assert.True(button is not null && table is not null && button.X + button.Width <= table.X + table.Width,
            $"{selector} ends at {button?.X + button?.Width} px, beyond its table's {table?.X + table?.Width} px");
    }

    private static string QuestionRow(string conversationId) => $"#questions-table tr[data-conversation-id=\"{conversationId}\"]";
}
