using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Grains.Schedules;

/// <summary>
/// Who may see and manage a schedule: its owner, and the owner of the organization whose database it reads.
/// Anyone else is told there is nothing, so a schedule's existence never leaks.
/// </summary>
public static class SchedulePermissions
{
    public static bool MayManage(Principal asker, ScheduleDefinition schedule) =>
        asker.UserId == schedule.OwnerUserId || (schedule.OrgId is { } orgId && IsOwnerOf(asker, orgId));

    /// <summary>Whether the asker owns <paramref name="orgId"/>, and so sees every schedule of its members.</summary>
    public static bool IsOwnerOf(Principal asker, string orgId) => asker.Role == UserRole.OrgOwner && asker.OrgId == orgId;
}
