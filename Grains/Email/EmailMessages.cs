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

    public static EmailSendResult LimitReached(int perHour) =>
        new(EmailSendOutcome.LimitReached, $"You have sent {perHour} e-mails in the last hour, the most allowed. Please try again later.");

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
