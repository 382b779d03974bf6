namespace OrleansAssistant.Grains.Interfaces.Email;

/// <summary>Where an e-mail is in the outbox: draft → queued → (sending) → sent or failed; or cancelled.</summary>
[GenerateSerializer, Alias("OrleansAssistant.EmailStatus")]
public enum EmailStatus
{
    Draft = 0,
    Queued = 1,
    Sending = 2,
    Sent = 3,
    Failed = 4,
    Cancelled = 5,
}
