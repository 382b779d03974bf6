using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Silo.Tests.Faults;

/// <summary>
/// Twenty people: two organizations of five (an owner who added the shop for the organization, four
/// members using it) and ten standalone users with the shop as a personal database. All registered
/// with /start through the bot; the rest set up through the grains.
/// </summary>
internal static class FaultUsers
{
    public const int Count = 20;
    private const int OrganizationSize = 5;
    private static readonly TimeSpan CommandLimit = TimeSpan.FromSeconds(30);

    /// <returns>Each user's info once set up: the state that must survive the kill.</returns>
    public static async Task<IReadOnlyList<UserInfo>> SetUpAsync(FakeTelegramServer telegram, ChatReplies replies, IGrainFactory grains, string shopUrl)
    {
        var firstId = 5_000_000 + Random.Shared.Next(1_000) * 100;
        var ids = Enumerable.Range(0, Count).Select(i => (long)(firstId + i)).ToArray();
        var starts = ids.Select(id => (Id: id, MessageId: telegram.EnqueueUserMessage(id, id, "/start"))).ToArray();
        foreach (var (id, messageId) in starts) await replies.WaitForAnyAsync(id, messageId, CommandLimit);

        await OrganizationAsync(grains, ids[..OrganizationSize], shopUrl);
        await OrganizationAsync(grains, ids[OrganizationSize..(2 * OrganizationSize)], shopUrl);
        foreach (var id in ids[(2 * OrganizationSize)..]) await SelectAsync(grains, id, await AddShopAsync(grains, id, shopUrl));

        var infos = await Task.WhenAll(ids.Select(id => grains.GetGrain<IUserGrain>(id).GetInfoAsync()));
        return [.. infos.Select(info => info ?? throw new Xunit.Sdk.XunitException("A user did not register through /start."))];
    }

    private static async Task OrganizationAsync(IGrainFactory grains, long[] people, string shopUrl)
    {
        var membership = grains.GetGrain<IMembershipGrain>(0);
        var owner = people[0];
        var created = await membership.CreateOrganizationAsync(owner, $"Fault Org {owner}");
        Assert.True(created.Succeeded, created.Message);
        var invitation = await membership.CreateInvitationAsync(owner, people.Length, 1);
        foreach (var member in people[1..])
        {
            var joined = await membership.JoinAsync(member, invitation.Invitation!.Code);
            Assert.True(joined.Succeeded, joined.Message);
        }
        var databaseId = await AddShopAsync(grains, owner, shopUrl);
        foreach (var person in people) await SelectAsync(grains, person, databaseId);
    }

    private static async Task<string> AddShopAsync(IGrainFactory grains, long userId, string shopUrl)
    {
        var added = await grains.GetGrain<IDatabasesGrain>(0).AddAsync(userId, "Shop", shopUrl);
        Assert.True(added.Succeeded, added.Message);
        return added.Database!.DatabaseId;
    }

    private static async Task SelectAsync(IGrainFactory grains, long userId, string databaseId)
    {
        var selected = await grains.GetGrain<IDatabasesGrain>(0).SelectAsync(userId, databaseId);
        Assert.True(selected.Succeeded, selected.Message);
    }
}
