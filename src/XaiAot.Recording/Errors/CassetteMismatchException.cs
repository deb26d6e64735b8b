using System;

namespace XaiAot.Recording;

/// <summary>
/// A request reached a <see cref="CassetteReplayHandler"/> and no unused recorded interaction
/// matches it. The message names the request and shows the closest recorded interaction and how
/// it differs, so a stale cassette is fixed from the message alone.
/// </summary>
public sealed class CassetteMismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CassetteMismatchException(string message, string method, Uri? requestUri, CassetteInteraction? closestInteraction, string? difference)
        : base(message)
    {
        Method = method;
        RequestUri = requestUri;
        ClosestInteraction = closestInteraction;
        Difference = difference;
    }

    /// <summary>The method of the request that matched nothing.</summary>
    public string Method { get; }

    /// <summary>The URL of the request that matched nothing.</summary>
    public Uri? RequestUri { get; }

    /// <summary>The recorded interaction most like the request, or null when the cassette is empty.</summary>
    public CassetteInteraction? ClosestInteraction { get; }

    /// <summary>How the request differs from <see cref="ClosestInteraction"/>, one difference per line.</summary>
    public string? Difference { get; }
}
