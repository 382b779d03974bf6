using System.Diagnostics;
using Microsoft.Data.Sqlite;
using OrleansAssistant.Benchmarks.Pipeline;
using OrleansAssistant.CustomerDatabases.Demo;
using OrleansAssistant.Grains.Interfaces.Budgets;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.TestSupport;
using OrleansAssistant.TestSupport.Models;

namespace OrleansAssistant.Benchmarks.Budgets;

/// <summary>
/// What one organization's budget grain costs and holds: reserve-and-settle pairs hammering it from many callers at once (every
/// question of the organization makes one pair), and questions racing for the last of a month's budget through the whole pipeline
/// (fake model answering at once, demo database), with the overshoot they leave.
/// </summary>
internal static class BudgetBenchmark
{
    private const long FirstUserId = 9_500_000_000;
    private const int Callers = 50;
    private const int Racers = 50;

    public static async Task<BudgetBenchmarkResult> RunAsync(int pairs, CancellationToken cancellationToken)
    {
        using var folder = new TempDirectory();
        await using var model = new FakeModelServer();
        await model.StartAsync();
        InstantModel.AnswerEveryRequest(model);
        try
        {
            await using var silo = await InProcessSilo.StartAsync(BenchSiloSettings.WithDemoDatabaseAndModel(folder.Path, FreePort.Next(),
                Path.Combine(folder.Path, "databases"), model.BaseUrl));
            var grains = silo.Grains;
            var (owner, orgId) = await OrganizationAsync(grains, FirstUserId);
            var budget = grains.GetGrain<IBudgetGrain>(BudgetKeys.Organization(orgId));
            await budget.SetMonthlyLimitAsync(owner, 1_000_000m);

            Console.WriteLine($"  {pairs:N0} reserve-and-settle pairs on one organization's budget, {Callers} callers at once");
            var (elapsed, latencies) = await PairsAsync(budget, owner, orgId, pairs, cancellationToken);

            Console.WriteLine($"  {Racers} questions racing for the last of a budget");
            var race = await RaceAsync(grains, FirstUserId + 1, cancellationToken);
            return new BudgetBenchmarkResult(pairs, elapsed, LatencySummary.Of(latencies), race);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static async Task<(TimeSpan Elapsed, List<double> Milliseconds)> PairsAsync(IBudgetGrain budget, Principal owner, string orgId, int pairs,
        CancellationToken cancellationToken)
    {
        var estimate = new SpendEstimate(4_000, 3_000, 4_000, 1_000);
        var latencies = new List<double>(pairs);
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(async _ =>
        {
            var mine = new List<double>();
            int i;
            while ((i = Interlocked.Increment(ref next)) < pairs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var id = $"bench-{i}";
                var started = Stopwatch.GetTimestamp();
                var admission = await budget.ReserveAsync(new SpendRequest(owner.UserId, orgId, id, estimate));
                var now = DateTimeOffset.UtcNow;
                await budget.SettleAsync(new SpendSettlement(admission.ReservationId!, id, owner.UserId, 0.001m, now, now));
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            lock (latencies) latencies.AddRange(mine);
        }));
        return (clock.Elapsed, latencies);
    }

    /// <summary>An organization with room for about ten questions' real cost; fifty members ask at once on the demo database.</summary>
    private static async Task<BudgetRaceResult> RaceAsync(IGrainFactory grains, long firstUserId, CancellationToken cancellationToken)
    {
        var (owner, orgId) = await OrganizationAsync(grains, firstUserId);
        var members = new List<long>();
        for (var i = 1; i <= Racers; i++) members.Add(await MemberAsync(grains, owner.UserId, firstUserId + i * 10));
        var oneQuestion = await OneQuestionCostAsync(grains, members[0]);
        var budget = grains.GetGrain<IBudgetGrain>(BudgetKeys.Organization(orgId));
        var limit = decimal.Round(10.5m * oneQuestion, 10);
        await budget.SetMonthlyLimitAsync(owner, limit);
        var spentBefore = (await budget.GetStatusAsync(owner))!.Account.SpentUsd;

        cancellationToken.ThrowIfCancellationRequested();
        var answers = await Task.WhenAll(members.Select(member => grains.GetGrain<IUserGrain>(member).AskAsync(member, "Sales by region")));
        var spent = (await budget.GetStatusAsync(owner))!.Account.SpentUsd;
        return new BudgetRaceResult(limit, oneQuestion, spentBefore, spent,
            answers.Count(answer => answer.Outcome == QuestionOutcome.Answered), answers.Count(answer => answer.Outcome == QuestionOutcome.BudgetExhausted));
    }

    private static async Task<decimal> OneQuestionCostAsync(IGrainFactory grains, long userId)
    {
        var answer = await grains.GetGrain<IUserGrain>(userId).AskAsync(userId, "Sales by region");
        if (answer.Outcome != QuestionOutcome.Answered) throw new InvalidOperationException($"The sizing question was not answered: {answer.Outcome}");
        return answer.TotalCost;
    }

    private static async Task<(Principal Owner, string OrgId)> OrganizationAsync(IGrainFactory grains, long ownerId)
    {
        await RegisterAsync(grains, ownerId);
        var created = await grains.GetGrain<IMembershipGrain>(0).CreateOrganizationAsync(ownerId, $"Bench {ownerId}");
        if (!created.Succeeded) throw new InvalidOperationException($"Creating the organization failed: {created.Message}");
        var owner = await grains.GetGrain<IUserGrain>(ownerId).GetPrincipalAsync() ?? throw new InvalidOperationException("The owner is not registered.");
        return (owner, created.Organization!.OrgId);
    }

    private static async Task<long> MemberAsync(IGrainFactory grains, long ownerId, long memberId)
    {
        var membership = grains.GetGrain<IMembershipGrain>(0);
        var invitation = await membership.CreateInvitationAsync(ownerId, 1, 1);
        await RegisterAsync(grains, memberId);
        var joined = await membership.JoinAsync(memberId, invitation.Invitation!.Code);
        if (!joined.Succeeded) throw new InvalidOperationException($"Joining failed: {joined.Message}");
        var selected = await grains.GetGrain<IDatabasesGrain>(0).SelectAsync(memberId, DemoSalesDatabase.DatabaseId);
        if (!selected.Succeeded) throw new InvalidOperationException($"Selecting Demo Sales failed: {selected.Message}");
        return memberId;
    }

    private static Task RegisterAsync(IGrainFactory grains, long userId) =>
        grains.GetGrain<IUserGrain>(userId).RegisterAsync(new TelegramProfile(userId, $"bench_{userId}", "Bench", null, "en"));
}
