using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;

namespace XaiAot.Tests.Telemetry;

/// <summary>
/// Listens to XaiAot's activity source and meter for one test. Tests run in parallel and listeners
/// are global, so each test uses its own model name and sees only what carries it.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

    public TelemetryCapture()
    {
        Model = "telemetry-" + Guid.NewGuid().ToString("N")[..8];
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == XaiTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.OperationName.EndsWith(Model, StringComparison.Ordinal))
                {
                    _stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == XaiTelemetry.SourceName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    /// <summary>The model name this test's requests use.</summary>
    public string Model { get; }

    public IReadOnlyList<Activity> Spans => _stopped.ToArray();

    public IReadOnlyList<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> Measurements(string instrument) =>
        _measurements.Where(m => m.Instrument == instrument).ToArray();

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        KeyValuePair<string, object?>[] copy = tags.ToArray();
        if (copy.Any(t => t.Key == "gen_ai.request.model" && Equals(t.Value, Model)))
        {
            _measurements.Enqueue((instrument.Name, value, copy));
        }
    }
}
