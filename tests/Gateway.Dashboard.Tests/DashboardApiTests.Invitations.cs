using System.Net;
using System.Text.Json;
using OrleansAssistant.Grains.Interfaces.Organizations;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

public sealed partial class DashboardApiTests
{
    [Fact]
    public async Task CreateInvitation_Defaults_IsActiveForFiveUsesAndSevenDays()
    {
        var org = await host.NewOrganizationAsync();
        var owner = await OwnerAsync(org);

        var invitation = (await owner.PostAnswerAsync("/dashboard/invitations/create")).Expect(HttpStatusCode.Created).Json;

        var code = invitation.GetProperty("code").GetString()!;
        Assert.Equal(5, invitation.GetProperty("maxUses").GetInt32());
        Assert.Equal(0, invitation.GetProperty("uses").GetInt32());
        Assert.Equal("Active", invitation.GetProperty("status").GetString());
        Assert.Equal($"/join {code}", invitation.GetProperty("joinCommand").GetString());
        Assert.Equal(TimeSpan.FromDays(7), invitation.GetProperty("expiresAt").GetDateTimeOffset() - invitation.GetProperty("createdAt").GetDateTimeOffset());
        var listed = Assert.Single(await InvitationsAsync(owner));
        Assert.Equal(code, listed.GetProperty("code").GetString());
        Assert.Equal("Active", listed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task CreateInvitation_ChosenLimits_AreKept()
    {
        var org = await host.NewOrganizationAsync();
        var owner = await OwnerAsync(org);

        var invitation = (await owner.PostAnswerAsync("/dashboard/invitations/create", new { maxUses = 1000, validDays = 90 })).Expect(HttpStatusCode.Created).Json;

        Assert.Equal(1000, invitation.GetProperty("maxUses").GetInt32());
        Assert.Equal(TimeSpan.FromDays(90), invitation.GetProperty("expiresAt").GetDateTimeOffset() - invitation.GetProperty("createdAt").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("{\"maxUses\":0}", "maxUses")]
    [InlineData("{\"maxUses\":1001}", "maxUses")]
    [InlineData("{\"validDays\":91}", "validDays")]
    [InlineData("{\"validDays\":0}", "validDays")]
    public async Task CreateInvitation_OutOfRange_IsAnInputProblemAndCreatesNothing(string body, string field)
    {
        var org = await host.NewOrganizationAsync();
        var owner = await OwnerAsync(org);

        AssertInputProblem(await owner.PostAnswerAsync("/dashboard/invitations/create", body), field);

        Assert.Empty(await InvitationsAsync(owner));
    }

    [Fact]
    public async Task RevokeInvitation_ShowsRevoked()
    {
        var org = await host.NewOrganizationAsync();
        var invitation = await host.CreateInvitationAsync(org.OwnerId);
        var owner = await OwnerAsync(org);

        var revoked = (await owner.DeleteAnswerAsync($"/dashboard/invitations/revoke?code={invitation.Code}")).Expect(HttpStatusCode.OK).Json;

        Assert.Equal("Revoked", revoked.GetProperty("status").GetString());
        Assert.Equal("Revoked", Assert.Single(await InvitationsAsync(owner)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task RevokeInvitation_UnknownCode_IsNotFound()
    {
        var org = await host.NewOrganizationAsync();
        var owner = await OwnerAsync(org);

        AssertProblem(await owner.DeleteAnswerAsync("/dashboard/invitations/revoke?code=NoSuchCode12"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?code=short")]
    [InlineData("?code=has%20spaces%20in")]
    public async Task RevokeInvitation_MalformedCode_IsAnInputProblem(string query)
    {
        var org = await host.NewOrganizationAsync();
        var owner = await OwnerAsync(org);

        AssertInputProblem(await owner.DeleteAnswerAsync("/dashboard/invitations/revoke" + query), "code");
    }

    [Fact]
    public async Task Invitation_PastItsDays_ShowsExpired()
    {
        var org = await host.NewOrganizationAsync();
        await host.CreateInvitationAsync(org.OwnerId);

        host.Clock.Advance(TimeSpan.FromDays(8));

        var owner = await OwnerAsync(org);
        Assert.Equal("Expired", Assert.Single(await InvitationsAsync(owner)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task InvitationById_IsListedWithWhomItWasSentTo_AndRevokingItStopsTheJoin()
    {
        var org = await host.NewOrganizationAsync();
        var inviteeId = await host.NewUserAsync("Ines");
        var code = await host.InviteByIdAsync(org.OwnerId, inviteeId);
        var owner = await OwnerAsync(org);

        var listed = Assert.Single(await InvitationsAsync(owner), invitation => invitation.GetProperty("code").GetString() == code);
        Assert.Equal((inviteeId, "Ines", "Active"),
            (listed.GetProperty("invitee").GetInt64(), listed.GetProperty("inviteeName").GetString(), listed.GetProperty("status").GetString()));

        (await owner.DeleteAnswerAsync($"/dashboard/invitations/revoke?code={code}")).Expect(HttpStatusCode.OK);

        var joined = await host.Membership().JoinAsync(inviteeId, code);
        Assert.False(joined.Succeeded);
        Assert.DoesNotContain(inviteeId, (await host.Grains.GetGrain<IOrganizationGrain>(org.OrgId).GetMembersAsync()).Select(member => member.UserId));
        // Another organization's owner can neither see nor revoke it.
        var other = await OwnerAsync(await host.NewOrganizationAsync("Other"));
        Assert.DoesNotContain(await InvitationsAsync(other), invitation => invitation.GetProperty("code").GetString() == code);
        (await other.DeleteAnswerAsync($"/dashboard/invitations/revoke?code={code}")).Expect(HttpStatusCode.NotFound);
    }

    private static async Task<List<JsonElement>> InvitationsAsync(HttpClient owner) =>
        [.. (await owner.GetAnswerAsync("/dashboard/invitations")).Expect(HttpStatusCode.OK).Json.EnumerateArray()];
}
