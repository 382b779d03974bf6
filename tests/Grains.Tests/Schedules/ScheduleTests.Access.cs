using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Tests.Cluster;
using OrleansAssistant.Grains.Tests.Questions;
using static OrleansAssistant.Grains.Tests.Schedules.ScheduleArrange;

namespace OrleansAssistant.Grains.Tests.Schedules;

/// <summary>
/// Who may see and change a schedule (its owner, and the owner of the organization whose database it reads; anyone else
/// finds nothing), and what pause, resume and delete do to its row and its reminder.
/// </summary>
[Collection(ScheduleLimitsSiloCollection.Name)]
public sealed class ScheduleAccessTests(ScheduleLimitsSiloFixture fixture)
{
    [Fact]
    public async Task TheOrganizationsOwner_SeesPausesResumesAndDeletes_AMembersSchedule()
    {
        var org = await OrgAnswerAsync(fixture);
        var (grain, change) = await CreatedAsync(fixture.Grains, await PrincipalAsync(fixture.Grains, org.MemberId), Report(org.Answer));
        var owner = await PrincipalAsync(fixture.Grains, org.OwnerId);

        Assert.Equal(org.OrgId, change.Schedule!.OrgId);
        Assert.Equal(change.Schedule.ScheduleId, (await grain.GetAsync(owner))!.ScheduleId);
        Assert.Empty(await grain.RunsAsync(owner, 10));
        Assert.Equal((ScheduleChangeStatus.Done, ScheduleStatus.Paused, PauseReason.ByOwner), Outcome(await grain.PauseAsync(owner)));
        Assert.Equal((ScheduleChangeStatus.Unchanged, ScheduleStatus.Paused, PauseReason.ByOwner), Outcome(await grain.PauseAsync(owner)));
        Assert.Equal((ScheduleChangeStatus.Done, ScheduleStatus.Active, PauseReason.None), Outcome(await grain.ResumeAsync(owner)));
        Assert.Equal(ScheduleChangeStatus.Done, (await grain.DeleteAsync(owner)).Status);
        Assert.Null(await grain.GetAsync(await PrincipalAsync(fixture.Grains, org.MemberId)));
    }

    [Fact]
    public async Task AnotherMember_AndAnotherOrganizationsOwner_FindNothing()
    {
        var org = await OrgAnswerAsync(fixture);
        var member = await PrincipalAsync(fixture.Grains, org.MemberId);
        var (grain, _) = await CreatedAsync(fixture.Grains, member, Report(org.Answer));
        var otherMember = await PrincipalAsync(fixture.Grains, await fixture.Grains.NewMemberAsync(org.OwnerId));
        var (otherOwnerId, _) = await fixture.Grains.NewOrganizationAsync("Other Org");
        var otherOwner = await PrincipalAsync(fixture.Grains, otherOwnerId);

        foreach (var stranger in new[] { otherMember, otherOwner })
        {
            Assert.Null(await grain.GetAsync(stranger));
            Assert.Empty(await grain.RunsAsync(stranger, 10));
            foreach (var change in new[] { await grain.PauseAsync(stranger), await grain.ResumeAsync(stranger), await grain.RunNowAsync(stranger), await grain.DeleteAsync(stranger) })
            {
                Assert.Equal((ScheduleChangeStatus.NotFound, (ScheduleView?)null), (change.Status, change.Schedule));
            }
            // Creating under a key that is taken tells a stranger nothing either.
            Assert.Equal(ScheduleChangeStatus.NotFound, (await grain.CreateAsync(stranger, Report(org.Answer))).Status);
        }
        Assert.Equal(ScheduleStatus.Active, (await grain.GetAsync(member))!.Status);
    }

