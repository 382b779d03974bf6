using Microsoft.Extensions.Logging;
using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Budgets;
using OrleansAssistant.Grains.Interfaces.Users;
using Telegram.Bot.Exceptions;

namespace OrleansAssistant.Gateway.Bot.Budgets;

/// <summary>Brings budget notices into private chats: the 80 % warning to owners and members, and model fallbacks to owners.</summary>
internal sealed partial class BudgetNoticeRelay(IGrainFactory grains, BotReplies replies, TimeProvider clock, ILogger<BudgetNoticeRelay> logger)
    : NoticeRelay<BudgetNotice>(logger)
{
    protected override string Name => "Budget notices";

    protected override Task<IReadOnlyList<BudgetNotice>> TakeAsync() => grains.GetGrain<IBudgetNoticesGrain>(0).TakeAsync(BatchSize);

    // A private chat's id is the person's Telegram id.
    protected override long ChatOf(BudgetNotice notice) => notice.UserId;

    protected override async Task TellAsync(BudgetNotice notice, CancellationToken cancellationToken)
    {
        var memberName = await MemberNameAsync(notice);
        try
        {
            await replies.SendAsync(notice.UserId, BudgetNoticeTexts.For(notice, memberName, clock.GetUtcNow()), cancellationToken);
        }
        catch (ApiRequestException error)
        {
            // A person who blocked the bot cannot be told; the dashboard still shows the budget.
            LogNotTold(logger, notice.NoticeId, notice.Kind, error.ErrorCode);
        }
    }

    // The owner is told whose member budget it is; the member themself needs no name. A notice is handed out once, so a
    // failed look-up words it without the name rather than lose it.
    private async Task<string?> MemberNameAsync(BudgetNotice notice)
    {
        if (notice is not { Scope: BudgetScope.Member, MemberUserId: { } member } || member == notice.UserId) return null;
        try
        {
            return (await grains.GetGrain<IUserGrain>(member).GetInfoAsync())?.Profile.FirstName;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogNameUnknown(logger, notice.NoticeId, error.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(4, LogLevel.Warning, "Budget notice {NoticeId}: the member's name could not be read ({Error}); told without it")]
    private static partial void LogNameUnknown(ILogger logger, long noticeId, string error);

    [LoggerMessage(3, LogLevel.Information, "Budget notice {NoticeId} ({Kind}) could not be delivered to Telegram ({ErrorCode})")]
    private static partial void LogNotTold(ILogger logger, long noticeId, BudgetNoticeKind kind, int errorCode);
}
