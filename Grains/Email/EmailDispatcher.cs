using System.Data.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansAssistant.Grains.Audit;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Email;

/// <summary>
/// Sends queued e-mails from the outbox table on every silo. Claims are conditional updates with a
/// lease, so silos never send one e-mail twice; everything lives in the table, so restarts lose nothing.
/// </summary>
public sealed class EmailDispatcher(
    EmailOutboxStore outbox, EmailSender sender, EmailSettings settings, EmailDeliveryOptions options,
    ActivityLog activity, TimeProvider timeProvider, ILogger<EmailDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        EmailDispatcherLog.Started(logger, settings);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchDueAsync(stoppingToken);
            }
            catch (Exception error) when (error is DbException or DatabaseUnavailableException)
            {
                EmailDispatcherLog.OutboxUnavailable(logger, error.Message);
            }
            try
            {
                await Task.Delay(options.PollInterval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends everything due now, one claimed batch after another.</summary>
    public async Task DispatchDueAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<OutboxEmail> claimed;
        do
        {
            claimed = await outbox.ClaimDueAsync(BatchSize, timeProvider.GetUtcNow() + options.Lease, cancellationToken);
            foreach (var email in claimed) await DeliverAsync(email, cancellationToken);
        }
        while (claimed.Count == BatchSize && !cancellationToken.IsCancellationRequested);
    }

    private async Task DeliverAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        try
        {
            await sender.SendAsync(email, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await RecordFailureAsync(email, SendFailure.Describe(error), cancellationToken);
            return;
        }
        await outbox.MarkSentAsync(email.Id, cancellationToken);
        EmailDispatcherLog.Sent(logger, email.Id, email.UserId, email.Attempts);
        await activity.AppendAsync(Entry(ActivityEvents.EmailSent, email), cancellationToken);
    }

    private async Task RecordFailureAsync(OutboxEmail email, string reason, CancellationToken cancellationToken)
    {
        if (email.Attempts >= options.MaxAttempts)
        {
            await outbox.MarkAttemptFailedAsync(email.Id, reason, nextAttemptAt: null, cancellationToken);
            EmailDispatcherLog.Failed(logger, email.Id, email.UserId, email.Attempts, reason);
            await activity.AppendAsync(Entry(ActivityEvents.EmailFailed, email), cancellationToken);
            return;
        }
        var next = timeProvider.GetUtcNow() + options.RetryDelays[Math.Max(email.Attempts - 1, 0)];
        await outbox.MarkAttemptFailedAsync(email.Id, reason, next, cancellationToken);
        EmailDispatcherLog.Retrying(logger, email.Id, email.Attempts, next, reason);
    }

    private static ActivityEntry Entry(string eventType, OutboxEmail email) =>
        new(eventType, email.UserId, null, "email", email.Id, new Dictionary<string, object?> { ["attempts"] = email.Attempts });
}