    [Fact]
    public async Task Pause_RemovesTheReminder_Resume_RegistersItAgain_Delete_RemovesRowAndReminder()
    {
        var (asker, answer) = await AnsweredAsync(fixture);
        var me = await PrincipalAsync(fixture.Grains, asker.UserId);
        var (grain, _) = await CreatedAsync(fixture.Grains, me, Report(answer));
        var rows = await ScheduleRowCountAsync(fixture);

        Assert.NotNull(await ReminderAsync(fixture, grain));
        var paused = await grain.PauseAsync(me);
        Assert.Null(paused.Schedule!.NextDueAt);
        Assert.Null(await ReminderAsync(fixture, grain));
        var resumed = await grain.ResumeAsync(me);
        Assert.NotNull(resumed.Schedule!.NextDueAt);
        Assert.NotNull(await ReminderAsync(fixture, grain));
        Assert.Equal(ScheduleChangeStatus.Done, (await grain.DeleteAsync(me)).Status);
        Assert.Null(await ReminderAsync(fixture, grain));
        Assert.Equal(rows - 1, await ScheduleRowCountAsync(fixture));
        Assert.Null(await grain.GetAsync(me));
        Assert.Equal(ScheduleChangeStatus.NotFound, (await grain.DeleteAsync(me)).Status);
        var logged = (await AppActivity.OfUserAsync(fixture.DataDirectory, asker.UserId)).Where(entry => entry.Target == resumed.Schedule.ScheduleId).Select(entry => entry.Type);
        Assert.Equal(["schedule.created", "schedule.paused", "schedule.resumed", "schedule.deleted"], logged);
    }

    [Fact]
    public async Task Resume_OfARemovedMembersSchedule_StaysPaused_AndSaysWhy()
    {
        var org = await OrgAnswerAsync(fixture);
        var (grain, _) = await CreatedAsync(fixture.Grains, await PrincipalAsync(fixture.Grains, org.MemberId), Report(org.Answer));
        await grain.PauseAsync(await PrincipalAsync(fixture.Grains, org.MemberId));
        var removed = await fixture.Grains.Coordinator().RemoveMemberAsync(org.OwnerId, org.MemberId);
        Assert.True(removed.Succeeded, removed.Message);

        var resumed = await grain.ResumeAsync(await PrincipalAsync(fixture.Grains, org.MemberId));

        Assert.Equal((ScheduleChangeStatus.StillNotPermitted, ScheduleStatus.Paused, PauseReason.NotMember), Outcome(resumed));
        Assert.Null(await ReminderAsync(fixture, grain));
    }

    [Fact]
    public async Task ASchedule_OutlivesItsActivation()
    {
        var (asker, answer) = await AnsweredAsync(fixture);
        var me = await PrincipalAsync(fixture.Grains, asker.UserId);
        var (grain, change) = await CreatedAsync(fixture.Grains, me, Report(answer, DailyAtNine("Europe/Berlin"), "https://hooks.example.com/x", ["ann@example.com"]));
        await grain.PauseAsync(me);

        await GrainDeactivation.DeactivateAndWaitAsync(fixture.Grains, grain);
        var reloaded = (await grain.GetAsync(me))!;

        var expected = change.Schedule! with { Status = ScheduleStatus.Paused, PauseReason = PauseReason.ByOwner, NextDueAt = null, EmailTo = reloaded.EmailTo };
        Assert.Equal(expected, reloaded);
        Assert.Equal(["ann@example.com"], reloaded.EmailTo);
        Assert.Equal(change.Schedule.NextDueAt, (await grain.ResumeAsync(me)).Schedule!.NextDueAt);
    }

    [Fact]
    public async Task Lists_AreOnesOwn_AndTheOrganizationsForItsOwnerOnly()
    {
        var org = await OrgAnswerAsync(fixture);
        var member = await PrincipalAsync(fixture.Grains, org.MemberId);
        var owner = await PrincipalAsync(fixture.Grains, org.OwnerId);
        var ownerAnswer = await AskAsync(fixture, fixture.Grains.GetGrain<IUserGrain>(org.OwnerId), org.OwnerId, CustomersSql, "Owner's customers");
        // A second between creations, so "oldest first" has one answer.
        var (_, first) = await CreatedAsync(fixture.Grains, member, Report(org.Answer));
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var (_, second) = await CreatedAsync(fixture.Grains, member, Report(org.Answer, ScheduleRhythm.Weekdays(TimeSpan.FromHours(7), "UTC")));
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var (_, owners) = await CreatedAsync(fixture.Grains, owner, Report(ownerAnswer));
        var lists = fixture.Grains.GetGrain<IScheduleListGrain>(0);

        Assert.Equal([first.Schedule!.ScheduleId, second.Schedule!.ScheduleId], (await lists.MineAsync(member)).Select(view => view.ScheduleId));
        Assert.Equal([owners.Schedule!.ScheduleId], (await lists.MineAsync(owner)).Select(view => view.ScheduleId));
        Assert.Equal([first.Schedule.ScheduleId, second.Schedule.ScheduleId, owners.Schedule.ScheduleId],
            (await lists.OrganizationAsync(owner, org.OrgId)).Select(view => view.ScheduleId));
        Assert.Equal([first.Schedule.ScheduleId, second.Schedule.ScheduleId], (await lists.OrganizationAsync(member, org.OrgId)).Select(view => view.ScheduleId));
        Assert.All(await lists.MineAsync(member), view => Assert.Null(view.LastRun));
    }

