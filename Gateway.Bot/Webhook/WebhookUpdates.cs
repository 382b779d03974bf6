using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace OrleansAssistant.Gateway.Bot.Webhook;

/// <summary>
/// Handles posted updates in the background so Telegram gets its 200 at once, keeps count of those in
/// flight, and on shutdown refuses new ones and gives the rest a bounded time to finish.
/// </summary>
internal sealed partial class WebhookUpdates(UpdateRouter router, ILogger<WebhookUpdates> logger) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly HashSet<Task> _inFlight = [];
    private readonly CancellationTokenSource _handling = new();
    private bool _closed;

    /// <returns>False once shutting down; Telegram then delivers the update again later (to another gateway).</returns>
    public bool TryAccept(Update update)
    {
        lock (_gate)
        {
            if (_closed) return false;
            // Queued in its chat's lane right here, so updates keep the order in which they were posted.
            var handling = HandleAsync(update);
            _inFlight.Add(handling);
            handling.ContinueWith(Forget, TaskScheduler.Default);
            return true;
        }
    }

    /// <summary>Stops taking updates and waits up to <paramref name="grace"/> for those in flight, then cancels them.</summary>
    public async Task DrainAsync(TimeSpan grace)
    {
        Task[] remaining;
        lock (_gate)
        {
            _closed = true;
            remaining = [.. _inFlight];
        }
        try
        {
            await Task.WhenAll(remaining).WaitAsync(grace);
        }
        catch (TimeoutException)
        {
            LogDrainTimedOut(logger, remaining.Count(task => !task.IsCompleted), grace.TotalSeconds);
        }
        finally
        {
            await _handling.CancelAsync();
        }
    }

    public void Dispose() => _handling.Dispose();

    // The one place a webhook update's failure ends up; UpdateRouter already tells the person about most.
    private async Task HandleAsync(Update update)
    {
        try
        {
            await router.RouteAsync(update, _handling.Token);
        }
        catch (OperationCanceledException) when (_handling.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            LogUpdateFailed(logger, update.Id, error.GetType().Name, error.Message);
        }
    }

    private void Forget(Task handling)
    {
        lock (_gate) _inFlight.Remove(handling);
    }

    [LoggerMessage(1, LogLevel.Error, "Handling webhook update {UpdateId} failed: {ErrorType}: {Reason}")]
    private static partial void LogUpdateFailed(ILogger logger, int updateId, string errorType, string reason);

    [LoggerMessage(2, LogLevel.Warning, "{Count} update(s) still running after {GraceSeconds} s of shutdown; cancelling them")]
    private static partial void LogDrainTimedOut(ILogger logger, int count, double graceSeconds);
}
