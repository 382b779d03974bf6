using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces;
using OrleansAssistant.Grains.Interfaces.Organizations;
using Xunit.Abstractions;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>
/// The dashboard in a real Chromium against the real silo over HTTP: what owners and members see and do,
/// on a desktop and on a phone. Screenshots go to <see cref="BrowserArtifacts.ScreenshotFolder"/>.
/// </summary>
public sealed partial class DashboardBrowserTests(DashboardHost host, BrowserFixture browser, ITestOutputHelper output)
    : IClassFixture<DashboardHost>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Owner_SeesMembers_CreatesInvitation_ReadsCosts_AndLogsOut()
    {
        var org = await host.NewOrganizationAsync("Browser");
        await SeedLedgerAsync(org, org.OwnerId, org.MemberId);
        await using var page = await OpenAsync("owner");

        await page.LogInAsync(org.Owner.Username, org.Owner.Password);
        await page.WaitVisibleAsync("#app-view");
        await page.StepAsync("organization name shown", () => Assertions.Expect(page.Locator("#org-name")).ToHaveTextAsync(org.Name));

        await page.OpenTabAsync("members");
        await page.WaitVisibleAsync(MemberRow(org.OwnerId));
        await page.WaitVisibleAsync(MemberRow(org.MemberId));
        await page.ScreenshotAsync("owner-members.png");

        var code = await CreateInvitationAsync(page, org);
        await page.ScreenshotAsync("owner-invitation-created.png");
        await AssertActiveInvitationAsync(org, code);

        await page.OpenTabAsync("costs");
        await page.WaitVisibleAsync("#chart-input-output[data-rendered=\"true\"]");
        await AssertPieShowsTheApiSplitAsync(page, org);
        await AssertPaintedAsync(page, "chart-input-output");
        await AssertCsvButtonDownloadsTheApiFileAsync(page, org, "by-model");
        foreach (var chart in new[] { "chart-by-model", "chart-by-stage", "chart-by-user" }) await page.WaitVisibleAsync($"#{chart}[data-rendered=\"true\"]");
        await page.ScreenshotAsync("owner-costs.png");

        var token = await TokenAsync(page);
        await page.StepAsync("log out", () => page.Locator("#logout").ClickAsync());
        await page.WaitVisibleAsync("#login-view");
        await page.WaitHiddenAsync("#app-view");
        (await host.ClientWithToken(token).GetAnswerAsync("/dashboard/me")).Expect(HttpStatusCode.Unauthorized);
        page.AssertNoProblems();
    }

    [Fact]
    public async Task Owner_CostsOfACallWithoutPrice_ReadPriceUnknown_AndReasoningHasItsColumn()
    {
        var org = await host.NewOrganizationAsync("Unpriced");
        var at = host.Clock.GetUtcNow().AddMinutes(-5);
        await host.Services.GetRequiredService<ConversationLedger>().RecordAsync(
            new ConversationRecord(Guid.NewGuid().ToString("N"), org.OwnerId, org.OwnerId, org.OrgId, null, "Why?", "Conversation", "Answered", "Because.",
                                   null, at, at, 900),
            [new StageRecord(1, 1, "summary", "no-price-model", 400, 30, 0m, 0m, at, 500, true, ReasoningTokens: 70, PriceKnown: false)],
            null, CancellationToken.None);
        await using var page = await OpenAsync("owner-unpriced");

        await page.LogInAsync(org.Owner.Username, org.Owner.Password);
        await page.WaitVisibleAsync("#app-view");
        await page.OpenTabAsync("costs");
        var modelRow = page.Page.Locator("[data-costs-table=\"by-model\"] tbody tr", new() { HasText = "no-price-model" });
        await page.StepAsync("by-model row", () => Assertions.Expect(modelRow).ToContainTextAsync("price unknown"));

        await page.StepAsync("total card", () => Assertions.Expect(page.Locator("#cost-total")).ToHaveTextAsync("price unknown"));
        await page.StepAsync("reasoning card", () => Assertions.Expect(page.Locator("#cost-reasoning-tokens")).ToHaveTextAsync("70"));
        var cells = await modelRow.Locator("td").AllInnerTextsAsync();
        Assert.Equal(["no-price-model", "1", "400", "30", "70", "price unknown", "price unknown", "price unknown"], cells);
        Assert.DoesNotContain("$0.00", await page.Locator("#tab-costs").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("owner-costs-price-unknown.png");
        page.AssertNoProblems();
    }

    [Fact]
    public async Task Member_SeesNoOwnerTabs_ButMembersAndOwnUsage()
    {
        var org = await host.NewOrganizationAsync("Members");
        await SeedLedgerAsync(org, org.MemberId);
        await using var page = await OpenAsync("member");

        await page.LogInAsync(org.Member.Username, org.Member.Password);
        await page.WaitVisibleAsync("#app-view");
        foreach (var ownerTab in new[] { "invitations", "costs", "activity" })
        {
            Assert.Equal(0, await page.Locator($"button[data-tab=\"{ownerTab}\"]").CountAsync());
        }

        await page.OpenTabAsync("members");
        await page.WaitVisibleAsync(MemberRow(org.OwnerId));
        await page.WaitVisibleAsync(MemberRow(org.MemberId));
        Assert.Equal(0, await page.Locator("#member-add-form").CountAsync());
        Assert.Equal(0, await page.Locator("#members-table .remove").CountAsync());

        await page.OpenTabAsync("usage");
        await page.WaitVisibleAsync("#usage-table");
        await page.StepAsync("own cost shown", () => Assertions.Expect(page.Locator("#usage-total")).Not.ToHaveTextAsync("–"));
        await page.ScreenshotAsync("member-dashboard.png");
        page.AssertNoProblems();
    }

    [Fact]
    public async Task Member_DownloadsAnAnswersCsvFromMyUsage_RunAgainNow()
    {
        var org = await host.NewOrganizationAsync("Downloads");
        var database = await host.AddSqliteDatabaseAsync(org.OwnerId);
        await host.RecordAsync(org.MemberId, org.OrgId, database.DatabaseId, "Who are our customers?", "SELECT id, name FROM customers");
        await using var page = await OpenAsync("member-answer-csv");

        await page.LogInAsync(org.Member.Username, org.Member.Password);
        await page.WaitVisibleAsync("#app-view");
        await page.OpenTabAsync("usage");
        var button = page.Locator("#usage-table tbody button:has-text(\"CSV\")");
        await page.StepAsync("CSV button shown", () => Assertions.Expect(button).ToBeVisibleAsync());
        IDownload? download = null;
        await page.StepAsync("download the answer's CSV", async () => download = await page.Page.RunAndWaitForDownloadAsync(() => button.ClickAsync()));

        Assert.Equal("who-are-our-customers.csv", download!.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("id,name\r\n1,Ada\r\n", System.Text.Encoding.UTF8.GetString(bytes[3..]));
        page.AssertNoProblems();
    }

    [Fact]
    public async Task WrongPassword_ShowsTheLoginError()
    {
        var org = await host.NewOrganizationAsync("Typo");
        await using var page = await OpenAsync("login");

        await page.LogInAsync(org.Owner.Username, org.Owner.Password + "x");

        await page.WaitVisibleAsync("#login-error");
        await page.StepAsync("error text", () => Assertions.Expect(page.Locator("#login-error")).ToContainTextAsync("Wrong username or password."));
        Assert.False(await page.Locator("#app-view").IsVisibleAsync());
        await page.ScreenshotAsync("login-wrong-password.png");
        page.AssertNoProblems(expectedStatuses: 401);
    }

    [Fact]
    public async Task Phone_MembersFitTheScreenWidth()
    {
        var org = await host.NewOrganizationAsync("Phone");
        await using var page = await OpenAsync("phone", width: 375, height: 812);

        await page.LogInAsync(org.Owner.Username, org.Owner.Password);
        await page.WaitVisibleAsync("#app-view");
        await page.OpenTabAsync("members");
        await page.WaitVisibleAsync(MemberRow(org.MemberId));

        var pageWidth = await page.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var screenshot = await page.ScreenshotAsync("phone-members.png");
        Assert.True(pageWidth <= 375 + 1, $"the page is {pageWidth} px wide on a 375 px screen (see {screenshot})");
        page.AssertNoProblems();
    }

    [Fact]
    public async Task Owner_RemovesMember_AfterConfirming()
    {
        var org = await host.NewOrganizationAsync("Removal");
        await using var page = await OpenAsync("owner-remove");

        await page.LogInAsync(org.Owner.Username, org.Owner.Password);
        await page.WaitVisibleAsync("#app-view");
        await page.OpenTabAsync("members");
        await page.WaitVisibleAsync(MemberRow(org.MemberId));
        Assert.Equal(0, await page.Locator($"{MemberRow(org.OwnerId)} .remove").CountAsync());

        await page.StepAsync("click Remove", () => page.Locator($"{MemberRow(org.MemberId)} .remove").ClickAsync());
        await page.WaitVisibleAsync("dialog#confirm-dialog");
        await page.ScreenshotAsync("owner-confirm-remove.png");
        await page.StepAsync("confirm", () => page.Locator("#confirm-yes").ClickAsync());

        await page.WaitDetachedAsync(MemberRow(org.MemberId));
        await page.WaitVisibleAsync(MemberRow(org.OwnerId));
        var owner = await host.LoginAsync(org.Owner.Username, org.Owner.Password);
        var members = (await owner.GetAnswerAsync("/dashboard/members")).Expect(HttpStatusCode.OK).Json;
        Assert.DoesNotContain(members.EnumerateArray(), m => m.GetProperty("userId").GetInt64() == org.MemberId);
        page.AssertNoProblems();
    }

    [Fact]
    public async Task Owner_InvitesById_SeesInvitationSent_AndTheListStaysAsItWas()
    {
        var org = await host.NewOrganizationAsync("Inviting");
        var newcomer = await host.NewUserAsync("Nora");
        await using var page = await OpenAsync("owner-invite");

        await page.LogInAsync(org.Owner.Username, org.Owner.Password);
        await page.WaitVisibleAsync("#app-view");
        await page.OpenTabAsync("members");
        await page.WaitVisibleAsync(MemberRow(org.MemberId));
        await page.StepAsync("type the id", () => page.Locator("#member-user-id").FillAsync(newcomer.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await page.StepAsync("send the invitation", () => page.Locator("#member-add").ClickAsync());

        await page.StepAsync("told the invitation was sent", () => Assertions.Expect(page.Locator("#member-add-result")).ToContainTextAsync("Invitation sent"));
        Assert.Equal(0, await page.Locator(MemberRow(newcomer)).CountAsync());
        page.AssertNoProblems();
    }

    [Fact]
    public async Task SessionEndedOnTheServer_NextClick_ReturnsToLoginWithAMessage()
    {
        var org = await host.NewOrganizationAsync("Expiry");
        await using var page = await OpenAsync("session-ended");
        await page.LogInAsync(org.Owner.Username, org.Owner.Password);
        await page.WaitVisibleAsync("#app-view");

        (await host.ClientWithToken(await TokenAsync(page)).PostAnswerAsync("/dashboard/logout")).Expect(HttpStatusCode.NoContent);
        await page.StepAsync("click the members tab", () => page.Locator("button[data-tab=\"members\"]").ClickAsync());

        await page.WaitVisibleAsync("#login-view");
        await page.WaitHiddenAsync("#app-view");
        await page.StepAsync("message shown", () => Assertions.Expect(page.Locator("#login-error")).ToContainTextAsync("session"));
        await page.ScreenshotAsync("session-ended-login.png");
        page.AssertNoProblems(expectedStatuses: 401);
    }

    private Task<BrowserPage> OpenAsync(string name, int width = 1280, int height = 900) =>
        BrowserPage.OpenAsync(browser, host.BaseAddress, output, name, width, height);

    private static string MemberRow(long userId) => $"#members-table tr[data-user-id=\"{userId.ToString(CultureInfo.InvariantCulture)}\"]";

    private static Task<string> TokenAsync(BrowserPage page) => page.Page.EvaluateAsync<string>("() => sessionStorage.getItem('oa.token')");

    /// <summary>Questions of <paramref name="userIds"/> in the organization, written into the silo's SQLite app database.</summary>
    private async Task SeedLedgerAsync(TestOrganization org, params long[] userIds)
    {
        var today = new DateTimeOffset(host.Clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        await CostLedgerSeedWriter.Sqlite(Path.Combine(host.DataDirectory, "app.db")).WriteAsync(CostLedgerSeed.Build(org.OrgId, userIds, today, seed: 11));
    }

    private static async Task<string> CreateInvitationAsync(BrowserPage page, TestOrganization org)
    {
        await page.OpenTabAsync("invitations");
        await page.Locator("#invitation-max-uses").FillAsync("3");
        await page.Locator("#invitation-valid-days").FillAsync("5");
        await page.StepAsync("create the invitation", () => page.Locator("#invitation-create").ClickAsync());
        await page.WaitVisibleAsync("#invitation-created-code");
        var code = (await page.Locator("#invitation-created-code").InnerTextAsync()).Trim();
        Assert.False(string.IsNullOrEmpty(code), $"no code shown for {org.Name}:\n{page.Report()}");
        await page.WaitVisibleAsync($"#invitations-table tr[data-code=\"{code}\"]");
        var row = page.Locator($"#invitations-table tr[data-code=\"{code}\"]");
        Assert.Contains(code, await row.InnerTextAsync());
        Assert.Equal((1, 1), (await row.Locator(".copy-link").CountAsync(), await row.Locator(".revoke").CountAsync()));
        return code;
    }

    private async Task AssertActiveInvitationAsync(TestOrganization org, string code)
    {
        var info = await host.Grains.GetGrain<IInvitationGrain>(GrainKeys.Invitation(code)).GetInfoAsync();
        Assert.NotNull(info);
        Assert.Equal((org.OrgId, InvitationStatus.Active, 3), (info.OrgId, info.Status, info.MaxUses));

        var owner = await host.LoginAsync(org.Owner.Username, org.Owner.Password);
        var listed = (await owner.GetAnswerAsync("/dashboard/invitations")).Expect(HttpStatusCode.OK).Json;
        Assert.Contains(listed.EnumerateArray(), i => i.GetProperty("code").GetString() == code && i.GetProperty("status").GetString() == "Active");
    }

    /// <summary>The pie's two slices are the input and output cost the API gives for the range the page shows.</summary>
    private async Task AssertPieShowsTheApiSplitAsync(BrowserPage page, TestOrganization org)
    {
        var owner = await host.LoginAsync(org.Owner.Username, org.Owner.Password);
        var range = await CostRangeAsync(page);
        var split = (await owner.GetAnswerAsync($"/dashboard/costs/input-output?{range}")).Expect(HttpStatusCode.OK).Json;
        var overview = (await owner.GetAnswerAsync($"/dashboard/costs/overview?{range}")).Expect(HttpStatusCode.OK).Json;
        await page.StepAsync("questions card", () => Assertions.Expect(page.Locator("#cost-questions"))
            .ToHaveTextAsync(overview.GetProperty("questions").GetInt64().ToString(CultureInfo.InvariantCulture)));
        // JavaScript numbers are doubles: the decimal's text read as a double is what Number() makes of it.
        var expected = new[] { split.GetProperty("inputCost"), split.GetProperty("outputCost") }
            .Select(cost => double.Parse(cost.GetRawText(), CultureInfo.InvariantCulture)).ToArray();

        var slices = await page.Page.EvaluateAsync<double[]>("() => Chart.getChart('chart-input-output').data.datasets[0].data.map(Number)");

        Assert.True(slices.Length == 2 && slices.Sum() > 0, $"pie slices [{string.Join(", ", slices)}]");
        Assert.Equal(expected, slices);
    }

    /// <summary>A CSV button saves the file the API gives for the range the page shows.</summary>
    private async Task AssertCsvButtonDownloadsTheApiFileAsync(BrowserPage page, TestOrganization org, string view)
    {
        IDownload? download = null;
        await page.StepAsync($"download the {view} CSV", async () =>
            download = await page.Page.RunAndWaitForDownloadAsync(() => page.Locator($"button[data-csv=\"{view}\"]").ClickAsync()));
        var saved = await File.ReadAllTextAsync((await download!.PathAsync())!);

        var owner = await host.LoginAsync(org.Owner.Username, org.Owner.Password);
        var range = await CostRangeAsync(page);
        var expected = (await owner.GetAnswerAsync($"/dashboard/costs/{view}?{range}&format=csv")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(expected, saved);
    }

    private static async Task<string> CostRangeAsync(BrowserPage page) =>
        $"from={await page.Locator("#costs-from").InputValueAsync()}&to={await page.Locator("#costs-to").InputValueAsync()}";

    /// <summary>Compares the canvas with a blank one of the same size, and counts painted pixels.</summary>
    private static async Task AssertPaintedAsync(BrowserPage page, string canvasId)
    {
        var measured = await page.Page.EvaluateAsync<int[]>("""
            id => {
              const canvas = document.getElementById(id);
              const blank = document.createElement('canvas');
              blank.width = canvas.width;
              blank.height = canvas.height;
              const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
              let painted = 0;
              for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) painted++;
              return [canvas.width, canvas.height, painted, canvas.toDataURL().length, blank.toDataURL().length];
            }
            """, canvasId);
        var (width, height, painted, image, blankImage) = (measured[0], measured[1], measured[2], measured[3], measured[4]);
        Assert.True(width > 0 && height > 0 && painted > width * height / 20 && image > blankImage,
            $"#{canvasId} looks blank: {width}×{height} px, {painted} painted, PNG data URL {image} characters against {blankImage} for a blank canvas");
    }
}
