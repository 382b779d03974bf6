using OrleansAssistant.Grains.Interfaces.Questions;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace OrleansAssistant.Gateway.Bot.Questions;

/// <summary>
/// The "Understanding your question…" message, edited as the pipeline reports stages. Stage reports
/// arrive on Orleans' threads; edits are chained so they reach Telegram in order and never after the answer.
/// </summary>
internal sealed class ProgressMessage(ITelegramBotClient bot, Message message, CancellationToken cancellationToken) : IQuestionProgress
{
    public const string FirstText = "Understanding your question…";

    private readonly Lock _gate = new();
    private Task _edits = Task.CompletedTask;
    private string _shown = FirstText;
    private bool _finished;

    public Message Message => message;

    public void OnStage(QuestionStage stage)
    {
        var text = TextOf(stage);
        lock (_gate)
        {
            if (_finished || text == _shown) return;
            _shown = text;
            _edits = _edits.ContinueWith(_ => EditAsync(text), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    /// <summary>Stops further progress edits and waits for those already under way.</summary>
    public Task FinishAsync()
    {
        lock (_gate)
        {
            _finished = true;
            return _edits;
        }
    }

    public static string TextOf(QuestionStage stage) => stage switch
    {
        QuestionStage.Querying => "Querying the database…",
        QuestionStage.WritingAnswer => "Writing the answer…",
        QuestionStage.DraftingEmail => "Drafting the e-mail…",
        _ => FirstText,
    };

    private async Task EditAsync(string text)
    {
        try
        {
            await bot.EditMessageText(message.Chat.Id, message.Id, text, cancellationToken: cancellationToken);
        }
        catch (Exception error) when (error is RequestException or OperationCanceledException)
        {
            // Progress is a courtesy: a failed edit must not lose the answer that follows.
        }
    }
}
