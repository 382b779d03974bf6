using OrleansAssistant.Grains.Interfaces.Organizations;

namespace OrleansAssistant.Grains.Tests.Cluster;

/// <summary>Short-hands for arranging organizations in tests, through the same grain calls the gateways make.</summary>
public static class Memberships
{
    public static IMembershipGrain Coordinator(this IGrainFactory grains) => grains.GetGrain<IMembershipGrain>(0);

    /// <summary>A new registered user who founds a new organization; returns both ids.</summary>
    public static async Task<(long OwnerId, string OrgId)> NewOrganizationAsync(this IGrainFactory grains, string name = "Acme Analytics")
    {
        var ownerId = await TestUsers.RegisterAsync(grains, "Owner");
        var created = await grains.Coordinator().CreateOrganizationAsync(ownerId, name);
        Assert.True(created.Succeeded, created.Message);
        return (ownerId, created.Organization!.OrgId);
    }

    /// <summary>The owner invites <paramref name="userId"/> by id and they accept, as pressing [Join …] in the bot does.</summary>
    public static async Task<MembershipResult> InviteAndAcceptAsync(this IGrainFactory grains, long ownerId, long userId)
    {
        var invited = await grains.Coordinator().InviteMemberAsync(ownerId, userId);
        Assert.True(invited.Succeeded, invited.Message);
        var code = await grains.PersonalInvitationAsync(invited.Organization!.OrgId, userId);
        Assert.NotNull(code);
        return await grains.Coordinator().JoinAsync(userId, code);
    }

    /// <summary>The code of the open invitation the organization sent this person, as the bot's buttons carry it.</summary>
    public static Task<string?> PersonalInvitationAsync(this IGrainFactory grains, string orgId, long userId) =>
        grains.GetGrain<IOrganizationGrain>(orgId).GetPersonalInvitationAsync(userId);

    /// <summary>A new registered user who joins <paramref name="ownerId"/>'s organization by invitation.</summary>
    public static async Task<long> NewMemberAsync(this IGrainFactory grains, long ownerId)
    {
        var invitation = await grains.Coordinator().CreateInvitationAsync(ownerId, 1, 1);
        Assert.True(invitation.Succeeded, invitation.Message);
        var memberId = await TestUsers.RegisterAsync(grains, "Member");
        var joined = await grains.Coordinator().JoinAsync(memberId, invitation.Invitation!.Code);
        Assert.True(joined.Succeeded, joined.Message);
        return memberId;
    }
}
