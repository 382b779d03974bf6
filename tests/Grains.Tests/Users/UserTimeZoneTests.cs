using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Tests.Cluster;

namespace OrleansAssistant.Grains.Tests.Users;

[Collection(SiloCollection.Name)]
public sealed class UserTimeZoneTests(SiloFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task NewUser_IsOnUtc()
    {
        var id = await TestUsers.RegisterAsync(Grains);

        Assert.Equal("UTC", (await Grains.GetGrain<IUserGrain>(id).GetInfoAsync())!.TimeZone);
    }

    [Fact]
    public async Task SetTimeZone_IanaName_IsStoredAndSurvivesReactivation()
    {
        var id = await TestUsers.RegisterAsync(Grains);
        var user = Grains.GetGrain<IUserGrain>(id);

        Assert.Equal(TimeZoneChange.Changed, await user.SetTimeZoneAsync("Europe/Berlin"));
        await GrainDeactivation.DeactivateAndWaitAsync(Grains, user);

        Assert.Equal("Europe/Berlin", (await user.GetInfoAsync())!.TimeZone);
        Assert.Equal(TimeZoneChange.Unchanged, await user.SetTimeZoneAsync("Europe/Berlin"));
    }

    [Theory]
    [InlineData("Europe/Atlantis")]
    [InlineData("CET Berlin")]
    [InlineData("")]
    public async Task SetTimeZone_UnknownName_IsRefusedAndChangesNothing(string zone)
    {
        var id = await TestUsers.RegisterAsync(Grains);
        var user = Grains.GetGrain<IUserGrain>(id);
        await user.SetTimeZoneAsync("America/New_York");

        Assert.Equal(TimeZoneChange.UnknownTimeZone, await user.SetTimeZoneAsync(zone));
        Assert.Equal("America/New_York", (await user.GetInfoAsync())!.TimeZone);
    }

    [Fact]
    public async Task SetTimeZone_NeverRegistered_IsRefusedAndRegistersNobody()
    {
        var user = Grains.GetGrain<IUserGrain>(TestUsers.NewId());

        Assert.Equal(TimeZoneChange.NotRegistered, await user.SetTimeZoneAsync("Europe/Berlin"));
        Assert.Null(await user.GetInfoAsync());
    }
}
