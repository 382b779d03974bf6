using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Gateway.Bot.Budgets;

/// <summary>Looks up what a budget refusal names: the asker's organization and its owner.</summary>
internal sealed class RefusalReaders(IGrainFactory grains, TimeProvider clock)
{
    /// <returns>Null unless <paramref name="answer"/> is a budget refusal.</returns>
    public async Task<RefusalReader?> ForAsync(long askerId, QuestionAnswer? answer)
    {
        if (answer is not { Outcome: QuestionOutcome.BudgetExhausted, Budget: { } refusal }) return null;
        var now = clock.GetUtcNow();
        var orgId = (await grains.GetGrain<IUserGrain>(askerId).GetInfoAsync())?.OrgId;
        if (orgId is null) return new RefusalReader(null, null, false, now);
        var organization = await grains.GetGrain<IOrganizationGrain>(orgId).GetInfoAsync();
        var ownerId = refusal.OwnerUserId ?? organization?.OwnerId;
        if (ownerId == askerId) return new RefusalReader(organization?.Name, null, true, now);
        var owner = ownerId is { } id ? await grains.GetGrain<IUserGrain>(id).GetInfoAsync() : null;
        return new RefusalReader(organization?.Name, owner?.Profile.FirstName, false, now);
    }
}
