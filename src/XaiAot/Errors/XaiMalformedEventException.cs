using System.Text.Json;

namespace XaiAot;

/// <summary>
/// A streamed event could not be read as a chunk. Says which event (0-based among the
/// <c>data:</c> events), where in its data the problem is, and shows the data around it; the
/// <see cref="JsonException"/> that says what was expected is the inner exception.
/// </summary>
public sealed class XaiMalformedEventException : XaiException
{
    public XaiMalformedEventException(int eventIndex, long? byteOffset, string data, JsonException inner)
        : base(Describe(eventIndex, byteOffset, data, inner), inner)
    {
        EventIndex = eventIndex;
        ByteOffset = byteOffset;
        EventData = data;
    }

    /// <summary>0-based index of the event among the stream's data events.</summary>
    public int EventIndex { get; }

    /// <summary>Offset in bytes, within the event's data, of the token that could not be read.</summary>
    public long? ByteOffset { get; }

    /// <summary>The event's data, whole, so nothing the server sent is lost (save an echoed API key, redacted).</summary>
    public string EventData { get; }

    /// <summary>Up to 80 characters of the data around the problem.</summary>
    public string Excerpt => Cut(EventData, ByteOffset);

    private static string Describe(int index, long? offset, string data, JsonException inner) =>
        "Malformed stream event " + index.ToString(System.Globalization.CultureInfo.InvariantCulture)
        + (offset is { } o ? " at byte " + o.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)
        + ": " + inner.Message + " Data: " + Cut(data, offset);

    private static string Cut(string data, long? offset)
    {
        const int Width = 80;
        if (data.Length <= Width)
        {
            return data;
        }

        int center = (int)System.Math.Min(offset ?? 0, data.Length);
        int start = System.Math.Max(0, System.Math.Min(center - (Width / 2), data.Length - Width));
        return (start > 0 ? "…" : string.Empty) + data.Substring(start, Width) + (start + Width < data.Length ? "…" : string.Empty);
    }
}
