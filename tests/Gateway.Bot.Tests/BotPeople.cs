using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>Sets people up through the grains directly, for tests about what happens after the set-up.</summary>
public static class BotPeople
{
    public static async Task<BotUser> StandaloneAsync(BotTelegramFixture fixture)
    {
        var user = fixture.NewUser();
        await fixture.Silo.Grains.GetGrain<IUserGrain>(user.Id).RegisterAsync(new TelegramProfile(user.Id, $"user{user.Id}", $"User{user.Id}", null, "en"));
        return user;
    }

    public static async Task<BotUser> OwnerAsync(BotTelegramFixture fixture)
    {
        var owner = await StandaloneAsync(fixture);
        var created = await Membership(fixture).CreateOrganizationAsync(owner.Id, $"Org {owner.Id}");
        Assert.True(created.Succeeded, created.Message);
        return owner;
    }

    public static async Task<BotUser> MemberAsync(BotTelegramFixture fixture)
    {
        var owner = await OwnerAsync(fixture);
        var invitation = await Membership(fixture).CreateInvitationAsync(owner.Id, 1, 1);
        var member = await StandaloneAsync(fixture);
        var joined = await Membership(fixture).JoinAsync(member.Id, invitation.Invitation!.Code);
        Assert.True(joined.Succeeded, joined.Message);
        return member;
    }

    /// <summary>A standalone user with their own shop database selected, ready to ask.</summary>
    public static async Task<BotUser> AskerAsync(BotTelegramFixture fixture)
    {
        var asker = await StandaloneAsync(fixture);
        var databases = fixture.Silo.Grains.GetGrain<IDatabasesGrain>(0);
        var added = await databases.AddAsync(asker.Id, "Shop", $"sqlite:///{await BotShopDatabase.CreateAsync(fixture.SqliteFolder)}");
        Assert.True(added.Succeeded, added.Message);
        var selected = await databases.SelectAsync(asker.Id, added.Database!.DatabaseId);
        Assert.True(selected.Succeeded, selected.Message);
        return asker;
    }

    private static IMembershipGrain Membership(BotTelegramFixture fixture) => fixture.Silo.Grains.GetGrain<IMembershipGrain>(0);
}
