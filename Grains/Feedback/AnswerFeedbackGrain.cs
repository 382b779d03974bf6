using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using OrleansAssistant.Authorization;
using OrleansAssistant.Grains.Audit;
using OrleansAssistant.Grains.Exports;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Interfaces.VerifiedQueries;

namespace OrleansAssistant.Grains.Feedback;

/// <summary>
/// 👍 / 👎 on answers and a 👎's reason, stored beside the conversation in the app database, and the way from an
/// owner's 👍 to a verified example. Stateless: every rule is checked against the ledger's row of the conversation.
/// </summary>
[StatelessWorker]
public sealed partial class AnswerFeedbackGrain(
    AnsweredQueries answers,
    AnswerFeedbackStore store,
    ActivityLog activity,
    ILogger<AnswerFeedbackGrain> logger) : Grain, IAnswerFeedbackGrain
{
    public async Task<FeedbackResult> RateAsync(Principal asker, string conversationId, FeedbackVerdict verdict)
    {
        if (!Enum.IsDefined(verdict)) return new FeedbackResult(FeedbackStatus.NotRateable);
        var answer = await AskersAnswerAsync(asker, conversationId);
        if (answer is null) return new FeedbackResult(FeedbackStatus.NotFound);
        if (string.IsNullOrWhiteSpace(answer.Sql)) return new FeedbackResult(FeedbackStatus.NotRateable);

        var changed = await store.SetVerdictAsync(conversationId, asker.UserId, verdict, CancellationToken.None);
        if (changed)
        {
            await activity.AppendAsync(new ActivityEntry(ActivityEvents.AnswerRated, asker.UserId, answer.OrgId, "database", answer.DatabaseId,
                new Dictionary<string, object?> { ["conversation"] = conversationId, ["verdict"] = verdict.ToString() }));
            LogRated(logger, asker.UserId, conversationId, verdict);
        }
        var status = changed ? FeedbackStatus.Recorded : FeedbackStatus.Unchanged;
        if (verdict != FeedbackVerdict.Helpful || answer.DatabaseId is null) return new FeedbackResult(status, verdict);
        var database = await GrainFactory.GetGrain<IDatabaseConnectionGrain>(answer.DatabaseId).GetInfoAsync();
        var canVerify = database is not null && MayCurate(asker, database) && !await store.IsVerifiedAsync(conversationId, CancellationToken.None);
        return new FeedbackResult(status, verdict, canVerify, database?.Name);
    }

    public async Task<FeedbackStatus> AwaitReasonAsync(Principal asker, string conversationId, long chatId, long promptMessageId)
    {
        var answer = await AskersAnswerAsync(asker, conversationId);
        if (answer is null) return FeedbackStatus.NotFound;
        return await store.AwaitReasonAsync(conversationId, asker.UserId, chatId, promptMessageId, CancellationToken.None)
            ? FeedbackStatus.Recorded
            : FeedbackStatus.NotFound;
    }

    public async Task<FeedbackStatus> RecordReasonAsync(Principal asker, long chatId, long promptMessageId, string reason)
    {
        if (FeedbackReason.Clean(reason) is not { } line) return FeedbackStatus.NotFound;
        return await store.RecordReasonAsync(asker.UserId, chatId, promptMessageId, line, CancellationToken.None)
            ? FeedbackStatus.Recorded
            : FeedbackStatus.NotFound;
    }

    public async Task<CurationResult> VerifyAnswerAsync(Principal asker, string conversationId)
    {
        var answer = await AskersAnswerAsync(asker, conversationId);
        if (answer is not { DatabaseId: { } databaseId, Sql: { } sql } || string.IsNullOrWhiteSpace(sql)) return new CurationResult(CurationStatus.NotFound);
        var draft = new ExampleDraft(answer.Question, sql, null, conversationId);
        return await GrainFactory.GetGrain<IVerifiedQueriesGrain>(VerifiedQueryKeys.KeyOf(databaseId)).VerifyAsync(asker, draft);
    }

    /// <summary>The conversation when <paramref name="asker"/> asked it; another person's reads exactly like an unknown one.</summary>
    private async Task<AnsweredQuery?> AskersAnswerAsync(Principal asker, string conversationId)
    {
        if (string.IsNullOrWhiteSpace(conversationId)) return null;
        var answer = await answers.FindAsync(conversationId, CancellationToken.None);
        return answer?.UserId == asker.UserId ? answer : null;
    }

    /// <summary>The curator rule on the database's owner: its organization's owner, its personal owner, administrators for the shared one.</summary>
    private static bool MayCurate(Principal asker, DatabaseInfo database) =>
        AuthorizationPolicy.Instance.Check(asker, AssistantAction.CurateVerifiedQueries, ResourceScope.ForDatabase(database)).Allowed;

    [LoggerMessage(1, LogLevel.Information, "User {UserId} rated {ConversationId}: {Verdict}")]
    private static partial void LogRated(ILogger logger, long userId, string conversationId, FeedbackVerdict verdict);
}
