using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Grains.Users;

/// <summary>
/// A question in a user's line: what to ask, of which database, and where its answer goes. It passes
/// stage reports on to whoever watches it now (a gateway that repeated the ask brings a new observer).
/// </summary>
internal sealed class QueuedQuestion(string conversationId, long chatId, string question, string databaseId, IQuestionProgress? watcher,
    Task<QuestionAnswer?> stored) : IQuestionProgress
{
    private IQuestionProgress? _watcher = watcher;
    private QuestionStage? _stage;

    public string ConversationId => conversationId;
    public long ChatId => chatId;
    public string Question => question;

    /// <summary>The database active when the question was asked, so a later /selectdb does not change what it asks.</summary>
    public string DatabaseId => databaseId;

    /// <summary>A request already answered (a repeat after a silo died): its answer, without a model call.</summary>
    public Task<QuestionAnswer?> Stored => stored;

    public TaskCompletionSource<QuestionAnswer> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A new observer for this question; it hears the current stage at once.</summary>
    public void Watch(IQuestionProgress? watcher)
    {
        if (watcher is null) return;
        _watcher = watcher;
        if (_stage is { } stage) watcher.OnStage(stage);
    }

    public void OnStage(QuestionStage stage)
    {
        _stage = stage;
        _watcher?.OnStage(stage);
    }
}
