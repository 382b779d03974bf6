using System.Data.Common;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Grains.Tests.Costs;

/// <summary>Answers from verified examples: recorded with their conversation, counted by the range the question started in.</summary>
public abstract partial class CostLedgerTests
{
    [Fact]
    public async Task VerifiedAnswer_IsRecordedWithItsConversation_AndCountedInItsRangeAndScope()
    {
        var (orgId, alice, bob) = ($"org_{NewId()}", NewId(), NewId());
        var verified = new VerifiedSource(7, "Ada", March, VerifiedAnswerMode.Template, 812);
        await Ledger.RecordAsync(Conversation(NewConversationId(), alice, orgId, March.AddHours(1)), [], null, verified, CancellationToken.None);
        await Ledger.RecordAsync(Conversation(NewConversationId(), bob, orgId, March.AddHours(2)), [], null, verified with { TokensSaved = 90 }, CancellationToken.None);
        await Ledger.RecordAsync(Conversation(NewConversationId(), bob, orgId, March.AddHours(3)), [Stage(1, 1, "summary", Flash25, 10, 10, March)], null, CancellationToken.None);
        await Ledger.RecordAsync(Conversation(NewConversationId(), bob, orgId, March.AddDays(1)), [], null, verified, CancellationToken.None);
        var reports = new CostReports(Database);

        var organization = await reports.VerifiedAsync(CostScope.Organization(orgId), March, March.AddDays(1), CancellationToken.None);
        var ofAlice = await reports.VerifiedAsync(CostScope.User(alice), March, March.AddDays(1), CancellationToken.None);
        var firstHours = await reports.VerifiedAsync(CostScope.Organization(orgId), March, March.AddHours(1).AddMinutes(30), CancellationToken.None);

        Assert.Equal(new VerifiedAnswerTotals(2, 902), organization);
        Assert.Equal(new VerifiedAnswerTotals(1, 812), ofAlice);
        Assert.Equal(new VerifiedAnswerTotals(1, 812), firstHours);
        Assert.Equal(new CostTotals(3, 10, 10, 0.000003m, 0.000025m),
            await reports.TotalsAsync(CostScope.Organization(orgId), March, March.AddDays(1), CancellationToken.None));
    }

    [Fact]
    public async Task VerifiedAnswer_OfAConversationThatFailsToRecord_LeavesNoRow()
    {
        var (userId, id) = (NewId(), NewConversationId());
        StageRecord[] duplicateSequence = [Stage(1, 2, "answer", Flash20, 10, 10, March), Stage(1, 2, "answer", Flash20, 10, 10, March)];

        await Assert.ThrowsAnyAsync<DbException>(() => Ledger.RecordAsync(Conversation(id, userId, null, March), duplicateSequence, null,
            new VerifiedSource(7, "Ada", March, VerifiedAnswerMode.Summary, 500), CancellationToken.None));

        Assert.Equal(0, await CountAsync("VerifiedAnswers", "ConversationId", id));
        Assert.Equal(0, await CountAsync("Conversations", "ConversationId", id));
    }
}
