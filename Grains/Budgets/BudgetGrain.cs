using Microsoft.Extensions.Logging;
using OrleansAssistant.Grains.Audit;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Budgets;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Llm;
using OrleansAssistant.Grains.Schedules.Rhythm;
using OrleansAssistant.Grains.Storage;

namespace OrleansAssistant.Grains.Budgets;

/// <summary>
/// One account's month: reserve before a question's first model call, settle after its cost is in the ledger. Calls are taken
/// one at a time, so fifty questions racing for the last dollars are admitted one after another against one number: each is
/// admitted while spent plus reserved is under the limit, so the month overshoots by at most one question's reservation.
/// </summary>
public sealed partial class BudgetGrain(
    [PersistentState(StorageNames.States.Budget, StorageNames.Grains)] IPersistentState<BudgetState> budget,
    BudgetPolicy policy,
    BudgetLedger ledger,
    SpendPricing pricing,
    PriceBook prices,
    ModelSettings modelSettings,
    BudgetNoticeStore notices,
    ActivityLog activity,
    TimeProvider timeProvider,
    ILogger<BudgetGrain> logger) : Grain, IBudgetGrain
{
    private BudgetAccount? _account;
    private SpendWindow? _window;

    private BudgetState State => budget.State;

    private BudgetAccount Account => _account ??= BudgetAccount.FromKey(this.GetPrimaryKeyString());

    private StageModels Defaults => new(modelSettings.SummaryModel, modelSettings.AnswerModel, modelSettings.EmailModel);

    /// <summary>The account's monthly limit: the owner's for an organization, the operator's default for a person.</summary>
    private decimal? AccountLimit => Account.IsOrganization ? State.MonthlyLimitUsd : policy.PersonalMonthlyUsd;

    private BudgetScope AccountScope => Account.IsOrganization ? BudgetScope.Organization : BudgetScope.Personal;

    public async Task<SpendAdmission> ReserveAsync(SpendRequest request)
    {
        var now = timeProvider.GetUtcNow();
        if (!Account.IsOrganization) await RememberZoneAsync(request.TimeZone);
        var window = await WindowAsync(now);
        var models = await ModelsAsync(now);
        var refusal = LimitReached(window, request.UserId);
        var estimate = await pricing.PriceAsync(models, request.Estimate, now, CancellationToken.None);
        if (refusal is null && policy.InstallationDailyUsd is not null)
        {
            refusal = await GrainFactory.GetGrain<IInstallationBudgetGrain>(0).ReserveAsync(request.ConversationId, estimate);
        }
        if (refusal is not null)
        {
            LogRefused(logger, this.GetPrimaryKeyString(), request.UserId, refusal.Scope, refusal.SpentUsd, refusal.LimitUsd);
            await activity.AppendAsync(new ActivityEntry(ActivityEvents.BudgetRefused, request.UserId, Account.OrgId, "conversation", request.ConversationId,
                new Dictionary<string, object?> { ["scope"] = refusal.Scope.ToString(), ["limitUsd"] = refusal.LimitUsd, ["spentUsd"] = refusal.SpentUsd }));
            return SpendAdmission.Refused(models, refusal);
        }
        // The conversation names the reservation: a gateway repeating the request replaces it rather than holding twice.
        window.Reserve(request.ConversationId, request.UserId, estimate, now + policy.ReservationLifetime);
        return SpendAdmission.Granted(models, request.ConversationId, estimate);
    }

    public async Task SettleAsync(SpendSettlement settlement)
    {
        var now = timeProvider.GetUtcNow();
        var window = await WindowAsync(now);
        var added = window.Settle(settlement);
        if (policy.InstallationDailyUsd is not null) await GrainFactory.GetGrain<IInstallationBudgetGrain>(0).SettleAsync(settlement);
        if (added) await WarnWhenNearAsync(window, settlement.UserId);
    }

    /// <summary>The first limit the spend (running questions included) has reached: the account's, then the member's own.</summary>
    private BudgetRefusal? LimitReached(SpendWindow window, long userId)
    {
        if (AccountLimit is { } limit && window.Committed >= limit) return Refusal(AccountScope, limit, window.Committed, window);
        if (Account.IsOrganization && State.MemberLimits.TryGetValue(userId, out var own) && window.CommittedBy(userId) >= own)
        {
            return Refusal(BudgetScope.Member, own, window.CommittedBy(userId), window);
        }
        return null;
    }

    private BudgetRefusal Refusal(BudgetScope scope, decimal limit, decimal spent, SpendWindow window) =>
        new(scope, limit, spent, window.Period.EndsAt, ZoneId, _organization?.OwnerId);

    /// <summary>
    /// The current month, read from the ledger when it begins, when the zone changes, when a reservation lapsed (its cost may be in
    /// the ledger by now), once more a settle lag after the first read, and every <see cref="BudgetPolicy.ReconcileEvery"/>.
    /// </summary>
    private async Task<SpendWindow> WindowAsync(DateTimeOffset now)
    {
        var period = SpendPeriod.MonthOf(now, Zone);
        if (_window is null || _window.Period != period)
        {
            _window = new SpendWindow(period);
            ForgetOtherMonths(period);
        }
        else if (!_window.DropLapsed(now) && now - _window.ReadAt < policy.ReadAgainAfter(_window))
        {
            return _window;
        }
        var cutoff = now - policy.SettleLag;
        _window.Load(await ledger.SpentByUserAsync(Account, period, cutoff, CancellationToken.None), cutoff, now);
        if (Account.IsOrganization) _organization = await Organization.GetInfoAsync();
        return _window;
    }

    private OrganizationInfo? _organization;

    private IOrganizationGrain Organization => GrainFactory.GetGrain<IOrganizationGrain>(Account.OrgId!);

    private string ZoneId => State.TimeZone ?? "UTC";

    private TimeZoneInfo Zone => ScheduleTimeZones.TryFind(State.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>A person's month follows their own zone (<c>/timezone</c>); a change starts the month anew in it.</summary>
    private async Task RememberZoneAsync(string? timeZone)
    {
        if (timeZone is null || timeZone == State.TimeZone || !ScheduleTimeZones.TryFind(timeZone, out _)) return;
        State.TimeZone = timeZone;
        await budget.WriteStateAsync();
    }

    private void ForgetOtherMonths(SpendPeriod period) =>
        State.Told.RemoveWhere(key => key.StartsWith(NearLimitPrefix, StringComparison.Ordinal) && !key.Contains($":{period.Key}:", StringComparison.Ordinal));

    /// <summary>The models the stages use: an organization's choice while it has a price in force, else the installation's default.</summary>
    private async Task<StageModels> ModelsAsync(DateTimeOffset now)
    {
        var defaults = Defaults;
        if (!Account.IsOrganization) return defaults;
        return new StageModels(
            await InForceAsync(nameof(StageModels.Summary), State.SummaryModel, defaults.Summary, now),
            await InForceAsync(nameof(StageModels.Answer), State.AnswerModel, defaults.Answer, now),
            await InForceAsync(nameof(StageModels.Email), State.EmailModel, defaults.Email, now));
    }

    private async Task<string> InForceAsync(string stage, string? chosen, string fallback, DateTimeOffset now)
    {
        if (chosen is null || chosen == fallback) return fallback;
        if (await prices.PriceAtAsync(chosen, now, CancellationToken.None) is not null) return chosen;
        await TellFallbackOnceAsync(stage, chosen, fallback);
        return fallback;
    }

    [LoggerMessage(1, LogLevel.Information, "Budget {Budget} refused a question of user {UserId}: {Scope} limit {LimitUsd} USD, {SpentUsd} USD spent or reserved")]
    private static partial void LogRefused(ILogger logger, string budget, long userId, BudgetScope scope, decimal spentUsd, decimal limitUsd);
}
