using Microsoft.Data.Sqlite;
using OrleansAssistant.Grains.Interfaces.Budgets;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Grains.Tests.Budgets;

/// <summary>Fifty questions racing for the last of a month's budget: one number decides, so the month overshoots by less than one question.</summary>
[Collection(BudgetSiloCollection.Name)]
public sealed class BudgetRaceTests(BudgetSiloFixture fixture)
{
    private const int Racers = 50;

    [Fact]
    public async Task FiftyQuestionsAtTheBoundary_OvershootByLessThanOneQuestion_AndTheRefusedCallNoModel()
    {
        // Room for about ten questions' real cost; a question's reservation is pessimistic (larger), so while some run, others are
        // refused. Every member asks at once.
        var limit = 10.5m * BudgetArrange.QuestionCost;
        var org = await BudgetArrange.OrganizationAsync(fixture, monthlyUsd: limit);
        var members = new List<long>();
        for (var i = 0; i < Racers; i++) members.Add(await BudgetArrange.MemberAsync(fixture, org));
        var requestsBefore = fixture.Model.Requests.Count;

        var answers = await Task.WhenAll(members.Select(member => BudgetArrange.AskAsync(fixture, member)));

        var answered = answers.Count(answer => answer.Outcome == QuestionOutcome.Answered);
        var refused = answers.Count(answer => answer.Outcome == QuestionOutcome.BudgetExhausted);
        Assert.Equal(Racers, answered + refused);
        Assert.InRange(answered, 1, Racers - 1);
        Assert.Equal(2 * answered, fixture.Model.Requests.Count - requestsBefore);
        var spent = await LedgerSpentAsync(org.OrgId);
        Assert.Equal(answered * BudgetArrange.QuestionCost, spent);
        Assert.True(spent - limit < BudgetArrange.QuestionCost, $"spent {spent} of {limit}: overshoot of more than one question");
        Assert.Equal(spent, (await org.Budget.GetStatusAsync(org.Owner))!.Account.SpentUsd);
    }

    [Fact]
    public async Task FiftyReservationsRacingAtTheGrain_AdmitWhileUnderTheLimit_OvershootAtMostOneReservation()
    {
        var org = await BudgetArrange.OrganizationAsync(fixture, monthlyUsd: 1m);
        var estimate = new SpendEstimate(100_000, 10_000, 0, 0);
        var probe = await org.Budget.ReserveAsync(new SpendRequest(org.OwnerId, org.OrgId, "race-probe", estimate));
        var reservation = probe.ReservedUsd;
        var limit = 7.5m * reservation;
        await org.Budget.SetMonthlyLimitAsync(org.Owner, limit);
        var now = fixture.Clock.GetUtcNow();
        await org.Budget.SettleAsync(new SpendSettlement("race-probe", "race-probe", org.OwnerId, 0, now, null));

        var admissions = await Task.WhenAll(Enumerable.Range(0, Racers).Select(racer =>
            org.Budget.ReserveAsync(new SpendRequest(org.OwnerId, org.OrgId, $"race-{racer}", estimate))));
        // Every admitted question costs its whole reservation: the worst case.
        await Task.WhenAll(admissions.Where(admission => admission.Admitted).Select(admission =>
            org.Budget.SettleAsync(new SpendSettlement(admission.ReservationId!, admission.ReservationId!, org.OwnerId, reservation, now, now))));

        Assert.Equal(8, admissions.Count(admission => admission.Admitted));
        var spent = (await org.Budget.GetStatusAsync(org.Owner))!.Account.SpentUsd;
        Assert.True(spent - limit <= reservation, $"spent {spent} of {limit}, one reservation {reservation}");
    }

    /// <summary>What the ledger holds for the organization: the record the budget must agree with.</summary>
    private async Task<decimal> LedgerSpentAsync(string orgId)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(fixture.DataDirectory, "app.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT TotalCost FROM Conversations WHERE OrgId = $org";
        command.Parameters.AddWithValue("$org", orgId);
        await using var reader = await command.ExecuteReaderAsync();
        var total = 0m;
        while (await reader.ReadAsync()) total += decimal.Parse(reader.GetString(0), System.Globalization.CultureInfo.InvariantCulture);
        return total;
    }
}
