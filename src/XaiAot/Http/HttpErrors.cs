using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace XaiAot;

/// <summary>Reads what a failed response carries: its body (bounded), request id and Retry-After.</summary>
internal static class HttpErrors
{
    private const int MaxBodyBytes = 1 << 20;

    private static readonly string[] RequestIdHeaders = { "x-request-id", "request-id", "x-amzn-requestid", "x-trace-id", "cf-ray" };

    public static async Task<XaiApiException> ToExceptionAsync(HttpResponseMessage response, TimeProvider clock, CancellationToken cancellationToken)
    {
        string body = await ReadTextAsync(response, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        return new XaiApiException(
            response.StatusCode,
            response.ReasonPhrase,
            TryParseError(body),
            body,
            RequestId(response),
            RetryAfter(response, clock));
    }

    /// <summary>Up to <paramref name="limit"/> bytes of the body as UTF-8 text.</summary>
    public static async Task<string> ReadTextAsync(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
    {
        Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            byte[] buffer = new byte[Math.Min(limit, 16 * 1024)];
            using var text = new MemoryStream();
            int read;
            while (text.Length < limit && (read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - text.Length)), cancellationToken).ConfigureAwait(false)) > 0)
            {
                text.Write(buffer, 0, read);
            }

            return Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length);
        }
    }

    public static ErrorResponse? TryParseError(string body)
    {
        if (body.Length == 0 || body.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, XaiChatJsonContext.Default.ErrorResponse);
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
