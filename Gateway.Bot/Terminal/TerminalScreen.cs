using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace OrleansAssistant.Gateway.Bot.Terminal;

/// <summary>
/// The terminal's side of the chat: what the bot shows, and the last keyboard <c>#n</c> presses.
/// Replies to questions arrive on background threads, so writes are serialized here.
/// </summary>
public sealed class TerminalScreen(TextWriter output, TimeProvider time)
{
    private readonly Lock _gate = new();
    private long _lastShownAt = time.GetTimestamp();

    /// <summary>The prompt (sent with ForceReply) that the next typed line replies to, if one is waiting.</summary>
    private Message? _replyPrompt;

    /// <summary>Raised after the bot showed a message or an edit, with its plain text.</summary>
    internal event Action<string>? Shown;

    /// <summary>The message carrying the most recent inline keyboard, if any.</summary>
    internal Message? KeyboardMessage { get; private set; }

    /// <summary>How long the bot has been silent.</summary>
    internal TimeSpan Silence => time.GetElapsedTime(Interlocked.Read(ref _lastShownAt));

    internal void ShowMessage(Message message, string prefix = "")
    {
        var text = message.Text ?? "";
        lock (_gate)
        {
            output.WriteLine(prefix + text);
            if (message.ReplyMarkup is { } keyboard && keyboard.InlineKeyboard.Any())
            {
                output.WriteLine(ButtonLine.Render(keyboard));
                KeyboardMessage = message;
            }
            output.Flush();
        }
        Interlocked.Exchange(ref _lastShownAt, time.GetTimestamp());
        Shown?.Invoke(text);
    }

    /// <summary>Shows the new buttons of a message whose keyboard changed in place; they become the ones <c>#n</c> presses.</summary>
    internal void ShowKeyboard(Message message)
    {
        lock (_gate)
        {
            output.WriteLine("↻ " + (message.ReplyMarkup is { } keyboard ? ButtonLine.Render(keyboard) : "(no buttons)"));
            KeyboardMessage = message;
            output.Flush();
        }
        Interlocked.Exchange(ref _lastShownAt, time.GetTimestamp());
    }

    internal void AwaitReply(Message prompt)
    {
        lock (_gate)
        {
            _replyPrompt = prompt;
            output.WriteLine("(your next line replies to this message)");
            output.Flush();
        }
    }

    /// <summary>Takes the waiting reply prompt: only the next line typed answers it.</summary>
    internal Message? TakeReplyPrompt()
    {
        lock (_gate)
        {
            var prompt = _replyPrompt;
            _replyPrompt = null;
            return prompt;
        }
    }

    /// <summary>A line of the terminal itself (a note or the echoed input), not a bot message.</summary>
    public void ShowNote(string line)
    {
        lock (_gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
        Interlocked.Exchange(ref _lastShownAt, time.GetTimestamp());
    }

    internal InlineKeyboardButton? Button(int number) =>
        KeyboardMessage?.ReplyMarkup is { } keyboard && ButtonLine.Flatten(keyboard) is { } buttons && number >= 1 && number <= buttons.Count
            ? buttons[number - 1]
            : null;
}
