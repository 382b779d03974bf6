using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrleansAssistant.Grains.Llm;

/// <summary>
/// Checks the model endpoint when the silo starts and then every <see cref="ModelSettings.HealthCheckPeriod"/>,
/// keeps the result in <see cref="ModelHealth"/>, and logs one line per change: the endpoint becoming
/// reachable or unreachable, a model becoming missing or offered again. Never stops the silo.
/// </summary>
public sealed class ModelEndpointCheckService(
    ModelEndpointCheck check, ModelHealth health, ModelSettings settings,
    [FromKeyedServices(ModelEndpointCheckService.ClockKey)] TimeProvider clock, ILogger<ModelEndpointCheckService> logger) : BackgroundService
{
    /// <summary>Key of the <see cref="TimeProvider"/> that paces the checks (the host's clock unless replaced, e.g. by tests).</summary>
    public const string ClockKey = "model-endpoint-check";

    private ModelHealthState _lastState = ModelHealthState.NotChecked;

    // Last known presence per model; Unknown is never stored, so an outage in between does not repeat a warning.
    private readonly Dictionary<string, ModelHealthPresence> _lastPresence = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Made before the first check, so the period counts from the start, however long the first check takes.
        using var timer = settings.HealthCheckPeriod > TimeSpan.Zero ? new PeriodicTimer(settings.HealthCheckPeriod, clock) : null;
        await Task.Yield();
        try
        {
            do
            {
                await CheckOnceAsync(stoppingToken);
                // The key cannot change while the process runs: without one there is nothing more to learn.
                if (!settings.IsConfigured) return;
            }
            while (timer is not null && await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }

    private async Task CheckOnceAsync(CancellationToken stoppingToken)
    {
        ModelHealthReport report;
        try
        {
            report = await check.RunAsync(clock.GetUtcNow(), stoppingToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            ModelEndpointCheckLog.CheckFailed(logger, error);
            return;
        }
        // Logged before it is published, so whoever sees a report in /healthz also finds its log lines.
        LogChanges(report);
        health.Record(report);
    }

    private void LogChanges(ModelHealthReport report)
    {
        // One line per model, naming every setting that uses it (stages may share a model).
        var models = report.Models.GroupBy(entry => entry.Model, StringComparer.Ordinal).ToList();
        if (report.State != _lastState)
        {
            _lastState = report.State;
            switch (report.State)
            {
                case ModelHealthState.NotConfigured:
                    ModelEndpointCheckLog.NotConfigured(logger);
                    break;
                case ModelHealthState.Reachable:
                    var present = models.Count(model => model.First().Presence == ModelHealthPresence.Present);
                    ModelEndpointCheckLog.Reachable(logger, report.Endpoint, report.Method, present, models.Count);
                    break;
                case ModelHealthState.Unreachable:
                    ModelEndpointCheckLog.Unreachable(logger, report.Endpoint, report.Problem ?? "no answer");
                    break;
            }
        }

        foreach (var model in models)
        {
            var presence = model.First().Presence;
            if (presence == ModelHealthPresence.Unknown) continue;
            var known = _lastPresence.TryGetValue(model.Key, out var last);
            if (known && last == presence) continue;
            _lastPresence[model.Key] = presence;
            var settingNames = string.Join(", ", model.Select(entry => entry.Setting));
            if (presence == ModelHealthPresence.Missing)
            {
                ModelEndpointCheckLog.Missing(logger, model.Key, settingNames, SourceOf(report));
            }
            else if (known)
            {
                ModelEndpointCheckLog.OfferedAgain(logger, model.Key, settingNames, report.Endpoint);
            }
        }
    }

    private static string SourceOf(ModelHealthReport report) => report.Method == ModelHealthMethod.ModelList
        ? new Uri(report.Endpoint, "models").ToString()
        : $"{new Uri(report.Endpoint, "chat/completions")} (a 1-token call answered 404)";
}
