using System.Text.Json;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>An owner's invitation arrives in the bot with [Join …] [Decline]; /leave asks before it acts and tells the owner.</summary>
[Collection(BotTelegramCollection.Name)]
public sealed class ConsentTests(BotTelegramFixture fixture)
{
    private IMembershipGrain Membership => fixture.Silo.Grains.GetGrain<IMembershipGrain>(0);

    [Fact]
    public async Task Invitation_ArrivesWithButtons_AndOnlyJoinMakesThemAMember()
    {
        var owner = await BotPeople.OwnerAsync(fixture);
        var invitee = await BotPeople.StandaloneAsync(fixture);

        await Membership.InviteMemberAsync(owner.Id, invitee.Id);
        var invitation = await ReceivedAsync(invitee, "invites you to join");

        Assert.Contains($"Org {owner.Id}", invitation.Text, StringComparison.Ordinal);
        var buttons = Buttons(invitation);
        Assert.Equal([$"Join Org {owner.Id}", "Decline"], buttons.Select(b => b.Text));
        Assert.Null(await OrgOfAsync(invitee));

        invitee.Press(invitation, buttons[0].Data);
        var joined = await invitee.ReplyAfterAsync(invitation.MessageId, m => m.Text.Contains("You joined", StringComparison.Ordinal));
        Assert.Contains($"Org {owner.Id}", joined.Text, StringComparison.Ordinal);
        await invitee.ReplyAfterAsync(joined.MessageId, m => m.Text.Contains("Password", StringComparison.Ordinal));
        Assert.NotNull(await OrgOfAsync(invitee));
    }

    [Fact]
    public async Task Decline_LeavesThemStandalone()
    {
        var owner = await BotPeople.OwnerAsync(fixture);
        var invitee = await BotPeople.StandaloneAsync(fixture);
        await Membership.InviteMemberAsync(owner.Id, invitee.Id);
        var invitation = await ReceivedAsync(invitee, "invites you to join");

        invitee.Press(invitation, Buttons(invitation)[1].Data);

        await invitee.ReplyAfterAsync(invitation.MessageId, m => m.Text.Contains("declined", StringComparison.Ordinal));
        Assert.Null(await OrgOfAsync(invitee));
    }

    [Fact]
    public async Task Leave_AsksFirst_ThenLeaves_AndTheOwnerIsTold()
    {
        var owner = await BotPeople.OwnerAsync(fixture);
        var member = await BotPeople.StandaloneAsync(fixture);
        await Membership.InviteMemberAsync(owner.Id, member.Id);
        var invitation = await ReceivedAsync(member, "invites you to join");
        member.Press(invitation, Buttons(invitation)[0].Data);
        await member.ReplyAfterAsync(invitation.MessageId, m => m.Text.Contains("You joined", StringComparison.Ordinal));

        var question = await member.SayAsync("/leave", m => m.ReplyMarkup is not null);

        Assert.Contains($"Leave <b>Org {owner.Id}</b>?", question.Text, StringComparison.Ordinal);
        Assert.NotNull(await OrgOfAsync(member));
        member.Press(question, Buttons(question)[0].Data);
        var left = await member.ReplyAfterAsync(question.MessageId, m => m.Text.Contains("You left", StringComparison.Ordinal));
        Assert.Contains("personal databases", left.Text, StringComparison.Ordinal);
        Assert.Null(await OrgOfAsync(member));
        var told = await ReceivedAsync(owner, "left <b>");
        Assert.Contains(member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), told.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leave_Stay_ChangesNothing_AndTheOwnerCannotLeave()
    {
        var member = await BotPeople.MemberAsync(fixture);
        var owner = await BotPeople.OwnerAsync(fixture);

        var question = await member.SayAsync("/leave", m => m.ReplyMarkup is not null);
        member.Press(question, Buttons(question)[1].Data);
        var ownerReply = await owner.SayAsync("/leave");

        Assert.Contains("owner cannot leave", ownerReply.Text, StringComparison.Ordinal);
        Assert.NotNull(await OrgOfAsync(member));
        Assert.NotNull(await OrgOfAsync(owner));
    }

    [Fact]
    public async Task HalfJoinedPerson_IsRepairedByTheirNextCommand()
    {
        var owner = await BotPeople.OwnerAsync(fixture);
        var person = await BotPeople.StandaloneAsync(fixture);
        var orgId = (await OrgOfAsync(owner))!;
        await fixture.Silo.Grains.GetGrain<IUserGrain>(person.Id).BeginMembershipAsync(orgId, UserRole.OrgMember);
        await fixture.Silo.Grains.GetGrain<IOrganizationGrain>(orgId).RecordMemberAsync(person.Id, UserRole.OrgMember);

        await person.SayAsync("/myinfo");

        Assert.DoesNotContain(await fixture.Silo.Grains.GetGrain<IOrganizationGrain>(orgId).GetMembersAsync(), m => m.UserId == person.Id);
        Assert.Null((await fixture.Silo.Grains.GetGrain<IUserGrain>(person.Id).GetInfoAsync())!.UnfinishedOrgId);
    }

    private Task<SentMessage> ReceivedAsync(BotUser user, string text) =>
        fixture.Telegram.WaitForSentMessageAsync(m => m.ChatId == user.Id && m.Text.Contains(text, StringComparison.Ordinal), BotTelegramFixture.Patience);

    private async Task<string?> OrgOfAsync(BotUser user) => (await fixture.Silo.Grains.GetGrain<IUserGrain>(user.Id).GetInfoAsync())?.OrgId;

    private static List<(string Text, string Data)> Buttons(SentMessage message)
    {
        using var markup = JsonDocument.Parse(message.ReplyMarkup!);
        return [.. markup.RootElement.GetProperty("inline_keyboard").EnumerateArray().SelectMany(row => row.EnumerateArray())
            .Select(button => (button.GetProperty("text").GetString()!, button.GetProperty("callback_data").GetString()!))];
    }
}
