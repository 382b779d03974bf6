using OrleansAssistant.Authorization;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>Telegram's command menu: each private chat lists what that person may run, and follows their role.</summary>
public sealed partial class TelegramCommandTests
{
    [Fact]
    public async Task DefaultMenu_ListsOnlyWhatEveryoneMayRun()
    {
        var menu = await fixture.Telegram.CommandMenuLog.WaitForAsync(menu => menu.ScopeType == "default", BotTelegramFixture.Patience, "default menu");

        Assert.Equal(["start", "help"], menu.Commands);
    }

    [Fact]
    public async Task Menu_FollowsTheRole_FromStartToCreateOrgToMemberToRemoval()
    {
        var owner = fixture.NewUser();
        await owner.SayAsync("/start");
        var newcomer = await MenuAsync(owner, _ => true);
        Assert.Equal(AvailableTo(new Principal(owner.Id, UserRole.User, null, false)), newcomer);
        Assert.DoesNotContain("invite", newcomer);
        Assert.DoesNotContain("org", newcomer);

        await owner.SayAsync("/createorg Menus", message => message.Text.Contains("created", StringComparison.Ordinal));
        var ownerMenu = await MenuAsync(owner, commands => commands.Contains("invite"));
        Assert.Contains("org", ownerMenu);
        Assert.DoesNotContain("createorg", ownerMenu);

        var code = (await fixture.Silo.Grains.GetGrain<IMembershipGrain>(0).CreateInvitationAsync(owner.Id, 1, 1)).Invitation!.Code;
        var member = fixture.NewUser();
        await member.SayAsync("/start");
        await member.SayAsync($"/join {code}", message => message.Text.Contains("You joined", StringComparison.Ordinal));
        var memberMenu = await MenuAsync(member, commands => commands.Contains("orginfo"));
        Assert.DoesNotContain("invite", memberMenu);
        Assert.DoesNotContain("org", memberMenu);
        Assert.DoesNotContain("join", memberMenu);

        // Removed on the dashboard: the bot hears nothing of it, so the member's next command brings the menu up to date.
        var removed = await fixture.Silo.Grains.GetGrain<IMembershipGrain>(0).RemoveMemberAsync(owner.Id, member.Id);
        Assert.True(removed.Succeeded, removed.Message);
        await member.SayAsync("/myinfo");
        var afterRemoval = await MenuAsync(member, commands => !commands.Contains("orginfo"));
        Assert.Equal(newcomer, afterRemoval);
    }

    [Fact]
    public async Task Menu_UnchangedRole_IsNotSetAgain()
    {
        var person = fixture.NewUser();
        await person.SayAsync("/start");
        await MenuAsync(person, _ => true);

        await person.SayAsync("/myinfo");
        await person.SayAsync("/help");

        Assert.Single(fixture.Telegram.CommandMenuLog.Snapshot(), menu => menu.ChatId == person.Id);
    }

    /// <summary>The first menu of the person's private chat that matches.</summary>
    private async Task<IReadOnlyList<string>> MenuAsync(BotUser user, Func<IReadOnlyList<string>, bool> matching) =>
        (await fixture.Telegram.CommandMenuLog.WaitForAsync(
            menu => menu.ScopeType == "chat" && menu.ChatId == user.Id && matching(menu.Commands),
            BotTelegramFixture.Patience, $"menu of chat {user.Id}")).Commands;

    private static List<string> AvailableTo(Principal principal) => [.. BotCommandCatalog.AvailableTo(principal).Select(command => command.Name)];
}
