using OrleansAssistant.Gateway.Bot.Questions;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Gateway.Bot.Terminal;

/// <summary>
/// Questions are answered in the background (the router does not await them); the terminal waits for
/// the first message that is not progress, then for a short silence so every part of the answer is shown.
/// </summary>
internal sealed class AnswerWait : IDisposable
{
    /// <summary>How long the bot must be silent after the answer before the next line is read.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    private static readonly HashSet<string> ProgressTexts = [.. Enum.GetValues<QuestionStage>().Select(ProgressMessage.TextOf)];

    private readonly TerminalScreen _screen;
    private readonly TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AnswerWait(TerminalScreen screen)
    {
        _screen = screen;
        _screen.Shown += OnShown;
    }

    /// <summary>Starts listening; call before the question is routed so a quick answer is not missed.</summary>
    public static AnswerWait Begin(TerminalScreen screen) => new(screen);

    /// <returns>False when no answer came within <paramref name="limit"/>.</returns>
    public async Task<bool> WaitAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        try
        {
            await _answered.Task.WaitAsync(limit, cancellationToken);
        }
        catch (TimeoutException)
        {
            return false;
        }
        while (_screen.Silence < Quiet) await Task.Delay(Quiet - _screen.Silence, cancellationToken);
        return true;
    }

    public void Dispose() => _screen.Shown -= OnShown;

    private void OnShown(string text)
    {
        if (!ProgressTexts.Contains(text)) _answered.TrySetResult();
    }
}