    [Fact]
    public async Task AReminderTick_BeforeTheDueTime_RunsNothing_AndWaitsForIt()
    {
        var (asker, answer) = await AnsweredAsync(fixture);
        var me = await PrincipalAsync(fixture.Grains, asker.UserId);
        var (grain, change) = await CreatedAsync(fixture.Grains, me, Report(answer));
        var before = (await ReminderAsync(fixture, grain))!;

        await grain.AsReference<IRemindable>().ReceiveReminder("run", default);

        Assert.Empty(await grain.RunsAsync(me, 10));
        Assert.Equal(change.Schedule!.NextDueAt, (await grain.GetAsync(me))!.NextDueAt);
        var after = (await ReminderAsync(fixture, grain))!;
        Assert.NotEqual(before.ETag, after.ETag);
        Assert.InRange(after.StartAt - before.StartAt, TimeSpan.FromMinutes(-1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task AReminderTick_AtTheDueTime_RunsTheSchedule_LeavesOneNotice_AndWaitsForTheNextDueTime()
    {
        var (asker, answer) = await AnsweredAsync(fixture);
        var me = await PrincipalAsync(fixture.Grains, asker.UserId);
        var (grain, change) = await CreatedAsync(fixture.Grains, me, Report(answer, ScheduleRhythm.Cron("*/15 * * * *", "UTC")));
        var due = change.Schedule!.NextDueAt!.Value;
        fixture.Clock.Advance(due - fixture.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));

        // The tick puts the schedule in the silo's run line, whose workers run it.
        await grain.AsReference<IRemindable>().ReceiveReminder("run", default);
        var runs = await RunsOnceThereAreAsync(grain, me);
        // A second tick (the reminder fired twice, or its next period came): nothing is due any more.
        await grain.AsReference<IRemindable>().ReceiveReminder("run", default);
        await grain.RunDueAsync();

        var run = Assert.Single(runs);
        Assert.Single(await grain.RunsAsync(me, 10));
        Assert.Equal((due, RunOutcome.Delivered), (run.DueAt, run.Outcome));
        Assert.Equal(due.AddMinutes(15), (await grain.GetAsync(me))!.NextDueAt);
        var notices = await fixture.Grains.GetGrain<IScheduleNoticesGrain>(0).TakeAsync(100);
        var notice = Assert.Single(notices, notice => notice.ScheduleId == change.Schedule.ScheduleId);
        Assert.Equal((ScheduleNoticeKind.Report, ChatOf(answer), due), (notice.Kind, notice.ChatId, notice.DueAt));
        Assert.NotEmpty(notice.Rows!.Rows);
        Assert.NotNull(await ReminderAsync(fixture, grain));
    }

    [Fact]
    public async Task AReminderTick_OfADeletedSchedule_RemovesTheReminder()
    {
        var (asker, answer) = await AnsweredAsync(fixture);
        var me = await PrincipalAsync(fixture.Grains, asker.UserId);
        var (grain, _) = await CreatedAsync(fixture.Grains, me, Report(answer));
        await grain.DeleteAsync(me);
        // A tick already on its way when the schedule went: the grain finds no row and lets the reminder go.
        await fixture.Silo.Services.GetRequiredService<IReminderTable>().UpsertRow(new ReminderEntry
        {
            GrainId = grain.GetGrainId(), ReminderName = "run", StartAt = DateTime.UtcNow.AddHours(1), Period = TimeSpan.FromMinutes(1),
        });

        await grain.AsReference<IRemindable>().ReceiveReminder("run", default);

        Assert.Null(await ReminderAsync(fixture, grain));
    }

    private static (ScheduleChangeStatus, ScheduleStatus?, PauseReason?) Outcome(ScheduleChange change) =>
        (change.Status, change.Schedule?.Status, change.Schedule?.PauseReason);

    private static async Task<IReadOnlyList<ScheduleRunView>> RunsOnceThereAreAsync(IScheduleGrain grain, Principal asker)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var runs = await grain.RunsAsync(asker, 10);
            if (runs.Count > 0 && runs.All(run => run.Outcome != RunOutcome.Running) || DateTime.UtcNow > deadline) return runs;
            await Task.Delay(50);
        }
    }
}
