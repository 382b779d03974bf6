using OrleansAssistant.Gateway.Bot.Answers;
using OrleansAssistant.Gateway.Bot.Budgets;
using OrleansAssistant.Gateway.Bot.Email;
using OrleansAssistant.Gateway.Bot.Formatting;
using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Gateway.Bot.Resilience;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Hosting.Resilience;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types;
using Telegram.Bot;

namespace OrleansAssistant.Gateway.Bot.Questions;

/// <summary>
/// Plain text is a question. In its chat's lane it is handed to the user grain's line (so questions keep
/// their order); the answer is then awaited outside the lane and shown as soon as it exists and the one before it is shown.
/// </summary>
internal sealed class QuestionHandler(
    IGrainFactory grains, BotReplies replies, EmailDraftButtons emails, ClusterCallRetry retry, PendingQuestions pending,
    ChatTimeline timeline, UpdateFailures failures, TimeProvider time, RefusalReaders refusalReaders)
{
    /// <summary>Progress reports are one-way: one sent just before the answer may arrive after it.</summary>
    private static readonly TimeSpan LateProgressGrace = TimeSpan.FromSeconds(10);

    private readonly ChatLanes _shownInOrder = new();

    /// <summary>Runs in the chat's lane: returns once the question is in line, refused, or answered from a stored answer.</summary>
    public async Task QueueAsync(Message message, User from, string question, CancellationToken cancellationToken)
    {
        var chatId = message.Chat.Id;
        var progress = new ProgressMessage(replies.Bot, chatId, time, cancellationToken);
        var reference = grains.CreateObjectReference<IQuestionProgress>(progress);
        var user = grains.GetGrain<IUserGrain>(from.Id);
        // One id per Telegram message: a retry after a silo died finds the same question, never a second one.
        var requestId = RequestIdOf(message);
        AskAdmission admission;
        try
        {
            admission = await retry.RunAsync("Queueing a question", $"chat {chatId}", () => user.QueueAskAsync(chatId, question, reference, requestId), cancellationToken);
        }
        catch (ClusterUnavailableException)
        {
            admission = new AskAdmission(AskAdmissionOutcome.Answered);
        }
        if (admission.Outcome != AskAdmissionOutcome.InLine)
        {
            grains.DeleteObjectReference<IQuestionProgress>(reference);
            progress.Dispose();
            var notTaken = admission.Outcome == AskAdmissionOutcome.LineFull;
            var reader = notTaken ? null : await refusalReaders.ForAsync(from.Id, admission.Answer);
            await ShowAsync(message, null, notTaken ? null : admission.Answer, PartsOf(admission.Answer, notTaken, reader), notTaken || MustQuote(message, from),
                cancellationToken);
            return;
        }

        var inSeries = pending.Add(from.Id);
        var waiting = admission.Ahead > 0;
        progress.Begin(waiting, waiting || inSeries || MustQuote(message, from) ? Quote(message) : null);
        _ = Task.Run(() => failures.GuardAsync(chatId, () => AnswerAsync(message, from, question, user, progress, reference, waiting || inSeries, cancellationToken),
            cancellationToken), CancellationToken.None);
    }

    /// <summary>The request id of a question: its chat and message, unique on Telegram.</summary>
    internal static string RequestIdOf(Message message) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"tg_{message.Chat.Id}_{message.Id}");

    /// <param name="quoted">The question waited in line or came right after another: its answer quotes it whatever else happens.</param>
    private async Task AnswerAsync(Message message, User from, string question, IUserGrain user, ProgressMessage progress, IQuestionProgress reference,
        bool quoted, CancellationToken cancellationToken)
    {
        var chatId = message.Chat.Id;
        QuestionAnswer? answer = null;
        try
        {
            answer = await retry.RunAsync("Asking", $"chat {chatId}", () => user.AskAsync(chatId, question, reference, RequestIdOf(message)), cancellationToken,
                ClusterCallRetry.RepeatAskAfter);
        }
        catch (ClusterUnavailableException)
        {
            // Told below, in place of the answer.
        }
        finally
        {
            // Answers leave the user grain one at a time, in question order. Showing one takes several paced calls
            // (finish the progress message, then send or edit), so each waits for the answer before it in this chat to be
            // on screen; otherwise a later answer without a progress message could overtake it. The wait is only ever
            // for an answer that already exists.
            await _shownInOrder.RunAsync(chatId, () => ShowInTurnAsync(message, from, answer, progress, reference, quoted, cancellationToken));
        }
    }

    private async Task ShowInTurnAsync(Message message, User from, QuestionAnswer? answer, ProgressMessage progress, IQuestionProgress reference,
        bool quoted, CancellationToken cancellationToken)
    {
        Message? placeholder;
        bool quote;
        try
        {
            placeholder = await progress.FinishAsync();
        }
        finally
        {
            _ = ForgetProgressLaterAsync(reference, progress);
            quote = quoted || MustQuote(message, from);
            pending.Remove(from.Id);
        }

        var reader = await refusalReaders.ForAsync(from.Id, answer);
        await ShowAsync(message, placeholder, answer, PartsOf(answer, answer?.Outcome == QuestionOutcome.QueueFull, reader), quote, cancellationToken);
        if (answer?.Email is { } draft) await emails.ShowAsync(from.Id, message.Chat.Id, draft, cancellationToken);
    }

    /// <param name="answer">Null: the cluster stayed unreachable, so the person is asked to send it again.</param>
    private static IReadOnlyList<string> PartsOf(QuestionAnswer? answer, bool notTaken, RefusalReader? refusalReader) =>
        notTaken ? [QuestionTexts.NotTaken]
        : answer is null ? [ClusterRetryTexts.Question]
        : AnswerMessage.Render(answer, refusalReader: refusalReader);

    // In a group several people ask at once; in a private chat an answer quotes its question while other questions
    // of that person wait, or when other messages came after the question (the answer would sit under those).
    private bool MustQuote(Message message, User from) =>
        message.Chat.Type != ChatType.Private || pending.Of(from.Id) > 1 || timeline.HasNewerThan(message.Chat.Id, message.Id);

    private static ReplyParameters Quote(Message message) => new() { MessageId = message.Id, AllowSendingWithoutReply = true };

    /// <summary>
    /// The answer in place of the progress message when there is one, else as a new message; never behind progress.
    /// A chart goes first, as a photo captioned with the answer; the answer's buttons go under its last message.
    /// </summary>
    private async Task ShowAsync(Message question, Message? placeholder, QuestionAnswer? answer, IReadOnlyList<string> parts, bool quote,
        CancellationToken cancellationToken)
    {
        var keyboard = answer is null ? null : AnswerButtons.For(answer);
        if (answer?.Chart is { } chart)
        {
            parts = await ShowChartAsync(question, placeholder, answer, chart, quote, cancellationToken);
            placeholder = null;
            quote = false;
        }
        var rest = parts;
        if (placeholder is not null)
        {
            try
            {
                await replies.Bot.EditMessageText(placeholder.Chat.Id, placeholder.Id, parts[0], ParseMode.Html,
                    replyMarkup: parts.Count == 1 ? keyboard : null, cancellationToken: cancellationToken);
                rest = [.. parts.Skip(1)];
                // The progress message already sits where the answer belongs (it quoted the question if that was needed).
                quote = false;
            }
            catch (ApiRequestException)
            {
                // The progress message is gone (deleted by the user): the answer must still arrive.
            }
        }
        var chatId = question.Chat.Id;
        for (var index = 0; index < rest.Count; index++)
        {
            var sent = await replies.Bot.SendMessage(chatId, rest[index], ParseMode.Html,
                replyParameters: index == 0 && quote ? Quote(question) : null,
                replyMarkup: index == rest.Count - 1 ? keyboard : null,
                linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true },
                cancellationToken: cancellationToken);
            timeline.Saw(chatId, sent.Id);
        }
    }

    /// <summary>
    /// Sends the chart as a photo captioned with the answer (a progress message cannot become a photo, so it is
    /// removed first). Returns what is left to send as text: the table and footer, or everything when the
    /// answer is too long for a caption.
    /// </summary>
    private async Task<IReadOnlyList<string>> ShowChartAsync(Message question, Message? placeholder, QuestionAnswer answer, AnswerChart chart, bool quote,
        CancellationToken cancellationToken)
    {
        if (placeholder is not null) await replies.TryDeleteAsync(placeholder, cancellationToken);
        var caption = AnswerMessage.ChartCaption(answer, chart);
        await using var png = new MemoryStream(chart.Png, writable: false);
        var sent = await replies.Bot.SendPhoto(question.Chat.Id, InputFile.FromStream(png, "chart.png"), caption: caption, parseMode: ParseMode.Html,
            replyParameters: quote ? Quote(question) : null, cancellationToken: cancellationToken);
        timeline.Saw(question.Chat.Id, sent.Id);
        return AnswerMessage.Render(answer, withText: caption is null);
    }

    // The finished progress message ignores late reports; keeping its reference a little longer lets them land
    // instead of failing in Orleans as calls to an object that no longer exists.
    private async Task ForgetProgressLaterAsync(IQuestionProgress reference, ProgressMessage progress)
    {
        await Task.Delay(LateProgressGrace, time);
        grains.DeleteObjectReference<IQuestionProgress>(reference);
        progress.Dispose();
    }
}
