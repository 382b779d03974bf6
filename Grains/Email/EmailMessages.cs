using OrleansAssistant.Grains.Interfaces.Email;

namespace OrleansAssistant.Grains.Email;

/// <summary>The answers to send and cancel requests, worded for the user.</summary>
internal static class EmailMessages
{
    public static EmailSendResult Queued(IReadOnlyList<string> to) =>
        new(EmailSendOutcome.Queued, $"Sending the e-mail to {string.Join(", ", to)}. I'll tell you when it has gone.");

    public static readonly EmailSendResult AlreadyHandled =
        new(EmailSendOutcome.AlreadyHandled, "This e-mail was already sent or is on its way.");

    public static readonly EmailSendResult NotFound =
        new(EmailSendOutcome.NotFound, "I can't find that e-mail draft any more.");

    public static EmailSendResult LimitReached(int perHour, int sentToInLastHour, int recipients) =>
        new(EmailSendOutcome.LimitReached,
            $"You may e-mail at most {perHour} recipients an hour; you have e-mailed {sentToInLastHour} in the last hour and this e-mail has {recipients}. Please try again later.");

    public static EmailSendResult TooManyRecipients(int max, int recipients) =>
        new(EmailSendOutcome.RecipientsRefused, $"This e-mail has {recipients} recipients; at most {max} are allowed. Nothing was sent.");

    public static EmailSendResult DomainNotAllowed(string address, IReadOnlyList<string> allowed) =>
        new(EmailSendOutcome.RecipientsRefused,
            $"{address} is outside the domains this installation sends to ({string.Join(", ", allowed)}). Nothing was sent.");

    public static readonly EmailSendResult NoRecipients =
        new(EmailSendOutcome.NoRecipients, "This draft has no recipients, so it cannot be sent.");

    public static readonly EmailSendResult Cancelled =
        new(EmailSendOutcome.Cancelled, "This e-mail was cancelled and will not be sent.");

    public static readonly EmailSendResult CancelledNow =
        new(EmailSendOutcome.Cancelled, "Cancelled: the e-mail will not be sent.");

    public static readonly EmailSendResult TooLateToCancel =
        new(EmailSendOutcome.AlreadyHandled, "This e-mail was already sent or is on its way; it can no longer be cancelled.");

    public static readonly EmailSendResult NotConfigured =
        new(EmailSendOutcome.NotConfigured, "Sending e-mail is not set up on this installation; ask an administrator.");
}
