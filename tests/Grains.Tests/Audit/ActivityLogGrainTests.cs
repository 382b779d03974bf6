using OrleansAssistant.Grains.Audit;
using OrleansAssistant.Grains.Interfaces.Audit;
using OrleansAssistant.Grains.Tests.Cluster;

namespace OrleansAssistant.Grains.Tests.Audit;

[Collection(SiloCollection.Name)]
public sealed class ActivityLogGrainTests(SiloFixture fixture)
{
    [Fact]
    public async Task List_GivesWhatTheGrainsLoggedForTheOrganization_NewestFirst()
    {
        var (ownerId, orgId) = await fixture.Grains.NewOrganizationAsync();
        var memberId = await fixture.Grains.NewMemberAsync(ownerId);

        var page = await fixture.Grains.GetGrain<IActivityLogGrain>(0).ListAsync(orgId, new ActivityQuery(null, null, 1, 50));

        Assert.Equal(page.Total, page.Entries.Count);
        Assert.Contains(page.Entries, entry => entry.EventType == ActivityEvents.OrganizationCreated && entry.UserId == ownerId);
        Assert.Contains(page.Entries, entry => entry.EventType == ActivityEvents.MemberJoined && entry.UserId == memberId);
        Assert.Equal(page.Entries.OrderByDescending(entry => entry.OccurredAt).ThenByDescending(entry => entry.Id), page.Entries);
    }
}
