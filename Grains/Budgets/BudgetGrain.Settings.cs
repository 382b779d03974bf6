using System.Globalization;
using OrleansAssistant.Grains.Audit;
using OrleansAssistant.Grains.Interfaces.Budgets;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Schedules.Rhythm;

namespace OrleansAssistant.Grains.Budgets;

/// <summary>What people see of a budget and what an organization's owner sets: the limit, the zone, members' limits, the models.</summary>
public sealed partial class BudgetGrain
{
    public async Task<BudgetStatus?> GetStatusAsync(Principal caller)
    {
        if (!IsOfAccount(caller)) return null;
        var now = timeProvider.GetUtcNow();
        var window = await WindowAsync(now);
        var member = Account.IsOrganization && State.MemberLimits.TryGetValue(caller.UserId, out var own)
            ? new BudgetLine(BudgetScope.Member, own, window.CommittedBy(caller.UserId))
            : null;
        return Status(window, now, member);
    }

    private BudgetStatus Status(SpendWindow window, DateTimeOffset now, BudgetLine? member) =>
        new(window.Period.Key, ZoneId, window.Period.EndsAt, window.Period.DaysToReset(now), new BudgetLine(AccountScope, AccountLimit, window.Committed), member);

    public async Task<BudgetSettings?> GetSettingsAsync(Principal caller)
    {
        if (Check(caller) != BudgetChange.Changed) return null;
        var now = timeProvider.GetUtcNow();
        var window = await WindowAsync(now);
        var members = await Organization.GetMembersAsync();
        var priced = await prices.InForceAsync(now, CancellationToken.None);
        return new BudgetSettings(State.MonthlyLimitUsd, ZoneId, Status(window, now, null),
            [.. members.Select(member => new MemberBudget(member.UserId, State.MemberLimits.TryGetValue(member.UserId, out var own) ? own : null,
                window.SpentBy(member.UserId)))],
            new ChosenModels(State.SummaryModel, State.AnswerModel, State.EmailModel), await ModelsAsync(now), Defaults,
            [.. priced.Select(price => new PricedModel(price.Model, price.InputPerMillion, price.OutputPerMillion))]);
    }

    public async Task<MonthSpendSeries?> GetMonthSeriesAsync(Principal caller)
    {
        if (Check(caller) != BudgetChange.Changed) return null;
        var now = timeProvider.GetUtcNow();
        var period = (await WindowAsync(now)).Period;
        var zone = Zone;
        var byDay = (await ledger.CostsAsync(Account, period, CancellationToken.None))
            .GroupBy(cost => TimeZoneInfo.ConvertTime(cost.StartedAt, zone).Day)
            .ToDictionary(day => day.Key, day => day.Sum(cost => cost.Usd));
        var today = TimeZoneInfo.ConvertTime(now, zone);
        var days = new List<DaySpend>();
        var cumulative = 0m;
        for (var day = 1; day <= today.Day; day++)
        {
            var spent = byDay.GetValueOrDefault(day);
            cumulative += spent;
            days.Add(new DaySpend(day, spent, cumulative));
        }
        return new MonthSpendSeries(period.Key, ZoneId, DateTime.DaysInMonth(today.Year, today.Month), State.MonthlyLimitUsd, days);
    }

    public async Task<BudgetChange> SetMonthlyLimitAsync(Principal caller, decimal? limitUsd)
    {
        if (Check(caller, limitUsd) is var problem and not BudgetChange.Changed) return problem;
        var before = State.MonthlyLimitUsd;
        State.MonthlyLimitUsd = limitUsd;
        return await SavedAsync(caller, ActivityEvents.BudgetChanged, new() { ["scope"] = nameof(BudgetScope.Organization), ["fromUsd"] = before, ["toUsd"] = limitUsd });
    }

    public async Task<BudgetChange> SetMemberLimitAsync(Principal caller, long memberUserId, decimal? limitUsd)
    {
        if (Check(caller, limitUsd) is var problem and not BudgetChange.Changed) return problem;
        var members = await Organization.GetMembersAsync();
        if (members.All(member => member.UserId != memberUserId)) return BudgetChange.NotAMember;
        decimal? before = State.MemberLimits.TryGetValue(memberUserId, out var own) ? own : null;
        if (limitUsd is { } limit) State.MemberLimits[memberUserId] = limit;
        else State.MemberLimits.Remove(memberUserId);
        return await SavedAsync(caller, ActivityEvents.BudgetChanged, new()
        {
            ["scope"] = nameof(BudgetScope.Member), ["member"] = memberUserId, ["fromUsd"] = before, ["toUsd"] = limitUsd,
        });
    }

    public async Task<BudgetChange> SetTimeZoneAsync(Principal caller, string timeZone)
    {
        if (Check(caller) is var problem and not BudgetChange.Changed) return problem;
        if (!ScheduleTimeZones.TryFind(timeZone, out _)) return BudgetChange.UnknownTimeZone;
        var before = ZoneId;
        State.TimeZone = timeZone;
        return await SavedAsync(caller, ActivityEvents.BudgetChanged, new() { ["timeZoneFrom"] = before, ["timeZoneTo"] = timeZone });
    }

    public async Task<BudgetChange> SetModelsAsync(Principal caller, ChosenModels models)
    {
        if (Check(caller) is var problem and not BudgetChange.Changed) return problem;
        var now = timeProvider.GetUtcNow();
        var chosen = new[] { models.Summary, models.Answer, models.Email }.Select(model => string.IsNullOrWhiteSpace(model) ? null : model.Trim()).ToArray();
        foreach (var model in chosen)
        {
            if (model is not null && await prices.PriceAtAsync(model, now, CancellationToken.None) is null) return BudgetChange.UnpricedModel;
        }
        (State.SummaryModel, State.AnswerModel, State.EmailModel) = (chosen[0], chosen[1], chosen[2]);
        // A model chosen again may lose its price again: that is a new occasion to tell.
        State.Told.RemoveWhere(key => key.StartsWith("fallback:", StringComparison.Ordinal));
        return await SavedAsync(caller, ActivityEvents.ModelsChanged, new()
        {
            ["summary"] = State.SummaryModel, ["answer"] = State.AnswerModel, ["email"] = State.EmailModel,
        });
    }

    /// <summary>Changed when <paramref name="caller"/> may change this organization's settings (and the amount, if any, is a budget).</summary>
    private BudgetChange Check(Principal caller, decimal? amount = null)
    {
        if (!Account.IsOrganization || caller.OrgId != Account.OrgId) return BudgetChange.NotFound;
        if (caller.Role != UserRole.OrgOwner) return BudgetChange.NotAllowed;
        return amount is { } usd && !BudgetLimits.IsValid(usd) ? BudgetChange.InvalidAmount : BudgetChange.Changed;
    }

    private bool IsOfAccount(Principal caller) =>
        Account.IsOrganization ? caller.OrgId == Account.OrgId : caller.OrgId is null && caller.UserId == Account.UserId;

    private async Task<BudgetChange> SavedAsync(Principal caller, string activityEvent, Dictionary<string, object?> details)
    {
        await budget.WriteStateAsync();
        await activity.AppendAsync(new ActivityEntry(activityEvent, caller.UserId, Account.OrgId, "budget", Account.OrgId, details));
        return BudgetChange.Changed;
    }
}
