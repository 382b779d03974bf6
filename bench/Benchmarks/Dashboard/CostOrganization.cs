using OrleansAssistant.Grains.Interfaces.Dashboard;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Benchmarks.Dashboard;

/// <summary>The organization whose costs are read: an owner with dashboard credentials and a few members.</summary>
internal sealed record CostOrganization(string OrgId, DashboardCredentials Owner, long[] UserIds)
{
    // Apart from the query suite's users, and far above real Telegram ids of today.
    private const long OwnerId = 9_200_000_000;

    /// <param name="members">Members besides the owner, so the per-user report has several lines.</param>
    public static async Task<CostOrganization> CreateAsync(IGrainFactory grains, int members)
    {
        var userIds = Enumerable.Range(0, members + 1).Select(i => OwnerId + i).ToArray();
        foreach (var id in userIds)
        {
            await grains.GetGrain<IUserGrain>(id).RegisterAsync(new TelegramProfile(id, $"bench_{id}", $"Bench {id - OwnerId}", null, "en"));
        }
        var membership = grains.GetGrain<IMembershipGrain>(0);
        var created = Expect(await membership.CreateOrganizationAsync(OwnerId, "Bench Costs"), "create the organization");
        var invitation = await membership.CreateInvitationAsync(OwnerId, Math.Max(members, 1), 1);
        if (invitation.Invitation is not { } code) throw new InvalidOperationException($"Could not create an invitation: {invitation.Message}");
        foreach (var id in userIds.Skip(1)) Expect(await membership.JoinAsync(id, code.Code), $"join member {id}");
        var owner = created.Credentials ?? throw new InvalidOperationException("Creating the organization returned no dashboard credentials.");
        return new CostOrganization(created.Organization!.OrgId, owner, userIds);
    }

    private static MembershipResult Expect(MembershipResult result, string step) =>
        result.Succeeded ? result : throw new InvalidOperationException($"Could not {step}: {result.Error} ({result.Message})");
}
