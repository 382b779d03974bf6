namespace OrleansAssistant.Grains.Interfaces.Email;

[GenerateSerializer, Alias("OrleansAssistant.EmailSendOutcome")]
public enum EmailSendOutcome
{
    /// <summary>Queued now; a notice follows when it was sent or finally failed.</summary>
    Queued = 0,
    /// <summary>Already queued or sent before (e.g. a double click): nothing is sent twice.</summary>
    AlreadyHandled = 1,
    NotFound = 2,
    /// <summary>The per-user limit of recipients an hour would be passed.</summary>
    LimitReached = 3,
    NoRecipients = 4,
    Cancelled = 5,
    /// <summary>Sending e-mail is not configured on this installation.</summary>
    NotConfigured = 6,
    /// <summary>Too many recipients for one e-mail, or an address outside the allowed domains: nothing is sent.</summary>
    RecipientsRefused = 7,
}

/// <summary>What happened to a send or cancel request, with a message fit to show the user.</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.EmailSendResult")]
public sealed record EmailSendResult(
    [property: Id(0)] EmailSendOutcome Outcome,
    [property: Id(1)] string Message);

/// <summary>An outcome the asker has not been told yet: sent, or failed for good.</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.EmailNotice")]
public sealed record EmailNotice(
    [property: Id(0)] string DraftId,
    [property: Id(1)] long UserId,
    [property: Id(2)] long ChatId,
    [property: Id(3)] EmailStatus Status,
    [property: Id(4)] IReadOnlyList<string> To,
    [property: Id(5)] string Subject,
    [property: Id(6)] string? Error);
