using OrleansAssistant.Grains.Interfaces.Questions;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace OrleansAssistant.Gateway.Bot.Questions;

/// <summary>
/// What the asker sees while a question is worked on, kept as state, not as a queue of edits: "typing"
/// when the question starts, a progress message only when no answer came within <see cref="PlaceholderDelay"/>
/// of that (or an "in line" note after <see cref="InLineNoteDelay"/> of waiting), and then only the latest stage. A send still waiting for its turn (<c>OutgoingPace</c>) is dropped
/// once a newer stage or the answer supersedes it; one already on its way is waited for, so nothing
/// stale lands after the answer. Stage reports arrive on Orleans' threads, possibly out of order.
/// </summary>
internal sealed class ProgressMessage : IQuestionProgress, IDisposable
{
    /// <summary>An answer ready within this time of its question starting comes without any progress message before it.</summary>
    public static readonly TimeSpan PlaceholderDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A question waiting in line says so only after this long: a short wait (behind a quick question, or for
    /// the rate limit) is not worth a message, which would also spend the chat's send budget the answers need.
    /// </summary>
    public static readonly TimeSpan InLineNoteDelay = TimeSpan.FromSeconds(3);

    public const string FirstText = QuestionTexts.Understanding;

    private readonly ITelegramBotClient _bot;
    private readonly long _chatId;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _finished;
    private readonly Lock _gate = new();
    private Task _sends = Task.CompletedTask;
    private CancellationTokenSource? _edit;
    private QuestionStage? _stage;
    private ReplyParameters? _replyTo;
    private bool _begun;
    private bool _waiting;
    private bool _done;
    private bool _messageQueued;
    private Message? _message;
    private string? _shown;

    public ProgressMessage(ITelegramBotClient bot, long chatId, TimeProvider time, CancellationToken cancellationToken)
    {
        _bot = bot;
        _chatId = chatId;
        _time = time;
        _finished = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    /// <summary>Starts showing: "typing" now, or when the question's turn comes if it waits in line.</summary>
    /// <param name="replyTo">The question, when the progress message should quote it.</param>
    public void Begin(bool waiting, ReplyParameters? replyTo)
    {
        lock (_gate)
        {
            _begun = true;
            _waiting = waiting && _stage is null;
            _replyTo = replyTo;
            if (!_waiting) Enqueue(TypingAsync);
        }
        _ = ShowLaterAsync(waiting ? InLineNoteDelay : PlaceholderDelay);
    }

    public void OnStage(QuestionStage stage)
    {
        lock (_gate)
        {
            // Progress only moves forward: a late report of an earlier stage changes nothing.
            if (_done || (_stage is { } shown && shown >= stage)) return;
            _stage = stage;
            if (!_begun) return;
            if (_waiting)
            {
                // Its turn came: the same rule as for a question that never waited.
                _waiting = false;
                Enqueue(TypingAsync);
                _ = ShowLaterAsync(PlaceholderDelay);
            }
            if (_message is not null) EditToLatest();
        }
    }

    /// <summary>
    /// The answer exists: drops every send still waiting for its turn, waits for one already on its way.
    /// </summary>
    /// <returns>The progress message, when one was shown (the answer takes its place).</returns>
    public async Task<Message?> FinishAsync()
    {
        Task sends;
        lock (_gate)
        {
            _done = true;
            sends = _sends;
        }
        await _finished.CancelAsync();
        await sends.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        lock (_gate) return _message;
    }

    public static string TextOf(QuestionStage stage) => stage switch
    {
        QuestionStage.Querying => "Querying the database…",
        QuestionStage.WritingAnswer => "Writing the answer…",
        QuestionStage.DraftingEmail => "Drafting the e-mail…",
        _ => FirstText,
    };

    public void Dispose()
    {
        _finished.Dispose();
        _edit?.Dispose();
    }

    private string LatestText() => _waiting ? QuestionTexts.InLine : TextOf(_stage ?? QuestionStage.Understanding);

    private async Task ShowLaterAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _time, _finished.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        lock (_gate)
        {
            if (_done || _messageQueued) return;
            _messageQueued = true;
            Enqueue(SendMessageAsync);
        }
    }

    // Called under the gate. Sends go out one after another, each only once the one before has landed or was dropped.
    private void Enqueue(Func<CancellationToken, Task> send)
    {
        var finished = _finished.Token;
        var before = _sends;
        _sends = Task.Run(async () =>
        {
            await before.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (finished.IsCancellationRequested) return;
            try
            {
                await send(finished);
            }
            catch (Exception error) when (error is RequestException or OperationCanceledException)
            {
                // Progress is a courtesy: a dropped or failed send must not lose the answer that follows.
            }
        }, CancellationToken.None);
    }

    // Called under the gate: the edit under way is dropped if it still waits for its turn; the new one shows the latest stage.
    private void EditToLatest()
    {
        _edit?.Cancel();
        var edit = CancellationTokenSource.CreateLinkedTokenSource(_finished.Token);
        _edit = edit;
        Enqueue(_ => EditAsync(edit.Token));
    }

    private Task TypingAsync(CancellationToken cancellationToken) =>
        _bot.SendChatAction(_chatId, ChatAction.Typing, cancellationToken: cancellationToken);

    private async Task SendMessageAsync(CancellationToken cancellationToken)
    {
        string text;
        ReplyParameters? replyTo;
        lock (_gate) (text, replyTo) = (LatestText(), _replyTo);
        var message = await _bot.SendMessage(_chatId, text, replyParameters: replyTo, cancellationToken: cancellationToken);
        lock (_gate)
        {
            (_message, _shown) = (message, text);
            if (!_done && LatestText() != text) EditToLatest();
        }
    }

    private async Task EditAsync(CancellationToken cancellationToken)
    {
        string text;
        int messageId;
        lock (_gate)
        {
            text = LatestText();
            if (text == _shown || _message is null) return;
            messageId = _message.Id;
        }
        await _bot.EditMessageText(_chatId, messageId, text, cancellationToken: cancellationToken);
        lock (_gate) _shown = text;
    }
}
