using System;
using System.Collections;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using XaiAot.Chat;
using XaiAot.Tests.Support;

namespace XaiAot.Tests.Http;

/// <summary>
/// A server (or proxy) that echoes the <c>Authorization</c> header back: the key must not reach
/// any exception's message, properties, <c>ToString()</c> or <c>Data</c>.
/// </summary>
public sealed class KeyRedactionTests
{
    private const string Key = "xai-Q7kZp2Lr9TnWv4XyB8cD0eFgH1iJ3mK5oP6sU";

    private static ChatCompletionRequest Request() => new()
    {
        Model = "grok-4-fast",
        Messages = new ChatMessage[] { new UserMessage { Content = "hi" } },
    };

    private static XaiClientOptions Options() => new() { ApiKey = Key, Retry = XaiRetryOptions.None };

    private static string Echoed(HttpContext context) => context.Request.Headers.Authorization.ToString();

    private static Task Answer(HttpContext context, int status, string contentType, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body);
    }

    /// <summary>Everything an exception shows: message, ToString (inner exceptions included), Data, and the given properties.</summary>
    private static void AssertNoKey(Exception error, params string?[] shown)
    {
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key[..12], error.ToString(), StringComparison.Ordinal);
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            foreach (DictionaryEntry entry in e.Data)
            {
                Assert.DoesNotContain(Key[..12], entry.Key + "=" + entry.Value, StringComparison.Ordinal);
            }
        }

        foreach (string? text in shown)
        {
            Assert.DoesNotContain(Key[..12], text ?? string.Empty, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(401)]
    [InlineData(500)]
    public async Task An_error_body_that_echoes_the_key_in_json_is_redacted(int status)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, _) =>
            Answer(c, status, "application/json", "{\"code\":\"unauthenticated\",\"error\":\"Invalid header: Authorization: " + Echoed(c) + "\"}"));
        var error = await Assert.ThrowsAsync<XaiApiException>(() => server.Client(Options()).CompleteAsync(Request()));

        Assert.Equal(status, (int)error.StatusCode);
        AssertNoKey(error, error.RawBody, error.MessageText, error.CodeText, error.Error?.MessageText);
        Assert.Contains("Invalid header: Authorization: Bearer ", error.MessageText, StringComparison.Ordinal);
        Assert.Contains("[REDACTED]", error.RawBody, StringComparison.Ordinal);
        Assert.Equal("unauthenticated", error.CodeText); // still parsed
    }

    [Fact]
    public async Task An_error_body_that_echoes_the_key_in_text_is_redacted()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, _) =>
            Answer(c, 500, "text/plain", "proxy failure; request headers were:\nAuthorization: " + Echoed(c) + "\nAccept: */*"));
        var error = await Assert.ThrowsAsync<XaiApiException>(() => server.Client(Options()).CompleteStreamingAsync(Request()).GetAsyncEnumerator().MoveNextAsync().AsTask());

        AssertNoKey(error, error.RawBody, error.MessageText);
        Assert.Contains("Accept: */*", error.RawBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_error_body_cut_in_the_message_shows_no_part_of_the_key()
    {
        // The message shows the first 500 characters: put the key across that cut.
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, _) =>
            Answer(c, 502, "text/plain", new string('.', 480) + Echoed(c)["Bearer ".Length..] + new string('.', 100)));
        var error = await Assert.ThrowsAsync<XaiApiException>(() => server.Client(Options()).CompleteAsync(Request()));

        AssertNoKey(error, error.RawBody, error.MessageText);
        Assert.DoesNotContain(Key[..8], error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4096 - 20 - 33)]
    public async Task A_success_that_is_html_echoing_the_key_is_redacted(int padding)
    {
        // With this padding the key starts 20 bytes before the end of the 4 KiB kept from the body.
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, _) =>
            Answer(c, 200, "text/html", new string(' ', padding) + "<html><body>Your headers: " + Echoed(c) + "</body></html>"));
        var streamed = await Assert.ThrowsAsync<XaiUnexpectedContentTypeException>(async () =>
        {
            await foreach (ChatCompletionChunk _ in server.Client(Options()).CompleteStreamingAsync(Request()))
            {
            }
        });
        var completed = await Assert.ThrowsAsync<XaiUnexpectedContentTypeException>(() => server.Client(Options()).CompleteAsync(Request()));

        AssertNoKey(streamed, streamed.BodyStart);
        AssertNoKey(completed, completed.BodyStart);
        Assert.DoesNotContain(Key[..6], streamed.BodyStart[^30..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_event_echoing_the_key_is_redacted()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, _) =>
            Answer(c, 200, "text/event-stream", "event: error\ndata: {\"code\":\"auth\",\"error\":\"bad " + Echoed(c) + "\"}\n\n"));
        var error = await Assert.ThrowsAsync<XaiStreamErrorException>(async () =>
        {
            await foreach (ChatCompletionChunk _ in server.Client(Options()).CompleteStreamingAsync(Request()))
            {
            }
        });

        AssertNoKey(error, error.EventData, error.Error.MessageText);
        Assert.Equal("auth", error.Error.CodeText);
    }

    [Fact]
    public async Task A_malformed_event_echoing_the_key_is_redacted()
    {
        // A string where a number belongs: the reader's message quotes the string it found.
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, _) =>
            Answer(c, 200, "text/event-stream", "data: {\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"created\":\"" + Echoed(c)["Bearer ".Length..] + "\",\"model\":\"m\",\"choices\":[]}\n\n"));
        var error = await Assert.ThrowsAsync<XaiMalformedEventException>(async () =>
        {
            await foreach (ChatCompletionChunk _ in server.Client(Options()).CompleteStreamingAsync(Request()))
            {
            }
        });

        AssertNoKey(error, error.EventData, error.Excerpt, error.InnerException?.Message);
        Assert.Contains("created", error.Message, StringComparison.Ordinal);
    }
}
