using System.Diagnostics;
using OrleansAssistant.Grains.Interfaces.Budgets;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Hosting.Resilience;
using OrleansAssistant.Silo.Tests.Faults;
using Xunit.Abstractions;

namespace OrleansAssistant.Silo.Tests;

/// <summary>
/// Two silo processes on PostgreSQL with reservations that lapse after a minute. A member of an organization with a monthly
/// budget asks a question that is held at its first model call, so it holds a reservation; the silo hosting the member is
/// SIGKILLed, with or without the budget grain. The organization's spent must come back to exactly what the ledger holds (the reservation lapsed, or vanished with
/// its silo, and no cost counts twice), and the next question must be admitted, answered and counted once.
/// </summary>
public sealed class BudgetFailoverTests(ITestOutputHelper output)
{
    private const decimal MonthlyUsd = 5m;
    private static readonly TimeSpan HoldLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MembershipLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan LapseLimit = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(30);

    [Theory(Timeout = 480_000)]
    [InlineData(false)] // The budget grain lives on: the reservation has to lapse.
    [InlineData(true)] // The budget grain dies with the asker's silo: the reservation vanishes, and a new activation reads the ledger.
    public async Task SiloHoldingAReservation_Killed_SpentReturnsToTheLedger_NextQuestionAdmittedAndCountedOnce(bool budgetDiesToo)
    {
        await using var cluster = await FaultCluster.StartAsync(siloCount: 2, new Dictionary<string, string> { ["Budgets__ReservationMinutes"] = "1" });
        var grains = cluster.Gateway.Grains;
        var people = await FaultUsers.SetUpAsync(cluster.Telegram, new ChatReplies(cluster.Telegram), grains, await ShopDatabase.CreateAsync());
        // The first organization: its owner sets the budget, and everyone in it asks once so several people have spent.
        var orgId = people[0].OrgId!;
        var members = people.Where(person => person.OrgId == orgId).Select(person => person.Profile.UserId).ToArray();
        var owner = await grains.GetGrain<IUserGrain>(people[0].Profile.UserId).GetPrincipalAsync();
        Assert.NotNull(owner);
        var budget = grains.GetGrain<IBudgetGrain>(BudgetKeys.Organization(orgId));
        Assert.Equal(BudgetChange.Changed, await budget.SetMonthlyLimitAsync(owner, MonthlyUsd));
        HeldModel.Serve(cluster.Model);

        foreach (var member in members)
        {
            var answer = await AskAsync(grains, member, 1);
            Assert.True(answer.Outcome == QuestionOutcome.Answered, $"{member}'s question before the kill: {answer.Outcome} {answer.Text}");
        }
        var recorded = await OrganizationLedger.SpentAsync(cluster.Database, orgId);
        Assert.True(recorded > 0, "The answered questions recorded no cost in the ledger.");
        var settled = await StatusAsync(budget, owner);
        Assert.True(settled.Account.SpentUsd == recorded, $"Before the held question the budget shows {settled.Account.SpentUsd} USD spent, the ledger holds {recorded} USD.");

        // The asker: a member whose grain shares the budget grain's silo, or does not, as the case asks (any member if none fits).
        var placement = await UserPlacement.SiloPortsAsync(grains, members);
        var budgetPort = await GrainHost.SiloPortAsync(grains, budget.GetGrainId());
        var askerId = members.Where(member => (placement[member] == budgetPort) == budgetDiesToo).DefaultIfEmpty(members[1]).First();
        output.WriteLine($"budget grain on silo port {budgetPort?.ToString() ?? "none"}; members' grains on {string.Join(", ", placement.Values)}");
        var held = AskAsync(grains, askerId, 2, HeldModel.Marker);
        await WaitUntilAsync(() => Task.FromResult(HeldModel.IsHolding(cluster.Model)), HoldLimit, "The held question never reached the model.");
        var holding = await StatusAsync(budget, owner);
        Assert.True(holding.Account.SpentUsd > recorded,
            $"While a question runs the budget must count its reservation: {holding.Account.SpentUsd} USD spent, the ledger holds {recorded} USD.");

        var victim = cluster.Silos.Single(silo => silo.SiloPort == placement[askerId]);
        var clock = Stopwatch.StartNew();
        await victim.KillAsync();
        await MembershipTable.WaitUntilDeadAsync(cluster.Database, victim.SiloPort, MembershipLimit);
        var untilDead = clock.Elapsed;

        var (afterKill, ledgerAfterKill) = await WaitForLedgerFigureAsync(budget, owner, cluster.Database, orgId, LapseLimit);
        var untilLedger = clock.Elapsed;
        output.WriteLine($"budget grain {(budgetPort == victim.SiloPort ? "was on the killed silo" : "survived on the other silo")}; " +
            $"marked Dead after {untilDead.TotalSeconds:0.0} s; last status read {untilLedger.TotalSeconds:0.0} s after the kill");
        output.WriteLine($"ledger before the held question {recorded} USD; spent while held {holding.Account.SpentUsd} USD; after the kill {afterKill.Account.SpentUsd} USD");
        Assert.True(afterKill.Account.SpentUsd == ledgerAfterKill,
            $"{LapseLimit.TotalMinutes} min after the kill the budget still shows {afterKill.Account.SpentUsd} USD spent, the ledger holds {ledgerAfterKill} USD.");
        Assert.True(ledgerAfterKill == recorded, $"The held question recorded a cost although its silo died: ledger {ledgerAfterKill} USD, {recorded} USD before it.");

        var next = await AskAsync(grains, askerId, 3);
        Assert.True(next.Outcome == QuestionOutcome.Answered, $"The question after the kill was not answered: {next.Outcome} {next.Text}");
        var (final, finalLedger) = await WaitForLedgerFigureAsync(budget, owner, cluster.Database, orgId, SettleLimit);
        output.WriteLine($"after the next question: spent {final.Account.SpentUsd} USD, ledger {finalLedger} USD");
        Assert.True(finalLedger > recorded, $"The question after the kill recorded no cost: ledger {finalLedger} USD.");
        Assert.True(final.Account.SpentUsd == finalLedger,
            $"After the next question the budget shows {final.Account.SpentUsd} USD spent, the ledger holds {finalLedger} USD (a cost counted twice or not at all).");

        // The held question's call died with its silo; it must not have been answered.
        var heldOutcome = await Record.ExceptionAsync(() => held);
        output.WriteLine($"held question ended with {heldOutcome?.GetType().Name ?? (await held).Outcome.ToString()}");
        if (heldOutcome is null) Assert.NotEqual(QuestionOutcome.Answered, (await held).Outcome);
    }

