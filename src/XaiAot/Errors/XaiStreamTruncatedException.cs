namespace XaiAot;

/// <summary>
/// The stream ended (connection closed or cut) before <c>[DONE]</c> and before any choice
/// finished. Everything received so far is attached, reassembled, so nothing is lost.
/// </summary>
public sealed class XaiStreamTruncatedException : XaiException
{
    public XaiStreamTruncatedException(int eventsReceived, ChatCompletion? partial, System.Exception? inner = null)
        : base(
            "The stream ended after " + eventsReceived.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + " events without [DONE] and without a finish_reason; the partial completion is attached.",
            inner)
    {
        EventsReceived = eventsReceived;
        Partial = partial;
    }

    /// <summary>How many data events arrived before the end.</summary>
    public int EventsReceived { get; }

    /// <summary>The chunks received so far, reassembled (null when none arrived).</summary>
    public ChatCompletion? Partial { get; }
}
