using OrleansAssistant.Authorization;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>/timezone: the clock a person's schedules run on, shown, set, refused when unknown, and listed in /myinfo.</summary>
public sealed partial class TelegramCommandTests
{
    [Fact]
    public async Task TimeZone_Alone_ShowsUtcAndHowToChangeIt()
    {
        var user = await BotPeople.StandaloneAsync(fixture);

        var shown = await user.SayAsync("/timezone");

        Assert.Contains("Your time zone: <code>UTC</code>", shown.Text, StringComparison.Ordinal);
        Assert.Contains("/timezone &lt;IANA name&gt;", shown.Text, StringComparison.Ordinal);
        Assert.Contains("Europe/Berlin", shown.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimeZone_IanaName_IsSet_ShownAfterwards_AndInMyInfo()
    {
        var user = await BotPeople.MemberAsync(fixture);

        var set = await user.SayAsync("/timezone Europe/Berlin");
        Assert.Contains("Your time zone is now <code>Europe/Berlin</code>", set.Text, StringComparison.Ordinal);

        Assert.Contains("Your time zone: <code>Europe/Berlin</code>", (await user.SayAsync("/timezone")).Text, StringComparison.Ordinal);
        Assert.Contains("Time zone: <code>Europe/Berlin</code>", (await user.SayAsync("/myinfo")).Text, StringComparison.Ordinal);
        Assert.Equal("Europe/Berlin", (await fixture.Silo.Grains.GetGrain<IUserGrain>(user.Id).GetInfoAsync())!.TimeZone);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Berlin")]
    [InlineData("Central European Time")]
    public async Task TimeZone_UnknownName_IsRefusedWithExamples_AndChangesNothing(string name)
    {
        var user = await BotPeople.StandaloneAsync(fixture);
        await user.SayAsync("/timezone America/New_York");

        var refused = await user.SayAsync($"/timezone {name}");

        Assert.Contains($"I don't know the time zone <code>{name}</code>", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Europe/Berlin", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Your time zone is still <code>America/New_York</code>", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Time zone: <code>America/New_York</code>", (await user.SayAsync("/myinfo")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimeZone_BeforeStart_AsksToRegisterFirst()
    {
        var stranger = fixture.NewUser();

        Assert.Equal(Refusals.NotRegistered, (await stranger.SayAsync("/timezone Europe/Berlin")).Text);
        Assert.Null(await fixture.Silo.Grains.GetGrain<IUserGrain>(stranger.Id).GetInfoAsync());
    }

    [Fact]
    public async Task Help_ListsTimeZone()
    {
        var user = await BotPeople.StandaloneAsync(fixture);

        Assert.Contains("/timezone &lt;IANA name&gt;", (await user.SayAsync("/help")).Text, StringComparison.Ordinal);
    }
}
