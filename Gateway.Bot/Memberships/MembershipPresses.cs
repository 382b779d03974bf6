using OrleansAssistant.Gateway.Bot.Callbacks;
using OrleansAssistant.Gateway.Bot.Commands;
using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Organizations;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace OrleansAssistant.Gateway.Bot.Memberships;

/// <summary>
/// [Join …] / [Decline] under an invitation and [Leave …] / [Stay] under /leave. The membership grain checks the
/// presser again: an invitation works only for the person it was sent to, whoever presses.
/// </summary>
internal sealed class MembershipPresses(IGrainFactory grains, BotReplies replies, CredentialsReply credentials)
{
    private IMembershipGrain Membership => grains.GetGrain<IMembershipGrain>(0);

    public async Task PressAsync(CallbackQuery query, string data, CancellationToken cancellationToken)
    {
        var chatId = query.Message?.Chat.Id ?? query.From.Id;
        var userId = query.From.Id;
        if (data.StartsWith(MembershipButtons.JoinPrefix, StringComparison.Ordinal))
        {
            var result = await Membership.JoinAsync(userId, data[MembershipButtons.JoinPrefix.Length..]);
            await AnswerAsync(query, result.Succeeded ? "Joined" : CallbackText.Fit(result.Message), cancellationToken);
            if (!result.Succeeded) return;
            await ClearButtonsAsync(query, cancellationToken);
            await replies.SendAsync(chatId,
                $"You joined {Texts.Bold(result.Organization?.Name ?? "the organization")}. Choose one of its databases with /selectdb, then ask away. "
                + "You can /leave at any time.", cancellationToken);
            await credentials.SendAsync(chatId, query.Message?.Chat.Type == ChatType.Private, result.Credentials, cancellationToken);
            return;
        }
        if (data.StartsWith(MembershipButtons.DeclinePrefix, StringComparison.Ordinal))
        {
            var result = await Membership.DeclineInvitationAsync(userId, data[MembershipButtons.DeclinePrefix.Length..]);
            await AnswerAsync(query, result.Succeeded ? "Declined" : CallbackText.Fit(result.Message), cancellationToken);
            if (!result.Succeeded) return;
            await ClearButtonsAsync(query, cancellationToken);
            await replies.SendAsync(chatId, "Invitation declined; nothing changed.", cancellationToken);
            return;
        }
        if (data == MembershipButtons.LeaveConfirm)
        {
            var result = await Membership.LeaveAsync(userId);
            await AnswerAsync(query, result.Succeeded ? "Left" : CallbackText.Fit(result.Message), cancellationToken);
            if (!result.Succeeded) return;
            await ClearButtonsAsync(query, cancellationToken);
            await replies.SendAsync(chatId, LeaveTexts.Left(result.Organization?.Name), cancellationToken);
            return;
        }
        await AnswerAsync(query, "You stay.", cancellationToken);
        await ClearButtonsAsync(query, cancellationToken);
    }

    // Telegram shows a spinner on the button until the press is answered.
    private Task AnswerAsync(CallbackQuery query, string? text, CancellationToken cancellationToken) =>
        replies.Bot.AnswerCallbackQuery(query.Id, text, cancellationToken: cancellationToken);

    // A pressed invitation or confirmation has done its work; its buttons go so it is not pressed twice.
    private async Task ClearButtonsAsync(CallbackQuery query, CancellationToken cancellationToken)
    {
        if (query.Message is not { } message) return;
        try
        {
            await replies.Bot.EditMessageReplyMarkup(message.Chat.Id, message.Id, replyMarkup: null, cancellationToken: cancellationToken);
        }
        catch (Telegram.Bot.Exceptions.ApiRequestException)
        {
            // The message may be too old to edit; the grain refuses a second press anyway.
        }
    }
}
