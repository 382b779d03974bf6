using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Schedules.Rhythm;

namespace OrleansAssistant.Grains.Schedules.Runs;

/// <summary>
/// The silo's line of schedules whose run is due. Reminder ticks only join it; <see cref="ScheduleSettings.RunsAtOnce"/>
/// workers take schedules off it and ask each grain to run, so a burst of due schedules meets the databases, the app
/// database and the model a bounded number at a time, and no tick waits out Orleans' call timeout. A schedule is in the line
/// at most once; the line lives in memory: when the silo dies, the reminder's next tick (a minute later, on another silo)
/// puts the schedule in line again there, and the run's claim in the ledger keeps it to one run.
/// </summary>
public sealed partial class ScheduleRunQueue(IGrainFactory grains, ScheduleSettings settings, ILogger<ScheduleRunQueue> logger) : BackgroundService
{
    private readonly Channel<string> _line = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = false });
    private readonly HashSet<string> _waiting = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <returns>False when the schedule is already in line.</returns>
    public bool Enqueue(string scheduleId)
    {
        lock (_gate)
        {
            if (!_waiting.Add(scheduleId)) return false;
        }
        _line.Writer.TryWrite(scheduleId);
        return true;
    }

    /// <summary>Schedules in line or running now.</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _waiting.Count;
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, settings.RunsAtOnce).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var scheduleId in _line.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await grains.GetGrain<IScheduleGrain>(scheduleId).RunDueAsync();
                }
                catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // The reminder ticks again within a minute and puts the schedule back in line.
                    LogRunFailed(logger, scheduleId, error.GetType().Name, error.Message);
                }
                finally
                {
                    lock (_gate) _waiting.Remove(scheduleId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Schedule {ScheduleId} could not run now ({ErrorType}: {Reason}); its reminder brings it back")]
    private static partial void LogRunFailed(ILogger logger, string scheduleId, string errorType, string reason);
}
