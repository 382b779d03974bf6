using OrleansAssistant.Gateway.Bot.Email;
using OrleansAssistant.Gateway.Bot.Formatting;
using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Gateway.Bot.Resilience;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.Users;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace OrleansAssistant.Gateway.Bot.Questions;

/// <summary>Plain text is a question: typing at once, a progress message while the user grain works, then the answer in its place.</summary>
internal sealed class QuestionHandler(IGrainFactory grains, BotReplies replies, EmailDraftButtons emails, ClusterCallRetry retry)
{
    /// <summary>Progress reports are one-way: one sent just before the answer may arrive after it.</summary>
    private static readonly TimeSpan LateProgressGrace = TimeSpan.FromSeconds(10);

    public async Task AskAsync(Message message, User from, string question, CancellationToken cancellationToken)
    {
        var bot = replies.Bot;
        var chatId = message.Chat.Id;
        await bot.SendChatAction(chatId, ChatAction.Typing, cancellationToken: cancellationToken);
        var placeholder = await bot.SendMessage(chatId, ProgressMessage.FirstText, replyParameters: ReplyTo(message), cancellationToken: cancellationToken);

        var progress = new ProgressMessage(bot, placeholder, cancellationToken);
        var reference = grains.CreateObjectReference<IQuestionProgress>(progress);
        var user = grains.GetGrain<IUserGrain>(from.Id);
        // One id per Telegram message: a retry after a silo died gets the stored answer, never a second conversation.
        var requestId = RequestIdOf(message);
        QuestionAnswer? answer = null;
        try
        {
            answer = await retry.RunAsync("Asking", chatId, () => user.AskAsync(chatId, question, reference, requestId), cancellationToken,
                ClusterCallRetry.RepeatAskAfter);
        }
        catch (ClusterUnavailableException)
        {
            // Told below, in place of the progress message.
        }
        finally
        {
            await progress.FinishAsync();
            _ = ForgetProgressLaterAsync(reference);
        }
        if (answer is null)
        {
            await ShowAsync(placeholder, [ClusterRetryTexts.Question], cancellationToken);
            return;
        }

        await ShowAsync(placeholder, AnswerMessage.Render(answer), cancellationToken);
        if (answer.Email is { } draft) await emails.ShowAsync(from.Id, chatId, draft, cancellationToken);
    }

    /// <summary>The request id of a question: its chat and message, unique on Telegram.</summary>
    internal static string RequestIdOf(Message message) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"tg_{message.Chat.Id}_{message.Id}");

    // In a group several people ask at once; answering as a reply shows whose question it is.
    private static ReplyParameters? ReplyTo(Message message) =>
        message.Chat.Type == ChatType.Private ? null : new ReplyParameters { MessageId = message.Id };

    private async Task ShowAsync(Message placeholder, IReadOnlyList<string> parts, CancellationToken cancellationToken)
    {
        var rest = parts.Skip(1);
        try
        {
            await replies.Bot.EditMessageText(placeholder.Chat.Id, placeholder.Id, parts[0], ParseMode.Html, cancellationToken: cancellationToken);
        }
        catch (ApiRequestException)
        {
            // The progress message is gone (deleted by the user): the answer must still arrive.
            rest = parts;
        }
        foreach (var part in rest)
        {
            await replies.SendAsync(placeholder.Chat.Id, part, cancellationToken);
        }
    }

    // The finished progress message ignores late reports; keeping its reference a little longer lets them land
    // instead of failing in Orleans as calls to an object that no longer exists.
    private async Task ForgetProgressLaterAsync(IQuestionProgress reference)
    {
        await Task.Delay(LateProgressGrace);
        grains.DeleteObjectReference<IQuestionProgress>(reference);
    }
}
