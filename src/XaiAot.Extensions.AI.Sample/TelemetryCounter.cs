using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;

namespace XaiAot.Extensions.AI.Sample;

/// <summary>
/// Counts what XaiAot reports, as an OpenTelemetry SDK would receive it, so the NativeAOT publish
/// check proves spans and metrics work in a trimmed native binary.
/// </summary>
internal sealed class TelemetryCounter : IDisposable
{
    private readonly ActivityListener _spans;
    private readonly MeterListener _meters = new();
    private int _spanCount;
    private long _tokens;
    private int _durations;
    private string? _lastName;

    public TelemetryCounter()
    {
        _spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name == XaiTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                Interlocked.Increment(ref _spanCount);
                _lastName = activity.DisplayName;
            },
        };
        ActivitySource.AddActivityListener(_spans);
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == XaiTelemetry.SourceName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "gen_ai.client.token.usage")
            {
                Interlocked.Add(ref _tokens, value);
            }
        });
        _meters.SetMeasurementEventCallback<double>((instrument, _, _, _) =>
        {
            if (instrument.Name == "gen_ai.client.operation.duration")
            {
                Interlocked.Increment(ref _durations);
            }
        });
        _meters.Start();
    }

    public string Summary() =>
        $"telemetry: {_spanCount} spans ({_lastName}), {_durations} durations, {_tokens} tokens";

    public void Dispose()
    {
        _spans.Dispose();
        _meters.Dispose();
    }
}
