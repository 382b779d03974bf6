using Microsoft.Extensions.Hosting;
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
internal sealed partial class EmailNoticeRelay(IGrainFactory grains, BotReplies replies, ILogger<EmailNoticeRelay> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var notice in await grains.GetGrain<IEmailNoticesGrain>(0).TakeAsync(20))
                {
                    await TellAsync(notice, stoppingToken);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogRelayFailed(logger, error.Message);
            }
            await Task.Delay(Interval, stoppingToken);
        }
    }

    private async Task TellAsync(EmailNotice notice, CancellationToken cancellationToken)
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

    [LoggerMessage(1, LogLevel.Warning, "E-mail notices could not be fetched: {Reason}")]
    private static partial void LogRelayFailed(ILogger logger, string reason);

    [LoggerMessage(2, LogLevel.Information, "E-mail notice {DraftId} could not be delivered to Telegram ({ErrorCode})")]
    private static partial void LogNotTold(ILogger logger, string draftId, int errorCode);
}
