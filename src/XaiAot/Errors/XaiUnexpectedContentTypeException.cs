namespace XaiAot;

/// <summary>
/// A successful response whose content type is not what the call expects (for a stream,
/// <c>text/event-stream</c>): typically a proxy's HTML page. The start of the body is kept.
/// </summary>
public sealed class XaiUnexpectedContentTypeException : XaiException
{
    public XaiUnexpectedContentTypeException(string? contentType, string expected, string bodyStart)
        : base("Expected a " + expected + " response but got '" + (contentType ?? "no content type") + "': " + bodyStart)
    {
        ContentType = contentType;
        Expected = expected;
        BodyStart = bodyStart;
    }

    public string? ContentType { get; }

    public string Expected { get; }

    /// <summary>The first part of the body (up to 4 KiB, decompressed), as text, with any echoed API key redacted.</summary>
    public string BodyStart { get; }
}
