using System;
using System.Collections.Generic;
using YamlDotNet.RepresentationModel;

namespace XaiAot.Recording;

/// <summary>
/// A recorded response, field for field as go-vcr writes it.
/// </summary>
public sealed class RecordedResponse
{
    private TimeSpan? _duration;

    // The duration as the cassette spelled it. Go keeps nanoseconds and TimeSpan keeps 100 ns
    // ticks, so re-formatting would turn 4.059811333s into 4.0598113s; the original text is
    // written back for as long as the value is unchanged.
    private string? _durationText;

    /// <summary>The status code, e.g. 200.</summary>
    public int Code { get; set; }

    /// <summary>go-vcr <c>status</c>: the code and reason phrase, e.g. <c>200 OK</c>.</summary>
    public string? Status { get; set; }

    /// <summary>The response headers (multi-valued; names compare case-insensitively).</summary>
    public MultiValueMap Headers { get; set; } = new();

    /// <summary>The response body as text (for a stream, every Server-Sent Event as received).</summary>
    public string Body { get; set; } = "";

    /// <summary>go-vcr <c>duration</c>: how long the exchange took, to the end of the body.</summary>
    public TimeSpan? Duration
    {
        get => _duration;
        set
        {
            if (value != _duration)
            {
                _durationText = null;
            }

            _duration = value;
        }
    }

    /// <summary>go-vcr <c>proto</c>, e.g. <c>HTTP/2.0</c>.</summary>
    public string? Proto { get; set; }

    /// <summary>go-vcr <c>proto_major</c>.</summary>
    public int? ProtoMajor { get; set; }

    /// <summary>go-vcr <c>proto_minor</c>.</summary>
    public int? ProtoMinor { get; set; }

    /// <summary>go-vcr <c>content_length</c> (-1 when the server sent none).</summary>
    public long? ContentLength { get; set; }

    /// <summary>go-vcr <c>transfer_encoding</c>.</summary>
    public IList<string>? TransferEncoding { get; set; }

    /// <summary>go-vcr <c>trailer</c>.</summary>
    public MultiValueMap? Trailer { get; set; }

    /// <summary>go-vcr <c>uncompressed</c>: Go's transport decoded a compressed body before recording.</summary>
    public bool? Uncompressed { get; set; }

    /// <summary>Keys of the response this model does not know, kept for writing back.</summary>
    internal IDictionary<string, YamlNode> AdditionalFields { get; } = new OrderedDictionary<string, YamlNode>(StringComparer.Ordinal);

    /// <summary>The reason phrase from <see cref="Status"/> (<c>Too Many Requests</c> from <c>429 Too Many Requests</c>), or null.</summary>
    public string? ReasonPhrase
    {
        get
        {
            if (string.IsNullOrWhiteSpace(Status))
            {
                return null;
            }

            string status = Status.Trim();
            int space = status.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0)
            {
                // "OK" alone is a reason; "200" alone is only the code.
                return int.TryParse(status, out _) ? null : status;
            }

            return int.TryParse(status.AsSpan(0, space), out _) ? status[(space + 1)..].Trim() : status;
        }
    }

    /// <summary>True when the body is a Server-Sent Events stream (<c>Content-Type: text/event-stream</c>).</summary>
    public bool IsEventStream =>
        Headers["Content-Type"] is { } contentType &&
        contentType.TrimStart().StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase);

    /// <summary>The duration as it will be written: the cassette's own spelling while unchanged.</summary>
    internal string? DurationText => _durationText ?? (_duration is { } d ? GoDuration.Format(d) : null);

    internal void SetDuration(TimeSpan value, string text)
    {
        _duration = value;
        _durationText = text;
    }
}
