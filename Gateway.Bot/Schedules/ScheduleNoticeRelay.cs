using Microsoft.Extensions.Logging;
using OrleansAssistant.Gateway.Bot.Formatting;
using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Schedules;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace OrleansAssistant.Gateway.Bot.Schedules;

/// <summary>
/// Brings what schedules have to say into their owners' chats: reports (formatted as answers), alerts, pauses and failures.
/// </summary>
internal sealed partial class ScheduleNoticeRelay(IGrainFactory grains, BotReplies replies, ILogger<ScheduleNoticeRelay> logger)
    : NoticeRelay<ScheduleNotice>(logger)
{
    protected override string Name => "Schedule notices";

    protected override Task<IReadOnlyList<ScheduleNotice>> TakeAsync() => grains.GetGrain<IScheduleNoticesGrain>(0).TakeAsync(BatchSize);

    protected override long ChatOf(ScheduleNotice notice) => notice.ChatId;

    protected override async Task TellAsync(ScheduleNotice notice, CancellationToken cancellationToken)
    {
        try
        {
            if (notice.Kind == ScheduleNoticeKind.Report) await ReportAsync(notice, cancellationToken);
            else await replies.SendAsync(notice.ChatId, ScheduleNoticeTexts.For(notice), cancellationToken);
        }
        catch (ApiRequestException error)
        {
            // A person who blocked the bot cannot be told; the run's outcome is in the ledger anyway.
            LogNotTold(logger, notice.NoticeId, notice.ScheduleId, error.ErrorCode);
        }
    }

    // A chart goes first, captioned with the title and sentence, as under a question; the table and footer follow.
    private async Task ReportAsync(ScheduleNotice notice, CancellationToken cancellationToken)
    {
        var withText = true;
        if (notice.Chart is { } chart && AnswerMessage.ChartCaption(ReportMessage.AsAnswer(notice), chart) is { } caption)
        {
            await using var png = new MemoryStream(chart.Png, writable: false);
            await replies.Bot.SendPhoto(notice.ChatId, InputFile.FromStream(png, "chart.png"), caption: caption, parseMode: ParseMode.Html,
                cancellationToken: cancellationToken);
            withText = false;
        }
        foreach (var part in ReportMessage.Parts(notice, withText))
        {
            await replies.Bot.SendMessage(notice.ChatId, part, ParseMode.Html, linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true },
                cancellationToken: cancellationToken);
        }
    }

    [LoggerMessage(2, LogLevel.Information, "Schedule notice {NoticeId} of {ScheduleId} could not be delivered to Telegram ({ErrorCode})")]
    private static partial void LogNotTold(ILogger logger, long noticeId, string scheduleId, int errorCode);
}
