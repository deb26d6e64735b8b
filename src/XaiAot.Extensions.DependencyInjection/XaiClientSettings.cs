using System;

namespace XaiAot.Extensions.DependencyInjection;

/// <summary>
/// The client's settings as configuration holds them (<c>"Xai": { "ApiKey": ..., "BaseAddress": ... }</c>):
/// plain bindable values, turned into a fresh <see cref="XaiClientOptions"/> for each client.
/// </summary>
public sealed class XaiClientSettings
{
    /// <summary>The API key (<c>Authorization: Bearer</c>). Needed for xAI; another server named by <see cref="BaseAddress"/> may need none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The API root, e.g. <c>https://api.x.ai/v1</c> (the default) or any OpenAI-compatible server's.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The User-Agent header.</summary>
    public string? UserAgent { get; set; }

    /// <summary>How long to wait for response headers.</summary>
    public TimeSpan? RequestTimeout { get; set; }

    /// <summary>How long a stream may stay silent.</summary>
    public TimeSpan? StreamIdleTimeout { get; set; }

    /// <summary>Retries of refused attempts (429, 5xx, before any byte of the answer); null keeps the default.</summary>
    public int? MaxRetries { get; set; }

    /// <summary>Record message content on telemetry spans (<c>gen_ai.input.messages</c>, <c>gen_ai.output.messages</c>); off by default.</summary>
    public bool RecordMessageContent { get; set; }

    /// <summary>A new options object for one client (options freeze once a client uses them).</summary>
    public XaiClientOptions ToClientOptions(TimeProvider? timeProvider = null)
    {
        var options = new XaiClientOptions
        {
            ApiKey = ApiKey,
            BaseAddress = BaseAddress,
            RequestTimeout = RequestTimeout,
            StreamIdleTimeout = StreamIdleTimeout,
            RecordMessageContent = RecordMessageContent,
        };
        if (UserAgent is { Length: > 0 } userAgent)
        {
            options.UserAgent = userAgent;
        }

        if (MaxRetries is { } retries)
        {
            options.Retry = new XaiRetryOptions { MaxRetries = retries };
        }

        if (timeProvider is not null)
        {
            options.TimeProvider = timeProvider;
        }

        return options;
    }
}
