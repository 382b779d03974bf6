using OrleansAssistant.Grains.Interfaces.Email;

namespace OrleansAssistant.Grains.Email;

/// <summary>
/// Who one user may e-mail through the installation's account: at most <see cref="EmailSettings.MaxRecipients"/> per
/// e-mail, only the allowed domains when some are set, and at most <see cref="EmailDeliveryOptions.HourlyLimit"/>
/// recipients an hour. Drafts and scheduled reports are held to the same rules.
/// </summary>
public sealed class RecipientRules(EmailOutboxStore outbox, EmailSettings settings, EmailDeliveryOptions options, TimeProvider timeProvider)
{
    /// <returns>Null when the e-mail may be queued now; otherwise the refusal, worded for the user.</returns>
    public async Task<EmailSendResult?> RefusalAsync(long userId, IReadOnlyList<string> to, CancellationToken cancellationToken)
    {
        if (to.Count > settings.MaxRecipients) return EmailMessages.TooManyRecipients(settings.MaxRecipients, to.Count);
        if (to.FirstOrDefault(address => !settings.AllowsRecipient(address)) is { } outside)
        {
            return EmailMessages.DomainNotAllowed(outside, settings.AllowedDomains);
        }
        var sentTo = await outbox.CountRecipientsQueuedSinceAsync(userId, timeProvider.GetUtcNow().AddHours(-1), cancellationToken);
        return sentTo + to.Count > options.HourlyLimit ? EmailMessages.LimitReached(options.HourlyLimit, sentTo, to.Count) : null;
    }
}
