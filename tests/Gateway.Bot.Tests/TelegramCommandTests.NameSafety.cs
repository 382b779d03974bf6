using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>NameSafetyTests for the bot: an organization name with a hidden character is refused and nothing is created.</summary>
public sealed partial class TelegramCommandTests
{
    [Theory]
    [InlineData("\u202E")]
    [InlineData("\u200B")]
    [InlineData("\u2066")]
    public async Task NameSafety_CreateOrgWithAHiddenCharacter_IsRefused_AndNoOrganizationIsMade(string hidden)
    {
        var user = fixture.NewUser();
        await user.SayAsync("/start");

        await user.SayAsync($"/createorg Acme{hidden}Corp",
            message => message.Text.Contains("The organization name contains invisible or text-direction characters", StringComparison.Ordinal));

        var info = await fixture.Silo.Grains.GetGrain<IUserGrain>(user.Id).GetInfoAsync();
        Assert.Null(info!.OrgId);
        Assert.Null(info.UnfinishedOrgId);
    }
}
