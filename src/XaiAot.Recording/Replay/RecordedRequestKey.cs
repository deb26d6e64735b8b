using System;
using System.Text.Json;

namespace XaiAot.Recording;

/// <summary>
/// The parts of a request that replay matches on, parsed once: the method, the URL as a
/// <see cref="Uri"/> (so equivalent spellings compare equal) and the body as JSON when it is JSON.
/// </summary>
internal sealed class RecordedRequestKey
{
    public RecordedRequestKey(string method, string url, string body)
    {
        Method = method;
        Url = url;
        Uri = Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) ? uri : null;
        Body = body;
        Json = TryParseJson(body);
    }

    public string Method { get; }

    public string Url { get; }

    public Uri? Uri { get; }

    public string Body { get; }

    public JsonElement? Json { get; }

    public bool MethodEquals(RecordedRequestKey other) => string.Equals(Method, other.Method, StringComparison.OrdinalIgnoreCase);

    public bool UrlEquals(RecordedRequestKey other) =>
        Uri is not null && other.Uri is not null
            ? Uri.Compare(Uri, other.Uri, UriComponents.HttpRequestUrl, UriFormat.UriEscaped, StringComparison.Ordinal) == 0
            : string.Equals(Url, other.Url, StringComparison.Ordinal);

    public bool BodyEquals(RecordedRequestKey other) =>
        Json is { } mine && other.Json is { } theirs
            ? JsonElement.DeepEquals(mine, theirs)
            : string.Equals(Body, other.Body, StringComparison.Ordinal);

    private static JsonElement? TryParseJson(string body)
    {
        // Only objects and arrays: a body such as "42" or "true" is compared as the text it is.
        ReadOnlySpan<char> trimmed = body.AsSpan().TrimStart();
        if (trimmed.IsEmpty || (trimmed[0] != '{' && trimmed[0] != '['))
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
