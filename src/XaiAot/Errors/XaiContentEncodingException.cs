using System;

namespace XaiAot;

/// <summary>
/// A response body in a content coding (<c>Content-Encoding</c>) this client does not decode, or
/// whose compressed data is corrupt. Names the coding; the decoder's error, if any, is the inner
/// exception.
/// </summary>
public sealed class XaiContentEncodingException : XaiException
{
    public XaiContentEncodingException(string contentEncoding, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ContentEncoding = contentEncoding;
    }

    /// <summary>The coding as the server named it (<c>zstd</c>, <c>gzip</c>, ...).</summary>
    public string ContentEncoding { get; }
}
