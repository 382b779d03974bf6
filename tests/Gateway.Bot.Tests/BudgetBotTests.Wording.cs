using OrleansAssistant.Gateway.Bot.Budgets;
using OrleansAssistant.Gateway.Bot.Formatting;
using OrleansAssistant.Grains.Interfaces.Budgets;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>How every kind of refusal and notice reads, on fixed dates so "in N days" is exact.</summary>
public sealed partial class BudgetBotTests
{
    /// <summary>Monday 7 December 2026, 05:00 UTC.</summary>
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 5, 0, 0, TimeSpan.Zero);

    /// <summary>Midnight of 1 January 2027 in Berlin, as an instant in UTC.</summary>
    private static readonly DateTimeOffset BerlinNewYear = new(2026, 12, 31, 23, 0, 0, TimeSpan.Zero);

    /// <summary>Every scope of a refusal, with the reader it is worded for and the words expected.</summary>
    public static TheoryData<BudgetRefusal, RefusalReader, string> Refusals => new()
    {
        {
            new BudgetRefusal(BudgetScope.Organization, 50m, 50.123m, BerlinNewYear, "Europe/Berlin", OwnerUserId: 1),
            new RefusalReader("Acme & Co", "Ada", IsOwner: false, Now),
            "⛔ Not answered: Acme &amp; Co's monthly budget is used up ($50.12 of $50.00 this month), so nothing was sent to the model. " +
            "It resets on 1 January (in 25 days). Ask Ada, the organization's owner, to raise it."
        },
        {
            new BudgetRefusal(BudgetScope.Organization, 50m, 50.12m, BerlinNewYear, "Europe/Berlin", OwnerUserId: 1),
            new RefusalReader("Acme", null, IsOwner: true, Now),
            "⛔ Not answered: Acme's monthly budget is used up ($50.12 of $50.00 this month), so nothing was sent to the model. " +
            "It resets on 1 January (in 25 days). As its owner, you can raise it on the dashboard's Settings tab."
        },
        {
            new BudgetRefusal(BudgetScope.Member, 5m, 5.004m, BerlinNewYear, "Europe/Berlin", OwnerUserId: 1),
            new RefusalReader("Acme", "Ada", IsOwner: false, Now),
            "⛔ Not answered: your monthly budget in Acme is used up ($5.00 of $5.00 this month), so nothing was sent to the model. " +
            "It resets on 1 January (in 25 days). Ask Ada, the organization's owner, to raise it."
        },
        {
            // Midnight of 1 January in New York: the personal account's month runs on the person's zone.
            new BudgetRefusal(BudgetScope.Personal, 0.0001m, 0.00083m, new DateTimeOffset(2027, 1, 1, 5, 0, 0, TimeSpan.Zero), "America/New_York"),
            new RefusalReader(null, null, IsOwner: false, Now),
            "⛔ Not answered: your monthly budget (personal) is used up ($0.00083 of $0.0001 this month), so nothing was sent to the model. " +
            "It resets on 1 January (in 25 days). Ask the operator of this assistant to raise it."
        },
        {
            new BudgetRefusal(BudgetScope.Installation, 10m, 10.5m, new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero), "UTC"),
            new RefusalReader("Acme", "Ada", IsOwner: false, Now),
            "⛔ Not answered: the installation's daily limit is reached ($10.50 of $10.00 today), so nothing was sent to the model. " +
            "It resets at 00:00 UTC. Ask the operator of this assistant to raise it."
        },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Refusal_SaysWhichBudget_WhatWasSpent_WhenItResets_AndWhoRaisesIt(BudgetRefusal refusal, RefusalReader reader, string expected) =>
        Assert.Equal(expected, BudgetTexts.Refusal(refusal, reader));

    [Fact]
    public void Refusal_RenderedAsAnAnswer_IsOneMessage_AndWithoutItsDetailsStillSaysWhy()
    {
        var refusal = new BudgetRefusal(BudgetScope.Personal, 5m, 5m, new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), "UTC");
        var answer = new QuestionAnswer(QuestionOutcome.BudgetExhausted, "", Budget: refusal);

        var shown = Assert.Single(AnswerMessage.Render(answer, refusalReader: new RefusalReader(null, null, false, Now)));
        var bare = Assert.Single(AnswerMessage.Render(answer));

        Assert.Contains("It resets on 1 January (in 25 days).", shown, StringComparison.Ordinal);
        Assert.Equal(BudgetTexts.UnknownRefusal, bare);
    }

    [Fact]
    public void NearLimit_OfTheOrganization_ToTheOwner_ReadsTheShareSpentAndTheReset()
    {
        var notice = new BudgetNotice(1, 10, BudgetNoticeKind.NearLimit, BudgetScope.Organization, "Acme", 50m, 40.10m, BerlinNewYear);

        Assert.Equal("⚠️ Acme's AI budget is 80 % used: $40.10 of $50.00 this month; it resets on 1 January (in 25 days). " +
            "Raise it on the dashboard's Settings tab.", BudgetNoticeTexts.For(notice, null, Now));
    }

    [Fact]
    public void NearLimit_OfAMembersBudget_TellsTheMember_AndTheOwnerByName()
    {
        var toMember = new BudgetNotice(1, 20, BudgetNoticeKind.NearLimit, BudgetScope.Member, "Acme", 5m, 4.5m, BerlinNewYear, MemberUserId: 20);
        var toOwner = toMember with { NoticeId = 2, UserId = 10 };

        Assert.Equal("⚠️ Your AI budget in Acme is 90 % used: $4.50 of $5.00 this month; it resets on 1 January (in 25 days). " +
            "The organization's owner can raise it.", BudgetNoticeTexts.For(toMember, null, Now));
        Assert.Equal("⚠️ Linus's AI budget in Acme is 90 % used: $4.50 of $5.00 this month; it resets on 1 January (in 25 days). " +
            "Raise it on the dashboard's Settings tab.", BudgetNoticeTexts.For(toOwner, "Linus", Now));
    }

    [Fact]
    public void NearLimit_OfAPersonalAccount_PointsToTheOperator()
    {
        var notice = new BudgetNotice(1, 30, BudgetNoticeKind.NearLimit, BudgetScope.Personal, null, 5m, 4m, new DateTimeOffset(2027, 1, 1, 5, 0, 0, TimeSpan.Zero));

        Assert.Equal("⚠️ Your AI budget is 80 % used: $4.00 of $5.00 this month; it resets on 1 January (in 25 days). " +
            "The operator of this assistant can raise it.", BudgetNoticeTexts.For(notice, null, Now));
    }

    [Fact]
    public void ModelFallback_TellsTheOwnerWhichStage_WhichModel_AndWhatIsUsedInstead()
    {
        var notice = new BudgetNotice(1, 10, BudgetNoticeKind.ModelFallback, BudgetScope.Organization, "Acme",
            Stage: "Answer", ChosenModel: "cheap-model-1", FallbackModel: "gemini-3.5-flash-lite");

        Assert.Equal("⚠️ The model chosen for stage 2 (the answer) in Acme, <code>cheap-model-1</code>, has no price any more, so its cost could not be " +
            "counted. Questions use the installation's default <code>gemini-3.5-flash-lite</code> until a priced model is chosen on the dashboard's Settings tab.",
            BudgetNoticeTexts.For(notice, null, Now));
    }

    [Fact]
    public void StatsLines_ShowTheMonthAgainstTheBudget_TheMembersOwn_OrOnlyTheSpend()
    {
        var resets = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var organization = new BudgetStatus("2026-12", "UTC", resets, 24, new BudgetLine(BudgetScope.Organization, 50m, 1.2m),
            new BudgetLine(BudgetScope.Member, 5m, 0.4m));
        var unlimited = organization with { Account = new BudgetLine(BudgetScope.Organization, null, 1.2m), Member = null };
        var personal = organization with { Account = new BudgetLine(BudgetScope.Personal, null, 0.4m), Member = null };

        Assert.Equal("<b>Budget</b>\nThis month: $1.20 of $50.00 (2 %) · resets in 24 days\nYour budget: $0.40 of $5.00 (8 %)", BudgetTexts.StatsLines(organization));
        Assert.Equal("<b>Budget</b>\nThis month: $1.20 · No monthly budget", BudgetTexts.StatsLines(unlimited));
        Assert.Equal("<b>Budget</b>\nThis month: $0.40", BudgetTexts.StatsLines(personal));
    }
}
