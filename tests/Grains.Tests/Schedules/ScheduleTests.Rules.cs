using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Schedules;

namespace OrleansAssistant.Grains.Tests.Schedules;

/// <summary>The rules a schedule grain decides by, without a silo: who may manage it, and which run it makes when it wakes late.</summary>
public sealed class ScheduleRuleTests
{
    private static readonly DateTimeOffset Monday9 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static readonly ScheduleDefinition MembersSchedule = new(
        ScheduleKeys.NewId(), 10, "org_a", "db_1", 10, "tg_10_1", "Sales", "SELECT 1", ScheduleKind.Report,
        ScheduleRhythm.Daily(TimeSpan.FromHours(9), "UTC"), null, [], null, null, ScheduleStatus.Active, PauseReason.None, Monday9, Monday9);

    [Theory]
    [InlineData(10, UserRole.OrgMember, "org_a", true)]
    [InlineData(10, UserRole.User, null, true)]
    [InlineData(20, UserRole.OrgOwner, "org_a", true)]
    [InlineData(30, UserRole.OrgMember, "org_a", false)]
    [InlineData(40, UserRole.OrgOwner, "org_b", false)]
    [InlineData(50, UserRole.User, null, false)]
    public void MayManage_IsTheOwner_OrTheOwnerOfItsOrganization(long userId, UserRole role, string? orgId, bool allowed) =>
        Assert.Equal(allowed, SchedulePermissions.MayManage(new Principal(userId, role, orgId, IsAdmin: false), MembersSchedule));

    [Fact]
    public void MayManage_APersonalSchedule_IsItsOwnerOnly_EvenForAnAdministrator() =>
        Assert.False(SchedulePermissions.MayManage(new Principal(20, UserRole.OrgOwner, "org_a", IsAdmin: true), MembersSchedule with { OrgId = null }));

    [Fact]
    public void CatchUp_AfterThreeMissedDays_RunsOnlyTheLatest()
    {
        var rhythm = ScheduleRhythm.Daily(TimeSpan.FromHours(9), "UTC");

        Assert.Equal(Monday9.AddDays(3), ScheduleCatchUp.LatestMissed(rhythm, Monday9, Monday9.AddDays(3).AddHours(2)));
        Assert.Equal(Monday9, ScheduleCatchUp.LatestMissed(rhythm, Monday9, Monday9.AddMinutes(30)));
        Assert.Equal(Monday9.AddDays(1), ScheduleCatchUp.LatestMissed(rhythm, Monday9, Monday9.AddDays(1)));
    }
}
