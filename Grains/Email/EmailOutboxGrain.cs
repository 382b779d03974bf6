using OrleansAssistant.Grains.Audit;
using OrleansAssistant.Grains.Interfaces.Email;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Grains.Email;

/// <summary>
/// One user's e-mails. The rows live in the app database (the dispatcher reads them there), so the
/// grain keeps no state; being one activation per user also serialises the recipient checks.
/// </summary>
public sealed class EmailOutboxGrain(
    EmailOutboxStore outbox, EmailSettings settings, RecipientRules recipients, ActivityLog activity)
    : Grain, IEmailOutboxGrain
{
    private long UserId => this.GetPrimaryKeyLong();

    public async Task<string> SaveDraftAsync(long chatId, EmailDraft draft)
    {
        var id = Guid.NewGuid().ToString("N");
        await outbox.InsertDraftAsync(id, UserId, chatId, draft, CancellationToken.None);
        return id;
    }

    public async Task<EmailSendResult> SendAsync(string draftId)
    {
        var row = await outbox.FindAsync(draftId, UserId, CancellationToken.None);
        if (row is null) return EmailMessages.NotFound;
        if (row.Status == EmailStatus.Cancelled) return EmailMessages.Cancelled;
        if (row.Status != EmailStatus.Draft) return EmailMessages.AlreadyHandled;
        if (!settings.IsConfigured) return EmailMessages.NotConfigured;
        if (row.To.Count == 0) return EmailMessages.NoRecipients;
        if (await recipients.RefusalAsync(UserId, row.To, CancellationToken.None) is { } refused) return refused;
        // The conditional update is the guard: of two clicks, only one finds the row still a draft.
        if (!await outbox.QueueAsync(draftId, UserId, CancellationToken.None)) return EmailMessages.AlreadyHandled;
        await activity.AppendAsync(new ActivityEntry(ActivityEvents.EmailQueued, UserId, null, "email", draftId,
            new Dictionary<string, object?> { ["recipients"] = row.To.Count }));
        return EmailMessages.Queued(row.To);
    }

    public async Task<EmailSendResult> CancelAsync(string draftId)
    {
        if (await outbox.CancelAsync(draftId, UserId, CancellationToken.None)) return EmailMessages.CancelledNow;
        var row = await outbox.FindAsync(draftId, UserId, CancellationToken.None);
        return row switch
        {
            null => EmailMessages.NotFound,
            { Status: EmailStatus.Cancelled } => EmailMessages.Cancelled,
            _ => EmailMessages.TooLateToCancel,
        };
    }
}
