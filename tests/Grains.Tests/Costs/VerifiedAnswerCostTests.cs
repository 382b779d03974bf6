using Microsoft.Extensions.DependencyInjection;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Costs;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Tests.Cluster;

namespace OrleansAssistant.Grains.Tests.Costs;

/// <summary>Answers from verified examples in the dashboard's overview and in /stats: counted by the range the question started in.</summary>
[Collection(SiloCollection.Name)]
public sealed class VerifiedAnswerCostTests(SiloFixture fixture)
{
    private static readonly DateTimeOffset From = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(1);

    private readonly string _orgId = $"org_{Guid.NewGuid():N}";
    private readonly long _alice = TestUsers.NewId();
    private readonly long _bob = TestUsers.NewId();

    [Fact]
    public async Task Overview_CountsVerifiedAnswersAndTokensSavedInTheRange_OtherFiguresUnchanged()
    {
        await RecordAsync(_alice, _orgId, From.AddHours(1), new VerifiedSource(11, "Ada", From, VerifiedAnswerMode.Summary, 900), answerStage: true);
        await RecordAsync(_bob, _orgId, From.AddHours(2), new VerifiedSource(12, "Ada", From, VerifiedAnswerMode.Template, 700), answerStage: false);
        await RecordAsync(_bob, _orgId, From.AddHours(3), null, answerStage: true);
        await RecordAsync(_bob, _orgId, To, new VerifiedSource(11, "Ada", From, VerifiedAnswerMode.Summary, 5_000), answerStage: true);
        await RecordAsync(_bob, $"org_{Guid.NewGuid():N}", From.AddHours(4), new VerifiedSource(11, "Ada", From, VerifiedAnswerMode.Summary, 5_000), answerStage: true);
        var costs = fixture.Grains.GetGrain<IOrganizationCostsGrain>(0);

        var wholeDay = await costs.OverviewAsync(_orgId, From, To);
        var morning = await costs.OverviewAsync(_orgId, From, From.AddHours(1).AddMinutes(30));

        Assert.Equal((3L, 2L, 2L, 1_600L), (wholeDay.Questions, wholeDay.ActiveUsers, wholeDay.VerifiedAnswers, wholeDay.TokensSaved));
        // Two answer stages of 400/20 tokens: the verified answers' missing stage 1 adds nothing.
        Assert.Equal((800L, 40L), (wholeDay.InputTokens, wholeDay.OutputTokens));
        Assert.Equal((1L, 1L, 900L), (morning.Questions, morning.VerifiedAnswers, morning.TokensSaved));
    }

    [Fact]
    public async Task UserUsage_CountsOnlyTheirOwnVerifiedAnswers()
    {
        await RecordAsync(_alice, null, From.AddHours(1), new VerifiedSource(21, "Ada", From, VerifiedAnswerMode.Summary, 850), answerStage: true);
        await RecordAsync(_alice, null, From.AddHours(2), null, answerStage: true);
        await RecordAsync(_bob, null, From.AddHours(2), new VerifiedSource(21, "Ada", From, VerifiedAnswerMode.Summary, 850), answerStage: true);

        var report = await fixture.Grains.GetGrain<IUsageGrain>(0).ForUserAsync(_alice, From, To);

        Assert.Equal((2L, 1L, 850L), (report.Questions, report.VerifiedAnswers, report.TokensSaved));
    }

    private Task RecordAsync(long userId, string? orgId, DateTimeOffset startedAt, VerifiedSource? verified, bool answerStage)
    {
        var conversation = new ConversationRecord(Guid.NewGuid().ToString("N"), userId, userId, orgId, "db_test", "How many orders?", "SqlQuery",
            "Answered", "4 orders.", null, startedAt, startedAt.AddSeconds(1), 1_000);
        StageRecord[] stages = answerStage ? [new StageRecord(1, 2, "answer", "gemini-2.0-flash", 400, 20, 0.00004m, 0.000008m, startedAt, 300, true)] : [];
        return fixture.Services.GetRequiredService<ConversationLedger>().RecordAsync(conversation, stages, null, verified, CancellationToken.None);
    }
}
