using System.Globalization;
using System.Net.Mail;
using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Schedules;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace OrleansAssistant.Gateway.Bot.Schedules;

/// <summary>
/// A text that replies to one of the schedule dialog's prompts, by the person making the schedule: a time, cron fields,
/// recipients, a webhook address or a threshold. Input that does not fit gets a clear reply and the prompt stays open.
/// </summary>
internal sealed class ScheduleReplies(BotReplies replies, PendingSchedules pending, FlowMessages flow, ScheduleChoices choices)
{
    /// <returns>True when the text answered a prompt (well or badly), false when it is something else.</returns>
    public async Task<bool> TryTakeAsync(Message message, User from, string text, CancellationToken cancellationToken)
    {
        if (message.ReplyToMessage is not { From: { IsBot: true } } prompt || pending.FindPrompt(message.Chat.Id, prompt.Id) is not { } open) return false;
        if (open.Draft.UserId != from.Id) return false;
        var (next, problem) = Read(open.Draft, open.Kind, text.Trim());
        if (next is null)
        {
            await replies.Bot.SendMessage(message.Chat.Id, problem!, ParseMode.Html,
                replyParameters: new ReplyParameters { MessageId = message.Id, AllowSendingWithoutReply = true }, cancellationToken: cancellationToken);
            return true;
        }
        pending.Answered(message.Chat.Id, prompt.Id);
        await flow.ShowAsync(next, cancellationToken);
        return true;
    }

    private (ScheduleDraft? Next, string? Problem) Read(ScheduleDraft draft, PromptKind kind, string text) => kind switch
    {
        PromptKind.Time => TimeTexts.TryRead(text, out var time)
            ? (draft with { Step = draft.Kind == ScheduleKind.Alert ? DraftStep.Confirm : DraftStep.Delivery, Time = time }, null)
            : (null, TimeTexts.NotATime),
        PromptKind.Cron => CronTexts.HasFiveFields(text)
            ? (draft with { Step = DraftStep.Delivery, CronText = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) }, null)
            : (null, CronTexts.NotFiveFields.Replace(" Nothing was created.", " Try again, replying to my message.", StringComparison.Ordinal)),
        PromptKind.Recipients => ReadRecipients(text) is { } bad
            ? (null, ScheduleChangeTexts.NotAnAddress(bad))
            : (draft with { Step = DraftStep.Confirm, EmailTo = Addresses(text) }, null),
        PromptKind.Webhook => WebhookShape(text) is { } problem
            ? (null, ScheduleChangeTexts.WebhookProblem(problem))
            : (draft with { Step = DraftStep.Confirm, WebhookUrl = text }, null),
        _ => decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? (draft with { Step = DraftStep.Check, Threshold = number }, null)
            : (null, "That is not a number. Reply with digits only, like <code>50</code> or <code>-3.5</code>."),
    };

    private static List<string> Addresses(string text) =>
        [.. text.Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <returns>The first entry that is not an e-mail address, or null when all are (the grain checks count and caps again).</returns>
    private static string? ReadRecipients(string text)
    {
        var addresses = Addresses(text);
        if (addresses.Count == 0) return text;
        return addresses.FirstOrDefault(address => !MailAddress.TryCreate(address, out var parsed) || parsed.Address != address || !parsed.Host.Contains('.', StringComparison.Ordinal));
    }

    // The shape is checked here so a typo is caught at once; internal addresses are the grain's to judge.
    private WebhookProblem? WebhookShape(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0) return WebhookProblem.Malformed;
        return uri.Scheme == Uri.UriSchemeHttps || choices.AllowPrivateWebhookTargets ? null : WebhookProblem.NotHttps;
    }
}