    private static Task<QuestionAnswer> AskAsync(IGrainFactory grains, long userId, int number, string marker = "") =>
        grains.GetGrain<IUserGrain>(userId).AskAsync(userId, $"{TokenModel.Question(userId, number)} {marker}".Trim(), null, $"budget-failover-{userId}-{number}");

    private static async Task<BudgetStatus> StatusAsync(IBudgetGrain budget, Principal owner) =>
        await budget.GetStatusAsync(owner) ?? throw new Xunit.Sdk.XunitException("The owner was refused the organization's budget status.");

    /// <summary>
    /// Polls the budget (every second) until its spent equals the ledger, or <paramref name="limit"/> passes; returns the last
    /// figures either way. Calls that fail while the cluster settles after the kill are retried.
    /// </summary>
    private static async Task<(BudgetStatus Status, decimal Ledger)> WaitForLedgerFigureAsync(IBudgetGrain budget, Principal owner, string database,
        string orgId, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var status = await StatusAsync(budget, owner);
                var ledger = await OrganizationLedger.SpentAsync(database, orgId);
                if (status.Account.SpentUsd == ledger || clock.Elapsed > limit) return (status, ledger);
            }
            catch (Exception error) when (TransientClusterErrors.IsTransient(error) && clock.Elapsed < limit)
            {
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan limit, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > limit) throw new Xunit.Sdk.XunitException(failure);
            await Task.Delay(100);
        }
    }
}
