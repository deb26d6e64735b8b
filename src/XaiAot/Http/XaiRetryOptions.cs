using System;

namespace XaiAot;

/// <summary>
/// Retries of a request that the server refused before sending any of the answer: HTTP 429 and
/// 5xx, with exponential backoff and jitter, honouring Retry-After. A stream is never retried once
/// its body has started: the answer would be generated (and billed) twice.
/// </summary>
/// <remarks>
/// Frozen, like <see cref="XaiClientOptions"/>, once a client is constructed with them: a setter
/// called afterwards throws <see cref="InvalidOperationException"/>.
/// </remarks>
public sealed class XaiRetryOptions
{
    private int _maxRetries = 2;
    private TimeSpan _baseDelay = TimeSpan.FromSeconds(0.5);
    private TimeSpan _maxDelay = TimeSpan.FromSeconds(8);
    private TimeSpan _maxRetryAfter = TimeSpan.FromSeconds(30);
    private volatile bool _frozen;

    /// <summary>No retries: each call sends exactly one request. One shared, read-only instance.</summary>
    public static XaiRetryOptions None { get; } = new XaiRetryOptions { MaxRetries = 0 }.Freeze();

    /// <summary>Retries after the first attempt (0 turns retrying off).</summary>
    public int MaxRetries { get => _maxRetries; set => _maxRetries = Set(value); }

    /// <summary>The first backoff delay; later ones double, with jitter.</summary>
    public TimeSpan BaseDelay { get => _baseDelay; set => _baseDelay = Set(value); }

    /// <summary>The longest backoff delay.</summary>
    public TimeSpan MaxDelay { get => _maxDelay; set => _maxDelay = Set(value); }

    /// <summary>A Retry-After longer than this is not waited for: the error is raised with it instead.</summary>
    public TimeSpan MaxRetryAfter { get => _maxRetryAfter; set => _maxRetryAfter = Set(value); }

    /// <summary>True for <see cref="None"/> and once a client uses these options: they can no longer change.</summary>
    public bool IsFrozen => _frozen;

    /// <summary>Makes these options read-only; returns them.</summary>
    internal XaiRetryOptions Freeze()
    {
        _frozen = true;
        return this;
    }

    private T Set<T>(T value) => _frozen
        ? throw new InvalidOperationException("These XaiRetryOptions are read-only: XaiRetryOptions.None is shared, and options in use by an XaiChatClient can no longer change. Create a new XaiRetryOptions for different settings.")
        : value;
}
