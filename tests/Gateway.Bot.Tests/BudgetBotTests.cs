using Microsoft.Extensions.DependencyInjection;
using OrleansAssistant.Grains.Budgets;
using OrleansAssistant.Grains.Interfaces.Audit;
using OrleansAssistant.Grains.Interfaces.Budgets;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.TestSupport.Models;
using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>
/// Budgets as people meet them in Telegram, through a real silo, the fake Telegram and the fake model: a spent budget
/// refuses before any model call and says who raises it, /stats shows the month against the budget, and the 80 % warning
/// reaches the owner once.
/// </summary>
[Collection(BudgetBotCollection.Name)]
public sealed partial class BudgetBotTests(BudgetBotFixture fixture)
{
    private const string SpendSql = "SELECT c.name, SUM(o.total) AS spent FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.name ORDER BY spent DESC";

    /// <summary>Stage 1 with 1,000 input tokens and 100 output, stage 2 with 2,000 and 200: about $0.0008 at the pinned prices.</summary>
    private const int LargeInput = 1000;

    /// <summary>Stage 1 with 100 input tokens and 10 output, stage 2 with 200 and 20: about $0.00008, 83 % of $0.0001.</summary>
    private const int SmallInput = 100;

    [Fact]
    public async Task OrganizationBudget_SpentByTheFirstQuestion_RefusesTheNext_BeforeAnyModelCall_AndLogsIt()
    {
        var (owner, member, orgName) = await OrganizationAsync(0.0001m);
        await AnswerAsync(owner, "Spending per customer, first", LargeInput);
        var requests = fixture.Model.Requests.Count;

        var refused = await RefusedAsync(owner, "Spending per customer, second");
        var memberRefused = await RefusedAsync(member, "Spending per customer, from a member");

        Assert.Equal(requests, fixture.Model.Requests.Count);
        Assert.StartsWith($"⛔ Not answered: {orgName}'s monthly budget is used up ($0.000", refused.Text, StringComparison.Ordinal);
        Assert.Contains(" of $0.0001 this month), so nothing was sent to the model. It resets on 1 ", refused.Text, StringComparison.Ordinal);
        Assert.Contains(ResetDays(), refused.Text, StringComparison.Ordinal);
        Assert.EndsWith("As its owner, you can raise it on the dashboard's Settings tab.", refused.Text, StringComparison.Ordinal);
        Assert.EndsWith($"Ask User{owner.Id}, the organization's owner, to raise it.", memberRefused.Text, StringComparison.Ordinal);
        Assert.All([refused, memberRefused], message => Assert.DoesNotContain("answer:", message.ReplyMarkup ?? "", StringComparison.Ordinal));
        var orgId = (await PrincipalAsync(owner)).OrgId!;
        Assert.Equal(1, await RefusalsLoggedAsync(orgId, owner));
        Assert.Equal(1, await RefusalsLoggedAsync(orgId, member));
    }

    [Fact]
    public async Task PersonalDefaultBudget_SpentByTheFirstQuestion_RefusesTheNext_AndPointsToTheOperator()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        await AnswerAsync(asker, "Spending per customer, personally", LargeInput);
        var requests = fixture.Model.Requests.Count;

        var refused = await RefusedAsync(asker, "Spending per customer, personally again");

