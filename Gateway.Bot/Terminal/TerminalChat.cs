using System.Globalization;
using Telegram.Bot;

namespace OrleansAssistant.Gateway.Bot.Terminal;

/// <summary>
/// The bot's conversation in a terminal: each line becomes the update Telegram would deliver and goes
/// through the same router; <c>#n</c> presses button n of the last keyboard; a line typed after a ForceReply prompt
/// (a 👎's "what was wrong?") replies to it; <c>quit</c> or end of input ends it.
/// </summary>
public sealed class TerminalChat
{
    /// <summary>The longest a question may take before the next line is read anyway (the model retries slow calls).</summary>
    public static readonly TimeSpan AnswerLimit = TimeSpan.FromMinutes(5);

    private readonly UpdateRouter _router;
    private readonly TerminalBotClient _bot;
    private readonly BotIdentity _identity;
    private readonly TerminalScreen _screen;
    private readonly TerminalUpdates _updates;

    internal TerminalChat(UpdateRouter router, TerminalBotClient bot, BotIdentity identity, TerminalScreen screen, TerminalUpdates updates)
    {
        _router = router;
        _bot = bot;
        _identity = identity;
        _screen = screen;
        _updates = updates;
    }

    /// <summary>Whether each line read is printed first, so a piped script reads as a conversation.</summary>
    public bool EchoInput { get; init; }

    public async Task RunAsync(TextReader input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        _identity.Username = (await _bot.GetMe(cancellationToken)).Username;
        while (await input.ReadLineAsync(cancellationToken) is { } read)
        {
            var line = read.Trim();
            if (line.Length == 0) continue;
            if (line.Equals("quit", StringComparison.OrdinalIgnoreCase)) break;
            if (EchoInput) _screen.ShowNote("> " + line);
            await (line.StartsWith('#') ? PressAsync(line[1..], cancellationToken) : SayAsync(line, cancellationToken));
        }
    }

    private async Task SayAsync(string text, CancellationToken cancellationToken)
    {
        var update = _updates.Text(text, _screen.TakeReplyPrompt());
        if (text.StartsWith('/'))
        {
            await _router.RouteAsync(update, cancellationToken);
            return;
        }
        using var answer = AnswerWait.Begin(_screen);
        await _router.RouteAsync(update, cancellationToken);
        if (!await answer.WaitAsync(AnswerLimit, cancellationToken)) _screen.ShowNote("(no answer yet; it will appear when it arrives)");
    }

    private async Task PressAsync(string number, CancellationToken cancellationToken)
    {
        var button = int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? _screen.Button(index) : null;
        if (button?.CallbackData is not { } data || _screen.KeyboardMessage is not { } message)
        {
            _screen.ShowNote($"(there is no button {number} to press)");
            return;
        }
        await _router.RouteAsync(_updates.Press(message, data), cancellationToken);
    }
}
