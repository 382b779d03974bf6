using System.Net;
using Microsoft.Playwright;
using OrleansAssistant.Grains.Interfaces.Schedules;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>The Schedules tab in the browser: the owner manages a member's schedule; a member sees only their own.</summary>
public sealed partial class DashboardBrowserTests
{
    [Fact]
    public async Task Owner_PausesAMembersSchedule_OpensItsRuns_AndDeletesIt()
    {
        var org = await host.NewOrganizationAsync("Scheduler");
        var database = await host.AddSqliteDatabaseAsync(org.OwnerId, "Shop");
        var schedule = (await host.NewScheduleAsync(org.MemberId, org.OrgId, database.DatabaseId, "Who are our customers?",
            webhookUrl: "https://hooks.example.com/in/path-token-7f3")).Schedule!;
        var unpriced = await host.RecordAsync(org.MemberId, org.OrgId, database.DatabaseId, "run", ScheduleSeed.Sql,
            stages: [ScheduleSeed.Stage(host.Clock.GetUtcNow(), 0m, priced: false)]);
        await host.RecordRunAsync(schedule.ScheduleId, host.Clock.GetUtcNow().AddDays(-1), RunOutcome.Delivered, rows: 7, unpriced);
        await using var page = await OpenAsync("owner-schedules");

        await page.LogInAsync(org.Owner.Username, org.Owner.Password);
        await page.WaitVisibleAsync("#app-view");
        await page.OpenTabAsync("schedules");
        var row = page.Locator(ScheduleRow(schedule.ScheduleId));
        await page.StepAsync("the member's schedule is listed", () => Assertions.Expect(row).ToContainTextAsync("Who are our customers?"));
        var text = await row.InnerTextAsync();
        foreach (var expected in new[] { "Max", "Shop", "every weekday at 09:00", "Europe/Berlin", "Active", "Delivered" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
        await page.ScreenshotAsync("owner-schedules.png");
        await AssertFitsItsTableAsync(page, $"{ScheduleRow(schedule.ScheduleId)} button.delete");

        await page.StepAsync("pause it", () => row.Locator("button.pause").ClickAsync());
        await page.StepAsync("it reads paused", () => Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("Paused"));
        await page.StepAsync("the page says so", () => Assertions.Expect(page.Locator("#schedules-message")).ToContainTextAsync("is paused"));
        await page.WaitVisibleAsync($"{ScheduleRow(schedule.ScheduleId)} button.resume");

        await page.StepAsync("open its runs", () => row.Locator("button.runs").ClickAsync());
        await page.WaitVisibleAsync("#schedule-runs");
        var run = page.Locator("#schedule-runs-table tbody tr[data-run-id]");
        await page.StepAsync("the run is shown", () => Assertions.Expect(run).ToContainTextAsync("Delivered"));
        Assert.Contains("price unknown", await run.InnerTextAsync(), StringComparison.Ordinal);
        await page.StepAsync("the webhook shows by its host", () => Assertions.Expect(page.Locator("#schedule-runs-details")).ToContainTextAsync("hooks.example.com"));
        Assert.DoesNotContain("path-token-7f3", await page.Locator("#tab-schedules").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("owner-schedule-runs.png");

        await page.StepAsync("click Delete", () => row.Locator("button.delete").ClickAsync());
        await page.WaitVisibleAsync("dialog#confirm-dialog");
        await page.StepAsync("confirm", () => page.Locator("#confirm-yes").ClickAsync());
        await page.WaitDetachedAsync(ScheduleRow(schedule.ScheduleId));
        await page.WaitVisibleAsync("#schedules-empty");

        var owner = await host.LoginAsync(org.Owner.Username, org.Owner.Password);
        Assert.Equal(0, (await owner.GetAnswerAsync("/dashboard/schedules")).Expect(HttpStatusCode.OK).Json.GetArrayLength());
        page.AssertNoProblems();
    }

    [Fact]
    public async Task Member_SeesOnlyTheirOwnSchedules_WithoutAnOwnerColumn()
    {
        var org = await host.NewOrganizationAsync("OwnSchedules");
        var database = await host.AddSqliteDatabaseAsync(org.OwnerId, "Shop");
        var mine = (await host.NewScheduleAsync(org.MemberId, org.OrgId, database.DatabaseId, "My customers")).Schedule!;
        var owners = (await host.NewScheduleAsync(org.OwnerId, org.OrgId, database.DatabaseId, "Olivia's customers")).Schedule!;
        await using var page = await OpenAsync("member-schedules");

        await page.LogInAsync(org.Member.Username, org.Member.Password);
        await page.WaitVisibleAsync("#app-view");
        await page.OpenTabAsync("schedules");
        await page.WaitVisibleAsync(ScheduleRow(mine.ScheduleId));

        Assert.Equal(0, await page.Locator(ScheduleRow(owners.ScheduleId)).CountAsync());
        Assert.Equal(1, await page.Locator("#schedules-table tbody tr[data-schedule-id]").CountAsync());
        Assert.DoesNotContain("Owner", await page.Locator("#schedules-table thead").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("member-schedules.png");
        page.AssertNoProblems();
    }

    [Fact]
    public async Task Member_WithoutSchedules_IsToldHowToMakeOne()
    {
        var org = await host.NewOrganizationAsync("NoSchedules");
        await using var page = await OpenAsync("member-no-schedules");

        await page.LogInAsync(org.Member.Username, org.Member.Password);
        await page.WaitVisibleAsync("#app-view");
        await page.OpenTabAsync("schedules");

        await page.StepAsync("the empty state explains the button", () => Assertions.Expect(page.Locator("#schedules-empty")).ToContainTextAsync("⏰ Schedule"));
        page.AssertNoProblems();
    }

    private static string ScheduleRow(string scheduleId) => $"#schedules-table tr[data-schedule-id=\"{scheduleId}\"]";
}
