using System.Collections.Concurrent;

namespace OrleansAssistant.Gateway.Bot.Schedules;

/// <summary>What a reply prompt of the schedule dialog asks for.</summary>
internal enum PromptKind
{
    Time,
    Cron,
    Recipients,
    Webhook,
    Threshold,
}

/// <summary>
/// The schedules being made in each chat, keyed by the message the dialog edits, and the reply prompts it has open.
/// Short-lived memory of this gateway process: a restart, or half an hour without a step, loses only an unfinished dialog.
/// </summary>
internal sealed class PendingSchedules(TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<(long Chat, int Message), (ScheduleDraft Draft, DateTimeOffset Until)> _drafts = new();
    private readonly ConcurrentDictionary<(long Chat, int Prompt), (int FlowMessageId, PromptKind Kind, DateTimeOffset Until)> _prompts = new();

    public void Keep(ScheduleDraft draft)
    {
        Sweep();
        _drafts[(draft.ChatId, draft.FlowMessageId)] = (draft, time.GetUtcNow() + Lifetime);
    }

    public ScheduleDraft? Find(long chatId, int flowMessageId) =>
        _drafts.TryGetValue((chatId, flowMessageId), out var entry) && entry.Until > time.GetUtcNow() ? entry.Draft : null;

    public void Forget(ScheduleDraft draft) => _drafts.TryRemove((draft.ChatId, draft.FlowMessageId), out _);

    public void Prompted(ScheduleDraft draft, int promptMessageId, PromptKind kind) =>
        _prompts[(draft.ChatId, promptMessageId)] = (draft.FlowMessageId, kind, time.GetUtcNow() + Lifetime);

    /// <returns>The draft and what was asked, when <paramref name="promptMessageId"/> is an open prompt of a live draft.</returns>
    public (ScheduleDraft Draft, PromptKind Kind)? FindPrompt(long chatId, int promptMessageId) =>
        _prompts.TryGetValue((chatId, promptMessageId), out var prompt) && prompt.Until > time.GetUtcNow()
            && Find(chatId, prompt.FlowMessageId) is { } draft
            ? (draft, prompt.Kind)
            : null;

    public void Answered(long chatId, int promptMessageId) => _prompts.TryRemove((chatId, promptMessageId), out _);

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var stale in _drafts.Where(entry => entry.Value.Until <= now)) _drafts.TryRemove(stale.Key, out _);
        foreach (var stale in _prompts.Where(entry => entry.Value.Until <= now)) _prompts.TryRemove(stale.Key, out _);
    }
}
