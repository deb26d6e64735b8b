using XaiAot.Chat;

namespace XaiAot;

/// <summary>
/// The server sent an error as an event in the middle of a stream (an <c>error</c> event, or a
/// data event holding an error body instead of a chunk).
/// </summary>
public sealed class XaiStreamErrorException : XaiException
{
    public XaiStreamErrorException(int eventIndex, ErrorResponse error, string data)
        : base("The server reported an error in stream event " + eventIndex.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": "
            + (error.CodeText is { } code ? "(" + code + ") " : string.Empty) + (error.MessageText ?? data))
    {
        EventIndex = eventIndex;
        Error = error;
        EventData = data;
    }

    public int EventIndex { get; }

    public ErrorResponse Error { get; }

    /// <summary>The event's data as received, with any echoed API key redacted.</summary>
    public string EventData { get; }
}