        Assert.Equal(requests, fixture.Model.Requests.Count);
        Assert.StartsWith("⛔ Not answered: your monthly budget (personal) is used up (", refused.Text, StringComparison.Ordinal);
        Assert.Contains(" of $0.0001 this month)", refused.Text, StringComparison.Ordinal);
        Assert.EndsWith("Ask the operator of this assistant to raise it.", refused.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_ShowsTheOrganizationsMonthAgainstItsBudget_AndTheMembersOwnBudget()
    {
        var (owner, member, _) = await OrganizationAsync(50m);
        var ownerPrincipal = await PrincipalAsync(owner);
        Assert.Equal(BudgetChange.Changed, await BudgetOf(ownerPrincipal).SetMemberLimitAsync(ownerPrincipal, member.Id, 5m));
        await AnswerAsync(member, "Spending per customer, for the stats", SmallInput);
        var status = await BudgetOf(ownerPrincipal).GetStatusAsync(ownerPrincipal);

        var ownerStats = (await owner.SayAsync("/stats")).Text;
        var memberStats = (await member.SayAsync("/stats")).Text;

        Assert.NotNull(status);
        Assert.InRange(status.DaysToReset, 1, 31);
        var resets = status.DaysToReset == 1 ? "tomorrow" : $"in {status.DaysToReset} days";
        Assert.Matches($@"\nThis month: \$0\.0000\d of \$50\.00 \(0 %\) · resets {resets}", ownerStats);
        Assert.DoesNotContain("Your budget", ownerStats, StringComparison.Ordinal);
        Assert.Matches($@"\nThis month: \$0\.0000\d of \$50\.00 \(0 %\) · resets {resets}\nYour budget: \$0\.0000\d of \$5\.00 \(0 %\)", memberStats);
    }

    [Fact]
    public async Task Stats_OfAPersonalAccount_ShowsTheMonthAgainstTheDefaultBudget()
    {
        var asker = await BotPeople.AskerAsync(fixture);

        var stats = (await asker.SayAsync("/stats")).Text;

        Assert.Matches(@"\nThis month: \$0\.00 of \$0\.0001 \(0 %\) · resets (tomorrow|in \d+ days)", stats);
    }

    [Fact]
    public async Task NearLimit_CrossedByARealQuestion_ReachesTheOwnerOnce()
    {
        var (owner, _, orgName) = await OrganizationAsync(0.0001m);
        await AnswerAsync(owner, "Spending per customer, most of the budget", SmallInput);

        var warning = await fixture.Telegram.WaitForSentMessageAsync(message => message.ChatId == owner.Id && message.Text.StartsWith("⚠️", StringComparison.Ordinal),
            BotTelegramFixture.Patience);
        // Admitted or refused, as the grain's estimate decides: either way no second warning comes this month.
        await AnsweredOrRefusedAsync(owner, "Spending per customer, over the budget", LargeInput);
        await RefusedAsync(owner, "Spending per customer, refused");

        Assert.Matches($@"^⚠️ {orgName}'s AI budget is 8\d % used: \$0\.0000\d of \$0\.0001 this month; it resets on 1 [A-Z][a-z]+ \((tomorrow|in \d+ days)\)\. " +
            "Raise it on the dashboard's Settings tab\\.$", warning.Text);
        Assert.Single(fixture.Telegram.SentMessages, message => message.ChatId == owner.Id && message.Text.StartsWith("⚠️", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ModelFallback_WrittenByTheBudget_ReachesTheOwner_AndAMemberBudgetWarningNamesTheMember()
    {
        var (owner, member, orgName) = await OrganizationAsync(50m);
        var store = fixture.Silo.Services.GetRequiredService<BudgetNoticeStore>();
        var onceKey = Guid.NewGuid().ToString("N");

        Assert.True(await store.AddOnceAsync(onceKey + "-fallback", new BudgetNotice(0, owner.Id, BudgetNoticeKind.ModelFallback, BudgetScope.Organization,
            orgName, Stage: "Summary", ChosenModel: "retired-model", FallbackModel: PinnedModels.Summary), CancellationToken.None));
        Assert.True(await store.AddOnceAsync(onceKey + "-member", new BudgetNotice(0, owner.Id, BudgetNoticeKind.NearLimit, BudgetScope.Member,
            orgName, 5m, 4.2m, new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), MemberUserId: member.Id), CancellationToken.None));
        var fallback = await fixture.Telegram.WaitForSentMessageAsync(message => message.ChatId == owner.Id && message.Text.Contains("retired-model", StringComparison.Ordinal),
            BotTelegramFixture.Patience);
        var warning = await fixture.Telegram.WaitForSentMessageAsync(message => message.ChatId == owner.Id && message.Text.Contains("84 % used", StringComparison.Ordinal),
            BotTelegramFixture.Patience);

        Assert.Equal($"⚠️ The model chosen for stage 1 (summary and SQL) in {orgName}, <code>retired-model</code>, has no price any more, so its cost could " +
            $"not be counted. Questions use the installation's default <code>{PinnedModels.Summary}</code> until a priced model is chosen on the dashboard's Settings tab.",
            fallback.Text);
        Assert.StartsWith($"⚠️ User{member.Id}'s AI budget in {orgName} is 84 % used: $4.20 of $5.00 this month;", warning.Text, StringComparison.Ordinal);
    }

    /// <summary>An owner whose organization has <paramref name="monthlyUsd"/> a month and a shop database, and a member who asks it too.</summary>
    private async Task<(BotUser Owner, BotUser Member, string OrgName)> OrganizationAsync(decimal monthlyUsd)
    {
        var member = await BotPeople.MemberAsync(fixture);
        var memberPrincipal = await PrincipalAsync(member);
        var organization = (await fixture.Silo.Grains.GetGrain<IOrganizationGrain>(memberPrincipal.OrgId!).GetInfoAsync())!;
        var owner = new BotUser(fixture.Telegram, organization.OwnerId);
        var ownerPrincipal = await PrincipalAsync(owner);
        Assert.Equal(BudgetChange.Changed, await BudgetOf(ownerPrincipal).SetMonthlyLimitAsync(ownerPrincipal, monthlyUsd));
        var databases = fixture.Silo.Grains.GetGrain<IDatabasesGrain>(0);
        var added = await databases.AddAsync(owner.Id, "Team shop", $"sqlite:///{await BotShopDatabase.CreateAsync(fixture.SqliteFolder)}");
        Assert.True(added.Succeeded, added.Message);
        foreach (var person in new[] { owner, member }) Assert.True((await databases.SelectAsync(person.Id, added.Database!.DatabaseId)).Succeeded);
        return (owner, member, organization.Name);
    }

    private async Task<Principal> PrincipalAsync(BotUser user) => (await fixture.Silo.Grains.GetGrain<IUserGrain>(user.Id).GetPrincipalAsync())!;

    private IBudgetGrain BudgetOf(Principal principal) => fixture.Silo.Grains.GetGrain<IBudgetGrain>(BudgetKeys.Of(principal.UserId, principal.OrgId));

    /// <param name="input">Stage 1's input tokens; the output and stage 2 scale with it.</param>
    private async Task<SentMessage> AnswerAsync(BotUser asker, string question, int input)
    {
        fixture.Model.EnqueueJson(new { way = "SqlQuery", sql = SpendSql, answer = "Looking." }, input, input / 10);
        fixture.Model.EnqueueText("Linus spent the most.", input * 2, input / 5);
        var asked = asker.Write(question);
        return await asker.ShownAfterAsync(asked, message => message.Text.Contains("Linus spent the most.", StringComparison.Ordinal));
    }

    /// <summary>Asks a question the budget may still admit or refuse; the model answers only if it is asked, so nothing is left queued.</summary>
    private async Task AnsweredOrRefusedAsync(BotUser asker, string question, int input)
    {
        var calls = 0;
        fixture.Model.Respond(_ => Interlocked.Increment(ref calls) == 1
            ? ScriptedReply.Json(new { way = "SqlQuery", sql = SpendSql, answer = "Looking." }, input, input / 10)
            : ScriptedReply.Text("Linus spent the most.", input * 2, input / 5));
        try
        {
            var asked = asker.Write(question);
            await asker.ShownAfterAsync(asked, message => message.Text.StartsWith("⛔", StringComparison.Ordinal)
                || message.Text.Contains("Linus spent the most.", StringComparison.Ordinal));
        }
        finally
        {
            fixture.Model.Respond(null);
        }
    }

    private static async Task<SentMessage> RefusedAsync(BotUser asker, string question)
    {
        var asked = asker.Write(question);
        return await asker.ShownAfterAsync(asked, message => message.Text.StartsWith("⛔", StringComparison.Ordinal));
    }

    /// <summary>"(in 25 days)" for a budget in UTC, as of now.</summary>
    private static string ResetDays()
    {
        var now = DateTimeOffset.UtcNow;
        var reset = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
        var days = (int)Math.Ceiling((reset - now).TotalDays);
        return days <= 1 ? "(tomorrow)" : $"(in {days} days)";
    }

    /// <summary>How many refusals of <paramref name="user"/> the organization's activity log shows, as on the dashboard.</summary>
    private async Task<long> RefusalsLoggedAsync(string orgId, BotUser user) =>
        (await fixture.Silo.Grains.GetGrain<IActivityLogGrain>(0).ListAsync(orgId, new ActivityQuery(user.Id, "budget.refused", 1, 50))).Total;
}
