using System;
using System.Net;
using XaiAot.Chat;

namespace XaiAot;

/// <summary>
/// The server answered with an HTTP error status. Carries the status, the request id the server
/// gave, the parsed error body (xAI's flat <c>{"code","error"}</c> or the OpenAI-style
/// <c>{"error":{"message","type","param","code"}}</c>) and the raw body text, verbatim, when it
/// was not JSON. Server text never carries the API key: an echoed key is redacted.
/// </summary>
public sealed class XaiApiException : XaiException
{
    public XaiApiException(HttpStatusCode statusCode, string? reasonPhrase, ErrorResponse? error, string rawBody, string? requestId, TimeSpan? retryAfter)
        : base(Describe(statusCode, reasonPhrase, error, rawBody, requestId))
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Error = error;
        RawBody = rawBody;
        RequestId = requestId;
        RetryAfter = retryAfter;
    }

    public HttpStatusCode StatusCode { get; }

    public string? ReasonPhrase { get; }

    /// <summary>The error body parsed into the schema's error type, or null when the body was not JSON of that shape.</summary>
    public ErrorResponse? Error { get; }

    /// <summary>
    /// The body as received (decompressed, decoded as UTF-8, up to 1 MiB), with the API key
    /// replaced by <c>[REDACTED]</c> wherever the server echoed it.
    /// </summary>
    public string RawBody { get; }

    /// <summary>The server's request id (<c>x-request-id</c> or a similar header), for support tickets.</summary>
    public string? RequestId { get; }

    /// <summary>How long the server asked to wait (Retry-After), if it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The error code from either body shape (<c>"invalid_request"</c>, <c>"429"</c>, ...), if any.</summary>
    public string? CodeText => Error?.CodeText;

    /// <summary>The human message from either body shape, else the raw body.</summary>
    public string MessageText => Error?.MessageText ?? RawBody;

    private static string Describe(HttpStatusCode status, string? reason, ErrorResponse? error, string rawBody, string? requestId)
    {
        string text = error?.MessageText ?? Excerpt(rawBody);
        string code = error?.CodeText is { } c ? " (" + c + ")" : string.Empty;
        string id = requestId is null ? string.Empty : " [request " + requestId + "]";
        return "xAI API error " + ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + reason + code + ": " + text + id;
    }

    private static string Excerpt(string text) => text.Length <= 500 ? text : text.Substring(0, 500) + "…";
}
