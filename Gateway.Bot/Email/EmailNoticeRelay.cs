using Microsoft.Extensions.Logging;
using OrleansAssistant.Gateway.Bot.Formatting;
using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Email;
using Telegram.Bot.Exceptions;

namespace OrleansAssistant.Gateway.Bot.Email;

/// <summary>
/// Tells people when their e-mail was sent or finally failed. The outbox hands each notice out once,
/// so any number of gateway copies can run this side by side.
/// </summary>
internal sealed partial class EmailNoticeRelay(IGrainFactory grains, BotReplies replies, ILogger<EmailNoticeRelay> logger)
    : NoticeRelay<EmailNotice>(logger)
{
    protected override string Name => "E-mail notices";

    protected override Task<IReadOnlyList<EmailNotice>> TakeAsync() => grains.GetGrain<IEmailNoticesGrain>(0).TakeAsync(BatchSize);

    protected override long ChatOf(EmailNotice notice) => notice.ChatId;

    protected override async Task TellAsync(EmailNotice notice, CancellationToken cancellationToken)
    {
        var to = TelegramHtml.Escape(string.Join(", ", notice.To));
        var subject = TelegramHtml.Escape(notice.Subject);
        var text = notice.Status == EmailStatus.Sent
            ? $"✉️ E-mail \"{subject}\" was sent to {to}."
            : $"⚠️ E-mail \"{subject}\" to {to} could not be sent after several tries: {TelegramHtml.Escape(notice.Error ?? "unknown error")}";
        try
        {
            await replies.SendAsync(notice.ChatId, text, cancellationToken);
        }
        catch (ApiRequestException error)
        {
            // A user who blocked the bot cannot be told; the e-mail's fate is in the outbox anyway.
            LogNotTold(logger, notice.DraftId, error.ErrorCode);
        }
    }

    [LoggerMessage(2, LogLevel.Information, "E-mail notice {DraftId} could not be delivered to Telegram ({ErrorCode})")]
    private static partial void LogNotTold(ILogger logger, string draftId, int errorCode);
}
