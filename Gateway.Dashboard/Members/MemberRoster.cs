using OrleansAssistant.Gateway.Dashboard.Http;
using OrleansAssistant.Grains.Interfaces.Organizations;

namespace OrleansAssistant.Gateway.Dashboard.Members;

/// <summary>The organization's member list joined with each person's profile; the owner first, then by join time.</summary>
internal sealed class MemberRoster(IGrainFactory grains, PeopleDirectory people)
{
    public async Task<IReadOnlyList<MemberView>> ListAsync(string orgId)
    {
        var members = await grains.GetGrain<IOrganizationGrain>(orgId).GetMembersAsync();
        var profiles = await people.LookUpAsync(members.Select(m => m.UserId));
        return members
            .OrderByDescending(m => m.Role)
            .ThenBy(m => m.JoinedAt)
            .Select(m =>
            {
                var user = profiles[m.UserId];
                return new MemberView(m.UserId, PersonName.Of(user, m.UserId), user?.Profile.Username, m.Role, m.JoinedAt, user?.LastSeen);
            })
            .ToArray();
    }
}
