using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>The owner's /org menu and /myinfo: each shows what the organization really holds.</summary>
public sealed partial class TelegramCommandTests
{
    [Fact]
    public async Task Owner_OrgMenuButtons_EachShowTheirList()
    {
        var owner = await BotPeople.OwnerAsync(fixture);
        var invitation = await fixture.Silo.Grains.GetGrain<IMembershipGrain>(0).CreateInvitationAsync(owner.Id, 3, 7);
        var invitee = await BotPeople.StandaloneAsync(fixture);
        await fixture.Silo.Grains.GetGrain<IMembershipGrain>(0).InviteMemberAsync(owner.Id, invitee.Id);
        var shop = await BotShopDatabase.CreateAsync(fixture.SqliteFolder);
        await owner.SayAsync($"/adddb Warehouse sqlite:///{shop}");
        var menu = await owner.SayAsync("/org", message => message.ReplyMarkup is not null);
        var buttons = Buttons(menu).ToDictionary(button => button.Text, button => button.Data);

        var members = await PressAsync(owner, menu, buttons["Members"]);
        Assert.Contains("Members (1)", members.Text, StringComparison.Ordinal);
        Assert.Contains($"@user{owner.Id}", members.Text, StringComparison.Ordinal);
        Assert.Contains("owner", members.Text, StringComparison.Ordinal);

        var invitations = await PressAsync(owner, menu, buttons["Invite"]);
        Assert.Contains("Invitations", invitations.Text, StringComparison.Ordinal);
        Assert.Contains(invitation.Invitation!.Code, invitations.Text, StringComparison.Ordinal);
        Assert.Contains("used 0/3", invitations.Text, StringComparison.Ordinal);
        // The personal invitation sent by id is listed too, saying whom it is for.
        Assert.Contains($"(@user{invitee.Id}) — Active, used 0/1", invitations.Text, StringComparison.Ordinal);

        var databases = await PressAsync(owner, menu, buttons["Databases"]);
        Assert.Contains("Databases", databases.Text, StringComparison.Ordinal);
        Assert.Contains("<b>Warehouse</b>", databases.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Member_MyInfo_ShowsRoleAndOrganization()
    {
        var owner = await BotPeople.OwnerAsync(fixture);
        var invitation = await fixture.Silo.Grains.GetGrain<IMembershipGrain>(0).CreateInvitationAsync(owner.Id, 1, 1);
        var member = await BotPeople.StandaloneAsync(fixture);
        await member.SayAsync($"/join {invitation.Invitation!.Code}");

        var ownerInfo = await owner.SayAsync("/myinfo");
        var memberInfo = await member.SayAsync("/myinfo");

        Assert.Contains("Role: organization owner", ownerInfo.Text, StringComparison.Ordinal);
        Assert.Contains($"Organization: Org {owner.Id}", ownerInfo.Text, StringComparison.Ordinal);
        Assert.Contains("Role: organization member", memberInfo.Text, StringComparison.Ordinal);
        Assert.Contains($"Organization: Org {owner.Id}", memberInfo.Text, StringComparison.Ordinal);
    }

    /// <returns>The first message the bot sends after the press.</returns>
    private async Task<SentMessage> PressAsync(BotUser user, SentMessage menu, string data)
    {
        var lastBefore = fixture.Telegram.SentMessages.Where(message => message.ChatId == user.Id).Max(message => message.MessageId);
        user.Press(menu, data);
        return await user.ReplyAfterAsync(lastBefore);
    }
}
