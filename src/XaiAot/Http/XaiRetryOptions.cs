using System;

namespace XaiAot;

/// <summary>
/// Retries of a request that the server refused before sending any of the answer: HTTP 429 and
/// 5xx, with exponential backoff and jitter, honouring Retry-After. A stream is never retried once
/// its body has started: the answer would be generated (and billed) twice.
/// </summary>
public sealed class XaiRetryOptions
{
    /// <summary>No retries: each call sends exactly one request.</summary>
    public static XaiRetryOptions None => new() { MaxRetries = 0 };

    /// <summary>Retries after the first attempt (0 turns retrying off).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first backoff delay; later ones double, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>The longest backoff delay.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>A Retry-After longer than this is not waited for: the error is raised with it instead.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);
}
