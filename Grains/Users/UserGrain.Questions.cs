using System.Data.Common;
using Microsoft.Extensions.Logging;
using OrleansAssistant.Grains.Audit;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Questions;
using OrleansAssistant.Grains.Telemetry;

namespace OrleansAssistant.Grains.Users;

/// <summary>The question side of a user: one question at a time with a short line behind it, the rate limit, the conversation window.</summary>
public sealed partial class UserGrain
{
    public const int MaxQuestionLength = 2000;

    public const int MaxWaiting = AskAdmission.MaxWaiting;

    private readonly Dictionary<long, ConversationWindow> _windows = [];
    // The running question first, then those waiting, in the order they arrived.
    private readonly List<QueuedQuestion> _line = [];
    private TokenBucket? _bucket;
    // Loaded on the first ask with a request id; null again after a load that failed, so the next ask tries anew.
    private Task<RecentAnswers>? _recentAnswers;

    public async Task<AskAdmission> QueueAskAsync(long chatId, string question, IQuestionProgress? progress, string requestId) =>
        (await AdmitAsync(chatId, question, progress, requestId)).Admission;

    public async Task<QuestionAnswer> AskAsync(long chatId, string question, IQuestionProgress? progress = null, string? requestId = null)
    {
        var (admission, queued) = await AdmitAsync(chatId, question, progress, requestId);
        return admission.Outcome switch
        {
            AskAdmissionOutcome.InLine => await queued!.Answer.Task,
            AskAdmissionOutcome.LineFull => new QuestionAnswer(QuestionOutcome.QueueFull, ""),
            _ => admission.Answer!,
        };
    }

    /// <summary>
    /// Everything up to joining the line happens before the first await, so questions keep the order in
    /// which they reached the grain, and two can never take the last place.
    /// </summary>
    private async Task<(AskAdmission Admission, QueuedQuestion? Queued)> AdmitAsync(long chatId, string question, IQuestionProgress? progress, string? requestId)
    {
        if (!IsRegistered) return Settled(new QuestionAnswer(QuestionOutcome.NotRegistered, "Send /start first."));
        var conversationId = requestId is null ? ConversationIds.New() : ConversationIds.ForRequest(requestId);
        var known = _line.FindIndex(queued => queued.ConversationId == conversationId);
        if (known >= 0)
        {
            _line[known].Watch(progress);
            return (new AskAdmission(AskAdmissionOutcome.InLine, known), _line[known]);
        }
        question = question.Trim();
        if (question.Length is 0 or > MaxQuestionLength)
        {
            return Settled(new QuestionAnswer(QuestionOutcome.QueryFailed, $"Please ask in plain words, in at most {MaxQuestionLength} characters."));
        }
        if (!modelSettings.IsConfigured)
        {
            return Settled(new QuestionAnswer(QuestionOutcome.ModelNotConfigured, "The assistant's model is not configured yet; the operator must set GEMINI_API_KEY."));
        }
        if (State.ActiveDatabaseId is not { } databaseId)
        {
            return Settled(new QuestionAnswer(QuestionOutcome.NoDatabase, "Choose a database with /selectdb first (Demo Sales is there to try)."));
        }
        if (_line.Count > MaxWaiting)
        {
            // A gateway repeating a request answered before the line filled gets that answer, not a refusal.
            if (requestId is not null && await StoredAnswerAsync(conversationId) is { } answered)
            {
                LogRepeatedAsk(logger, UserId, conversationId);
                return (new AskAdmission(AskAdmissionOutcome.Answered, Answer: answered), null);
            }
            AssistantMetrics.QuestionRefused(QuestionOutcome.QueueFull);
            return (new AskAdmission(AskAdmissionOutcome.LineFull, _line.Count - 1), null);
        }

        var stored = requestId is null ? Task.FromResult<QuestionAnswer?>(null) : StoredAnswerAsync(conversationId);
        var queued = new QueuedQuestion(conversationId, chatId, question, databaseId, progress, stored);
        _line.Add(queued);
        if (_line.Count == 1) _ = WorkThroughLineAsync();
        return (new AskAdmission(AskAdmissionOutcome.InLine, _line.Count - 1), queued);
    }

    /// <summary>
    /// The answer already given under this request id, without a read per ask: the activation knows the ids of the last hour.
    /// Only a repeat of an answer it holds no longer (recorded before this activation, or among the older ones) reads the ledger.
    /// </summary>
    private async Task<QuestionAnswer?> StoredAnswerAsync(string conversationId)
    {
        var loading = _recentAnswers ??= LoadRecentAnswersAsync();
        RecentAnswers recent;
        try
        {
            recent = await loading;
        }
        catch
        {
            if (_recentAnswers == loading) _recentAnswers = null;
            throw;
        }
        return recent.Find(conversationId) switch
        {
            null => null,
            { Answer: { } kept } => kept,
            _ => await answeredQuestions.FindAsync(conversationId, UserId, CancellationToken.None),
        };
    }

