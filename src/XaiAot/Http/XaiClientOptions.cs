using System;

namespace XaiAot;

/// <summary>How <see cref="XaiChatClient"/> reaches the API.</summary>
public sealed class XaiClientOptions
{
    /// <summary>xAI's API root, <c>https://api.x.ai/v1/</c>.</summary>
    public static Uri DefaultBaseAddress { get; } = new("https://api.x.ai/v1/");

    /// <summary>
    /// The API root (requests go to <c>chat/completions</c> under it). When null, the HttpClient's
    /// own BaseAddress is used if it has one (HttpClientFactory named clients), else
    /// <see cref="DefaultBaseAddress"/>.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Sent as a bearer token. Never written to logs, exceptions or recordings by XaiAot.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The User-Agent header.</summary>
    public string UserAgent { get; set; } = "XaiAot/1.0";

    /// <summary>Longest wait for the response headers of one attempt (null: the HttpClient's Timeout alone).</summary>
    public TimeSpan? RequestTimeout { get; set; }

    /// <summary>Longest silence between two events of a stream before it is abandoned (null: no limit).</summary>
    public TimeSpan? StreamIdleTimeout { get; set; }

    /// <summary>When and how often to retry; <see cref="XaiRetryOptions.None"/> turns retries off.</summary>
    public XaiRetryOptions Retry { get; set; } = new();

    /// <summary>The clock for retry delays and timeouts (replace it in tests).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Lists the settings without the key.</summary>
    public override string ToString() =>
        "XaiClientOptions { BaseAddress = " + BaseAddress + ", ApiKey = " + (ApiKey is null ? "none" : "set") + ", UserAgent = " + UserAgent + " }";
}
