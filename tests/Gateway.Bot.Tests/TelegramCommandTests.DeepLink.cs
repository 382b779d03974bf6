using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>The invitation link (<c>/start join_&lt;code&gt;</c>), /orginfo and /help as a member sees them.</summary>
public sealed partial class TelegramCommandTests
{
    [Fact]
    public async Task StartWithJoinLink_JoinsTheOrganization_ThenOrgInfoAndHelpShowIt()
    {
        var owner = await BotPeople.OwnerAsync(fixture);
        var code = (await fixture.Silo.Grains.GetGrain<IMembershipGrain>(0).CreateInvitationAsync(owner.Id, 1, 1)).Invitation!.Code;
        var newcomer = fixture.NewUser();

        await newcomer.SayAsync($"/start join_{code}", message => message.Text.Contains("You joined", StringComparison.Ordinal));
        var info = await newcomer.SayAsync("/orginfo", message => message.Text.Contains($"Org {owner.Id}", StringComparison.Ordinal));
        var help = await newcomer.SayAsync("/help", message => message.Text.Contains("Commands you can use", StringComparison.Ordinal));

        Assert.Equal(UserRole.OrgMember, (await fixture.Silo.Grains.GetGrain<IUserGrain>(newcomer.Id).GetInfoAsync())!.Role);
        Assert.Contains($"Org {owner.Id}", info.Text, StringComparison.Ordinal);
        Assert.Contains("/orginfo", help.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/invite", help.Text, StringComparison.Ordinal);
    }
}
