using System;
using XaiAot.Chat;

namespace XaiAot;

/// <summary>How <see cref="XaiChatClient"/> reaches the API.</summary>
/// <remarks>
/// Set everything before constructing a client: the client freezes the options it is given (and
/// their <see cref="Retry"/>), so every call sees the same settings, and a setter called afterwards
/// throws <see cref="InvalidOperationException"/>. Frozen options can be shared by many clients;
/// for different settings, create a new instance.
/// </remarks>
public sealed class XaiClientOptions
{
    private Uri? _baseAddress;
    private string? _apiKey;
    private string _userAgent = "XaiAot/1.0";
    private TimeSpan? _requestTimeout;
    private TimeSpan? _streamIdleTimeout;
    private bool _recordMessageContent;
    private bool _validateRequests;
    private XaiRetryOptions _retry = new();
    private TimeProvider _timeProvider = TimeProvider.System;
    private volatile bool _frozen;

    /// <summary>xAI's API root, <c>https://api.x.ai/v1/</c>.</summary>
    public static Uri DefaultBaseAddress { get; } = new("https://api.x.ai/v1/");

    /// <summary>
    /// The API root (requests go to <c>chat/completions</c> under it). When null, the HttpClient's
    /// own BaseAddress is used if it has one (HttpClientFactory named clients), else
    /// <see cref="DefaultBaseAddress"/>.
    /// </summary>
    public Uri? BaseAddress { get => _baseAddress; set => _baseAddress = Set(value); }

    /// <summary>Sent as a bearer token. Never written to logs, exceptions or recordings by XaiAot.</summary>
    public string? ApiKey { get => _apiKey; set => _apiKey = Set(value); }

    /// <summary>The User-Agent header.</summary>
    public string UserAgent { get => _userAgent; set => _userAgent = Set(value); }

    /// <summary>Longest wait for the response headers of one attempt (null: the HttpClient's Timeout alone).</summary>
    public TimeSpan? RequestTimeout { get => _requestTimeout; set => _requestTimeout = Set(value); }

    /// <summary>Longest silence between two events of a stream before it is abandoned (null: no limit).</summary>
    public TimeSpan? StreamIdleTimeout { get => _streamIdleTimeout; set => _streamIdleTimeout = Set(value); }

    /// <summary>
    /// Record the messages sent and received on telemetry spans (<c>gen_ai.input.messages</c>,
    /// <c>gen_ai.output.messages</c>; see <see cref="XaiTelemetry"/>). Off by default: prompts and
    /// answers often hold personal data, so only their sizes in tokens are recorded unless asked.
    /// </summary>
    public bool RecordMessageContent { get => _recordMessageContent; set => _recordMessageContent = Set(value); }

    /// <summary>
    /// Check every request against the xAI schema (<see cref="Chat.ChatCompletionRequest.Validate"/>)
    /// before sending it, and throw <see cref="XaiRequestValidationException"/> instead of sending one
    /// that breaks it. Off by default: the server is the authority, and a check costs a serialization.
    /// Responses are never checked: a server that sends a value out of range is not an error.
    /// </summary>
    public bool ValidateRequests { get => _validateRequests; set => _validateRequests = Set(value); }

    /// <summary>When and how often to retry; <see cref="XaiRetryOptions.None"/> turns retries off.</summary>
    public XaiRetryOptions Retry { get => _retry; set => _retry = Set(value ?? throw new ArgumentNullException(nameof(value))); }

    /// <summary>The clock for retry delays, Retry-After dates and timeouts (replace it in tests).</summary>
    public TimeProvider TimeProvider { get => _timeProvider; set => _timeProvider = Set(value ?? throw new ArgumentNullException(nameof(value))); }

    /// <summary>True once a client has been constructed with these options: they can no longer change.</summary>
    public bool IsFrozen => _frozen;

    /// <summary>Lists the settings without the key.</summary>
    public override string ToString() =>
        "XaiClientOptions { BaseAddress = " + BaseAddress + ", ApiKey = " + (ApiKey is null ? "none" : "set") + ", UserAgent = " + UserAgent + " }";

    /// <summary>Makes these options (and their <see cref="Retry"/>) read-only; returns them.</summary>
    internal XaiClientOptions Freeze()
    {
        _retry.Freeze();
        _frozen = true;
        return this;
    }

    private T Set<T>(T value) => _frozen
        ? throw new InvalidOperationException("These XaiClientOptions are in use by an XaiChatClient and can no longer change (a client reads one fixed set of options). Create a new XaiClientOptions for different settings.")
        : value;
}
