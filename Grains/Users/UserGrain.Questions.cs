using System.Data.Common;
using Microsoft.Extensions.Logging;
using OrleansAssistant.Grains.Audit;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Questions;
using OrleansAssistant.Grains.Telemetry;

namespace OrleansAssistant.Grains.Users;

/// <summary>The question side of a user: rate limit, one question at a time, the conversation window.</summary>
public sealed partial class UserGrain
{
    public const int MaxQuestionLength = 2000;
    public const string StillWorking = "Still working on your previous question… I'll answer it first.";

    private readonly Dictionary<long, ConversationWindow> _windows = [];
    private TokenBucket? _bucket;
    private bool _asking;
    private (string ConversationId, Task<QuestionAnswer> Answer)? _running;

    public async Task<QuestionAnswer> AskAsync(long chatId, string question, IQuestionProgress? progress = null, string? requestId = null)
    {
        if (!IsRegistered) return AssistantMetrics.Refused(new QuestionAnswer(QuestionOutcome.NotRegistered, "Send /start first."));
        var conversationId = requestId is null ? null : ConversationIds.ForRequest(requestId);
        if (conversationId is not null && await RepeatedAskAsync(conversationId) is { } repeated) return repeated;
        // Checked and set with no await in between, so two questions at once can never both pass.
        if (_asking) return AssistantMetrics.Refused(new QuestionAnswer(QuestionOutcome.StillWorking, StillWorking));
        question = question.Trim();
        if (question.Length is 0 or > MaxQuestionLength)
        {
            return AssistantMetrics.Refused(new QuestionAnswer(QuestionOutcome.QueryFailed, $"Please ask in plain words, in at most {MaxQuestionLength} characters."));
        }
        _bucket ??= new TokenBucket(timeProvider);
        if (!_bucket.TryTake(out var wait))
        {
            return AssistantMetrics.Refused(new QuestionAnswer(QuestionOutcome.RateLimited,
                $"You're asking faster than I can answer; please wait {Math.Ceiling(wait.TotalSeconds):0} s.", RetryAfter: wait));
        }
        if (!modelSettings.IsConfigured)
        {
            return AssistantMetrics.Refused(new QuestionAnswer(QuestionOutcome.ModelNotConfigured, "The assistant's model is not configured yet; the operator must set GEMINI_API_KEY."));
        }
        if (State.ActiveDatabaseId is not { } databaseId)
        {
            return AssistantMetrics.Refused(new QuestionAnswer(QuestionOutcome.NoDatabase, "Choose a database with /selectdb first (Demo Sales is there to try)."));
        }

        _asking = true;
        var answering = AnswerAsync(chatId, question, databaseId, progress, conversationId ?? ConversationIds.New());
        if (conversationId is not null) _running = (conversationId, answering);
        try
        {
            return await answering;
        }
        finally
        {
            _asking = false;
            _running = null;
        }
    }

    /// <summary>The same request again (a gateway retrying): the answer still being worked out, or the one recorded.</summary>
    private async Task<QuestionAnswer?> RepeatedAskAsync(string conversationId)
    {
        if (_running is { } running && running.ConversationId == conversationId) return await running.Answer;
        var stored = await answeredQuestions.FindAsync(conversationId, UserId, CancellationToken.None);
        if (stored is not null)
        {
            LogRepeatedAsk(logger, UserId, conversationId);
            return stored;
        }
        // It may have started while the ledger was being read.
        return _running is { } late && late.ConversationId == conversationId ? await late.Answer : null;
    }

    public async Task ClearConversationAsync(long chatId)
    {
        (await WindowAsync(chatId)).Clear();
        await ledger.MarkClearedAsync(chatId, timeProvider.GetUtcNow(), CancellationToken.None);
        await activity.AppendAsync(new ActivityEntry(ActivityEvents.ConversationCleared, UserId, State.OrgId, "chat", chatId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private async Task<QuestionAnswer> AnswerAsync(long chatId, string question, string databaseId, IQuestionProgress? progress, string conversationId)
    {
        var startedAt = timeProvider.GetUtcNow();
        var orgId = State.OrgId;
        var orgName = orgId is null ? null : (await GrainFactory.GetGrain<IOrganizationGrain>(orgId).GetInfoAsync())?.Name;
        var window = await WindowAsync(chatId);
        var context = new QuestionContext(UserId, chatId, orgId, orgName, databaseId, question, window.Recent(startedAt));

        var result = await pipeline.RunAsync(context, progress, CancellationToken.None);

        var answer = result.Answer;
        var completedAt = timeProvider.GetUtcNow();
        var answered = answer.Outcome == QuestionOutcome.Answered;
        var turn = answered
            ? new HistoryTurnRecord(chatId, UserId, conversationId, question, answer.Text, answer.Sql, result.RowCount, answer.Way.ToString(), completedAt)
            : null;
        try
        {
            await ledger.RecordAsync(new ConversationRecord(conversationId, chatId, UserId, orgId, databaseId, question, answer.Way.ToString(),
                answer.Outcome.ToString(), answered ? answer.Text : null, answered ? null : answer.Text, startedAt, completedAt,
                (int)(completedAt - startedAt).TotalMilliseconds), result.Stages, turn, CancellationToken.None);
        }
        catch (DbException)
        {
            // Another attempt of the same request (on another silo, while this one was thought dead) recorded
            // it first and the primary key refused ours; the transaction left nothing, and the first answer stands.
            var stored = await answeredQuestions.FindAsync(conversationId, UserId, CancellationToken.None);
            if (stored is null) throw;
            LogRepeatedAsk(logger, UserId, conversationId);
            return stored;
        }
        if (answered) window.Add(new ConversationTurn(question, answer.Text, answer.Sql, completedAt));
        await activity.AppendAsync(new ActivityEntry(ActivityEvents.QuestionAsked, UserId, orgId, "conversation", conversationId,
            new Dictionary<string, object?> { ["outcome"] = answer.Outcome.ToString(), ["database"] = databaseId }));
        return answer with { ConversationId = conversationId };
    }

    /// <summary>The chat's window, loaded from the history table the first time after an activation.</summary>
    private async Task<ConversationWindow> WindowAsync(long chatId)
    {
        if (!_windows.TryGetValue(chatId, out var window))
        {
            window = new ConversationWindow();
            _windows[chatId] = window;
        }
        if (!window.IsLoaded)
        {
            var now = timeProvider.GetUtcNow();
            var turns = await ledger.RecentTurnsAsync(chatId, window.Size, now - window.Lifetime, CancellationToken.None);
            window.Load(turns.Select(turn => new ConversationTurn(turn.Question, turn.Answer, turn.Sql, turn.CreatedAt)));
        }
        return window;
    }

    [LoggerMessage(10, LogLevel.Information, "User {UserId} asked {ConversationId} again; answered from the ledger")]
    private static partial void LogRepeatedAsk(ILogger logger, long userId, string conversationId);
}
