using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using OrleansAssistant.Grains.Telemetry;

namespace OrleansAssistant.Grains.Tests.Telemetry;

/// <summary>One measurement of our meter, with the trace it was recorded in.</summary>
public sealed record RecordedMeasurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags, ActivityTraceId TraceId);

/// <summary>
/// Listens in-process, as an exporter would: our source, Orleans' grain-call sources and the test's
/// own, plus our meter. Other tests run silos in the same process, so callers filter by trace id.
/// </summary>
public sealed class TelemetryRecorder : IDisposable
{
    public const string TestSourceName = "OrleansAssistant.Tests";

    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<RecordedMeasurement> _measurements = new();

    public TelemetryRecorder()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name is AssistantDiagnostics.Name or TestSourceName || source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AssistantDiagnostics.Name) listener.EnableMeasurementEvents(instrument);
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    public IReadOnlyList<Activity> Spans(ActivityTraceId traceId) => _spans.Where(span => span.TraceId == traceId).ToList();

    public IReadOnlyList<RecordedMeasurement> Measurements(ActivityTraceId traceId) => _measurements.Where(m => m.TraceId == traceId).ToList();

    // Measurements are recorded synchronously, so the current activity is the span they belong to.
    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measurements.Enqueue(new RecordedMeasurement(instrument.Name, value, new Dictionary<string, object?>(tags.ToArray()),
            Activity.Current?.TraceId ?? default));

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }
}
