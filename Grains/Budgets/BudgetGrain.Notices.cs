using Microsoft.Extensions.Logging;
using OrleansAssistant.Grains.Interfaces.Budgets;

namespace OrleansAssistant.Grains.Budgets;

/// <summary>What the budget tells people in Telegram: 80 % of a month used (once per month), a chosen model that lost its price (once).</summary>
public sealed partial class BudgetGrain
{
    private const string NearLimitPrefix = "near:";

    /// <summary>
    /// After a cost was counted: the account's owner (the person, for a personal account) is told when the month reaches the warning
    /// share; for a member's own budget, the member and the owner.
    /// </summary>
    private async Task WarnWhenNearAsync(SpendWindow window, long userId)
    {
        var period = window.Period;
        var recipient = Account.IsOrganization ? _organization?.OwnerId : Account.UserId;
        if (AccountLimit is { } limit && recipient is { } to && window.Spent >= limit * policy.WarnAtShare)
        {
            await TellOnceAsync($"{NearLimitPrefix}{period.Key}:account:{to}", Near(to, AccountScope, limit, window.Spent, period, null));
        }
        if (!Account.IsOrganization || !State.MemberLimits.TryGetValue(userId, out var own) || window.SpentBy(userId) < own * policy.WarnAtShare) return;
        foreach (var person in new[] { userId, _organization?.OwnerId ?? userId }.Distinct())
        {
            await TellOnceAsync($"{NearLimitPrefix}{period.Key}:member:{userId}:{person}",
                Near(person, BudgetScope.Member, own, window.SpentBy(userId), period, userId));
        }
    }

    private BudgetNotice Near(long recipient, BudgetScope scope, decimal limit, decimal spent, SpendPeriod period, long? member) =>
        new(0, recipient, BudgetNoticeKind.NearLimit, scope, _organization?.Name, limit, spent, period.EndsAt, member);

    private Task TellFallbackOnceAsync(string stage, string chosen, string fallback)
    {
        if (_organization?.OwnerId is not { } owner) return Task.CompletedTask;
        LogFallback(logger, this.GetPrimaryKeyString(), stage, chosen, fallback);
        return TellOnceAsync($"fallback:{stage}:{chosen}",
            new BudgetNotice(0, owner, BudgetNoticeKind.ModelFallback, BudgetScope.Organization, _organization.Name, Stage: stage, ChosenModel: chosen,
                FallbackModel: fallback));
    }

    /// <summary>Writes the notice unless this occasion was told before: the state spares the insert, the table's unique key decides.</summary>
    private async Task TellOnceAsync(string occasion, BudgetNotice notice)
    {
        if (State.Told.Contains(occasion)) return;
        await notices.AddOnceAsync($"{this.GetPrimaryKeyString()}:{occasion}", notice, CancellationToken.None);
        State.Told.Add(occasion);
        await budget.WriteStateAsync();
    }

    [LoggerMessage(2, LogLevel.Warning, "Budget {Budget}: the chosen {Stage} model {Chosen} has no price in force; the stage uses {Fallback}")]
    private static partial void LogFallback(ILogger logger, string budget, string stage, string chosen, string fallback);
}
