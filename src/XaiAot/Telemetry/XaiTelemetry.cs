using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace XaiAot;

/// <summary>
/// Where XaiAot reports what it does, following the OpenTelemetry GenAI semantic conventions: one
/// <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <see cref="SourceName"/>
/// (<c>AddSource("XaiAot")</c> and <c>AddMeter("XaiAot")</c> in OpenTelemetry). Nothing is measured
/// while nothing listens. Message content is recorded only when
/// <see cref="XaiClientOptions.RecordMessageContent"/> says so.
/// </summary>
public static class XaiTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string SourceName = "XaiAot";

    /// <summary><c>gen_ai.provider.name</c>: the convention's well-known value for xAI.</summary>
    public const string ProviderName = "x_ai";

    private static readonly string Version = typeof(XaiTelemetry).Assembly.GetName().Version?.ToString() ?? "1.0.0";

    /// <summary>The buckets the GenAI conventions advise for durations, in seconds (10 ms to 82 s, doubling).</summary>
    private static readonly double[] SecondsBuckets = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];

    internal static readonly ActivitySource Source = new(SourceName, Version);

    internal static readonly Meter Meter = new(SourceName, Version);

    /// <summary><c>gen_ai.client.token.usage</c>: input and output tokens per call (<c>gen_ai.token.type</c>).</summary>
    internal static readonly Histogram<long> TokenUsage = Meter.CreateHistogram(
        "gen_ai.client.token.usage",
        unit: "{token}",
        description: "Number of input and output tokens used.",
        tags: null,
        advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864] });

    /// <summary><c>gen_ai.client.operation.duration</c>: a whole call, to its last chunk or its error.</summary>
    internal static readonly Histogram<double> OperationDuration = Meter.CreateHistogram(
        "gen_ai.client.operation.duration",
        unit: "s",
        description: "GenAI operation duration.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });

    /// <summary><c>gen_ai.client.operation.time_to_first_chunk</c>: from the request to the first streamed chunk.</summary>
    internal static readonly Histogram<double> TimeToFirstChunk = Meter.CreateHistogram(
        "gen_ai.client.operation.time_to_first_chunk",
        unit: "s",
        description: "Time to receive the first chunk of a streamed response.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });

    /// <summary>True when a listener wants spans or measurements: only then does a call pay for them.</summary>
    internal static bool IsObserved =>
        Source.HasListeners() || OperationDuration.Enabled || TokenUsage.Enabled || TimeToFirstChunk.Enabled;

    /// <summary>
    /// A retry becomes an event on the call's span (<c>Activity.Current</c> while the retry policy
    /// runs), so a trace shows each refused attempt, why, and how long the client waited.
    /// </summary>
    internal static void Retry(int attempt, int? statusCode, string? errorType, System.TimeSpan delay)
    {
        if (Activity.Current is { } activity && ReferenceEquals(activity.Source, Source) && activity.IsAllDataRequested)
        {
            var tags = new ActivityTagsCollection
            {
                ["http.request.resend_count"] = attempt,
                ["xaiaot.retry.delay_ms"] = (long)delay.TotalMilliseconds,
            };
            if (statusCode is { } status)
            {
                tags["http.response.status_code"] = status;
            }

            if (errorType is not null)
            {
                tags["error.type"] = errorType;
            }

            activity.AddEvent(new ActivityEvent("xaiaot.retry", tags: tags));
            activity.SetTag("http.request.resend_count", attempt);
        }
    }
}
