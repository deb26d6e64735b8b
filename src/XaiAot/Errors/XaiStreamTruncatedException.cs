using System;
using System.Globalization;
using XaiAot.Chat;

namespace XaiAot;

/// <summary>
/// The stream ended (connection closed or cut) before <c>[DONE]</c> with the answer incomplete:
/// no choice finished, or the usage the client asked for never came. The message says which,
/// how much arrived and why it ended; everything received is attached, reassembled, so nothing
/// is lost.
/// </summary>
public sealed class XaiStreamTruncatedException : XaiException
{
    public XaiStreamTruncatedException(int eventsReceived, ChatCompletion? partial, Exception? inner = null)
        : base(Describe(eventsReceived, null, null, partial, inner), inner)
    {
        EventsReceived = eventsReceived;
        Partial = partial;
    }

    internal XaiStreamTruncatedException(int eventsReceived, long bytesReceived, string missing, ChatCompletion? partial, Exception? inner)
        : base(Describe(eventsReceived, bytesReceived, missing, partial, inner), inner)
    {
        EventsReceived = eventsReceived;
        Partial = partial;
    }

    /// <summary>How many data events arrived before the end.</summary>
    public int EventsReceived { get; }

    /// <summary>The chunks received so far, reassembled (null when none arrived).</summary>
    public ChatCompletion? Partial { get; }

    private static string Describe(int events, long? bytes, string? missing, ChatCompletion? partial, Exception? cause) =>
        "The stream ended before [DONE] after " + events.ToString(CultureInfo.InvariantCulture) + " events"
        + (bytes is { } b ? " (" + b.ToString(CultureInfo.InvariantCulture) + " bytes)" : string.Empty)
        + (missing is null ? string.Empty : ": " + missing)
        + (cause is not null ? "; the connection failed: " + cause.GetType().Name + ": " + cause.Message
            : missing is not null ? "; the server closed the response" // the client's reader passes the cause whenever there is one
            : string.Empty)
        + (partial is null ? ". No chunk arrived." : ". The partial completion is attached.");
}
