using System;
using System.Collections.Generic;

namespace XaiAot.Recording;

/// <summary>Options for <see cref="CassetteRecordingHandler"/>.</summary>
public sealed class CassetteRecordingOptions
{
    /// <summary>The cassette to append to; a new, empty one when null.</summary>
    public Cassette? Cassette { get; set; }

    /// <summary>
    /// The API key in use. Every occurrence of it (and of its URL-encoded form) in URLs, header
    /// values and bodies is replaced with <see cref="CassetteRecordingHandler.Redacted"/>, so a key
    /// that leaks outside the headers (an echoed request, a query parameter) never reaches the file.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>Further secret values to scrub the same way as <see cref="ApiKey"/>.</summary>
    public IList<string> Secrets { get; } = new List<string>();

    /// <summary>The clock that measures each interaction's duration.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
