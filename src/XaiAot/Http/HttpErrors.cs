using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using XaiAot.Chat;

namespace XaiAot;

/// <summary>Reads what a failed response carries: its body (bounded), request id and Retry-After.</summary>
internal static class HttpErrors
{
    private const int MaxBodyBytes = 1 << 20;

    private static readonly string[] RequestIdHeaders = { "x-request-id", "request-id", "x-amzn-requestid", "x-trace-id", "cf-ray" };

    /// <summary>
    /// The error a failed response stands for, its body decoded and redacted of
    /// <paramref name="secret"/> (a proxy may echo the Authorization header back).
    /// </summary>
    public static async Task<XaiApiException> ToExceptionAsync(HttpResponseMessage response, TimeProvider clock, string? secret, CancellationToken cancellationToken)
    {
        Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        string text;
        try
        {
            text = await ReadTextAsync(response, body, MaxBodyBytes, secret, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await ResponseRelease.AbortAsync(body).ConfigureAwait(false);
        }

        return new XaiApiException(
            response.StatusCode,
            SecretRedaction.RedactOrNull(response.ReasonPhrase, secret),
            TryParseError(text, secret),
            text,
            SecretRedaction.RedactOrNull(RequestId(response), secret),
            RetryAfter(response, clock));
    }

    /// <summary>
    /// Up to <paramref name="limit"/> bytes of <paramref name="body"/> (the content of
    /// <paramref name="response"/>), decoded per its Content-Encoding, as UTF-8 text redacted of
    /// <paramref name="secret"/>. A coding this client cannot decode is described, not shown.
    /// </summary>
    public static async Task<string> ReadTextAsync(HttpResponseMessage response, Stream body, int limit, string? secret, CancellationToken cancellationToken)
    {
        var codings = response.Content.Headers.ContentEncoding;
        if (ContentDecoding.Unsupported(codings) is { } unsupported)
        {
            long length = response.Content.Headers.ContentLength ?? -1;
            return "[a body in the '" + unsupported + "' content coding, which this client does not decode"
                + (length >= 0 ? ", " + length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes" : string.Empty) + "]";
        }

        Stream decoded = ContentDecoding.Decode(body, codings);
        using var text = new MemoryStream();
        string? problem = null;
        try
        {
            byte[] buffer = new byte[Math.Min(limit, 16 * 1024)];
            int read;
            while (text.Length < limit && (read = await decoded.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - text.Length)), cancellationToken).ConfigureAwait(false)) > 0)
            {
                text.Write(buffer, 0, read);
            }
        }
        catch (XaiContentEncodingException ex)
        {
            problem = " [" + ex.Message + "]";
        }
        finally
        {
            if (!ReferenceEquals(decoded, body))
            {
                await decoded.DisposeAsync().ConfigureAwait(false);
            }
        }

        return SecretRedaction.Redact(Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length), secret) + problem;
    }

    /// <summary>The error body in the schema's shape, parsed from redacted text; null when it is not one (or would show the key).</summary>
    public static ErrorResponse? TryParseError(string body, string? secret)
    {
        if (body.Length == 0 || body.TrimStart() is not ['{', ..])
        {
            return null;
        }

        try
        {
            return SecretRedaction.Clean(JsonSerializer.Deserialize(body, XaiChatJsonContext.Default.ErrorResponse), secret);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? RequestId(HttpResponseMessage response)
    {
        foreach (string name in RequestIdHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values))
            {
                foreach (string value in values)
                {
                    return value;
                }
            }
        }

        return null;
    }

    /// <summary>Retry-After as a delay, from seconds or an HTTP date (never negative).</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider clock)
    {
        RetryConditionHeaderValue? header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            TimeSpan wait = date - clock.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
