using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Grains.Interfaces.Email;

/// <summary>One user's e-mails (key: Telegram user id): drafts, the send-once step, the hourly limit.</summary>
[Alias("OrleansAssistant.IEmailOutboxGrain")]
public interface IEmailOutboxGrain : IGrainWithIntegerKey
{
    /// <summary>Keeps a drafted e-mail until the user sends or cancels it; returns its id.</summary>
    [Alias("SaveDraft")]
    Task<string> SaveDraftAsync(long chatId, EmailDraft draft);

    /// <summary>Queues the draft for sending, exactly once however often it is asked.</summary>
    [Alias("Send")]
    Task<EmailSendResult> SendAsync(string draftId);

    /// <summary>Drops a draft that was not sent.</summary>
    [Alias("Cancel")]
    Task<EmailSendResult> CancelAsync(string draftId);
}

/// <summary>Outcomes to tell users about; each is handed out once, to one gateway. Stateless: use key 0.</summary>
[Alias("OrleansAssistant.IEmailNoticesGrain")]
public interface IEmailNoticesGrain : IGrainWithIntegerKey
{
    [Alias("Take")]
    Task<IReadOnlyList<EmailNotice>> TakeAsync(int max);
}
