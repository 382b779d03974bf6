using Microsoft.Extensions.Logging;
using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Users;
using Telegram.Bot.Exceptions;

namespace OrleansAssistant.Gateway.Bot.Memberships;

/// <summary>Brings membership notices into private chats: an owner's invitation to the invitee, a departure to the owner.</summary>
internal sealed partial class MembershipNoticeRelay(IGrainFactory grains, BotReplies replies, ILogger<MembershipNoticeRelay> logger)
    : NoticeRelay<MembershipNotice>(logger)
{
    protected override string Name => "Membership notices";

    protected override Task<IReadOnlyList<MembershipNotice>> TakeAsync() => grains.GetGrain<IMembershipNoticesGrain>(0).TakeAsync(BatchSize);

    // A private chat's id is the person's Telegram id.
    protected override long ChatOf(MembershipNotice notice) => notice.UserId;

    protected override async Task TellAsync(MembershipNotice notice, CancellationToken cancellationToken)
    {
        try
        {
            if (notice is { Kind: MembershipNoticeKind.Invited, InvitationCode: { } code })
            {
                await replies.SendAsync(notice.UserId, MembershipNoticeTexts.Invited(notice), cancellationToken,
                    MembershipButtons.Invitation(notice.OrgName, code));
            }
            else if (notice.Kind == MembershipNoticeKind.MemberLeft)
            {
                var name = notice.OtherUserId is { } member ? (await grains.GetGrain<IUserGrain>(member).GetInfoAsync())?.Profile.FirstName : null;
                await replies.SendAsync(notice.UserId, MembershipNoticeTexts.MemberLeft(notice, name), cancellationToken);
            }
        }
        catch (ApiRequestException error)
        {
            // Someone who blocked the bot cannot be told; an unanswered invitation simply expires.
            LogNotTold(logger, notice.NoticeId, notice.Kind, error.ErrorCode);
        }
    }

    [LoggerMessage(2, LogLevel.Information, "Membership notice {NoticeId} ({Kind}) could not be delivered to Telegram ({ErrorCode})")]
    private static partial void LogNotTold(ILogger logger, long noticeId, MembershipNoticeKind kind, int errorCode);
}