    /// <summary>
    /// A recorded answer: a repeat of its request id is answered from here from now on. Before the first ask with a request id
    /// nothing is loaded yet, and the load reads this row; only an ask without a request id (never repeated) can finish while
    /// the load is under way.
    /// </summary>
    private void Remember(string conversationId, QuestionAnswer answer)
    {
        if (_recentAnswers is { IsCompletedSuccessfully: true } loaded) loaded.Result.Add(conversationId, answer);
    }

    private async Task<RecentAnswers> LoadRecentAnswersAsync()
    {
        var recent = new RecentAnswers(timeProvider);
        recent.AddRecorded(await answeredQuestions.RecordedSinceAsync(UserId, timeProvider.GetUtcNow() - RecentAnswers.Lifetime, CancellationToken.None));
        return recent;
    }

    private static (AskAdmission, QueuedQuestion?) Settled(QuestionAnswer refusal) =>
        (new AskAdmission(AskAdmissionOutcome.Answered, Answer: AssistantMetrics.Refused(refusal)), null);

    /// <summary>Answers the line front to back; runs on the activation like any grain turn, and ends when the line is empty.</summary>
    private async Task WorkThroughLineAsync()
    {
        while (_line.Count > 0)
        {
            var next = _line[0];
            try
            {
                next.Answer.TrySetResult(await AnswerInTurnAsync(next));
            }
            catch (Exception error)
            {
                next.Answer.TrySetException(error);
            }
            _line.RemoveAt(0);
        }
    }

    private async Task<QuestionAnswer> AnswerInTurnAsync(QueuedQuestion next)
    {
        if (await next.Stored is { } stored)
        {
            LogRepeatedAsk(logger, UserId, next.ConversationId);
            return stored;
        }
        await WaitForRateLimitAsync();
        return await AnswerAsync(next.ChatId, next.Question, next.DatabaseId, next, next.ConversationId);
    }

    /// <summary>A question leaves the line no faster than the token bucket allows (1 per second, bursts of 3).</summary>
    private async Task WaitForRateLimitAsync()
    {
        _bucket ??= new TokenBucket(timeProvider);
        var counted = false;
        while (!_bucket.TryTake(out var wait))
        {
            if (!counted) AssistantMetrics.RateLimited();
            counted = true;
            await Task.Delay(wait, timeProvider);
        }
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
        var context = new QuestionContext(UserId, chatId, orgId, orgName, databaseId, question, window.Recent(startedAt), CurrentPrincipal, conversationId,
            State.TimeZone);

        var result = await pipeline.RunAsync(context, progress, CancellationToken.None);

        var answer = result.Answer;
        var completedAt = timeProvider.GetUtcNow();
        var answered = answer.Outcome == QuestionOutcome.Answered;
        // A template answer has no text of its own; the window and history keep a plain account of its result.
        var remembered = result.RememberedText;
        var turn = answered
            ? new HistoryTurnRecord(chatId, UserId, conversationId, question, remembered, answer.Sql, result.RowCount, answer.Way.ToString(), completedAt)
            : null;
        try
        {
            await ledger.RecordAsync(new ConversationRecord(conversationId, chatId, UserId, orgId, databaseId, question, answer.Way.ToString(),
                answer.Outcome.ToString(), answered ? remembered : null, answered ? null : answer.Text, startedAt, completedAt,
                (int)(completedAt - startedAt).TotalMilliseconds, answered ? null : answer.Sql), result.Stages, turn, answer.Verified,
                activity.Entry(new ActivityEntry(ActivityEvents.QuestionAsked, UserId, orgId, "conversation", conversationId,
                    new Dictionary<string, object?> { ["outcome"] = answer.Outcome.ToString(), ["database"] = databaseId })), CancellationToken.None);
        }
        catch (DbException)
        {
            // Another attempt of the same request (on another silo, while this one was thought dead) recorded
            // it first and the primary key refused ours; the transaction left nothing, and the first answer stands.
            await budgets.SettleAsync(result.Hold, conversationId, UserId, 0, startedAt, completedAt: null);
            var stored = await answeredQuestions.FindAsync(conversationId, UserId, CancellationToken.None);
            if (stored is null) throw;
            LogRepeatedAsk(logger, UserId, conversationId);
            Remember(conversationId, stored);
            return stored;
        }
        Remember(conversationId, answer with { ConversationId = conversationId });
        await budgets.SettleAsync(result.Hold, conversationId, UserId, answer.TotalCost, startedAt, completedAt);
        if (answered) window.Add(new ConversationTurn(question, remembered, answer.Sql, completedAt));
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

    [LoggerMessage(10, LogLevel.Information, "User {UserId} asked {ConversationId} again; answered with the recorded answer")]
    private static partial void LogRepeatedAsk(ILogger logger, long userId, string conversationId);
}
