using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using XaiAot.Chat;
using XaiAot.Tests.Support;

namespace XaiAot.Tests.Http;

/// <summary>
/// Compressed bodies sent to a plain HttpClient (no AutomaticDecompression): the client says what
/// it accepts and decodes it, or names the coding it cannot read; never "0 events".
/// </summary>
public sealed class ContentEncodingTests
{
    private static readonly string SeedBody = SharedCassettes.Load("simple_streaming.yaml").Interactions[0].Response.Body;

    private static readonly string CompletionBody = SharedCassettes.Load("xai-grok-code-fast__simple.yaml").Interactions[0].Response.Body;

    private static ChatCompletionRequest Request() => new()
    {
        Model = "grok-code-fast-1",
        Messages = new ChatMessage[] { new UserMessage { Content = "Say hi in Portuguese" } },
    };

    private static Stream Compressor(string coding, Stream body) => coding switch
    {
        "gzip" => new GZipStream(body, CompressionLevel.Fastest, leaveOpen: true),
        "deflate" => new ZLibStream(body, CompressionLevel.Fastest, leaveOpen: true),
        _ => throw new ArgumentOutOfRangeException(nameof(coding)),
    };

    /// <summary>
    /// Sends <paramref name="text"/> in <paramref name="coding"/>, flushing the compressor after
    /// every <paramref name="pieces"/>-th of it so a stream arrives as a stream does.
    /// </summary>
    private static async Task Compressed(HttpContext context, int status, string contentType, string coding, string text, int pieces = 1)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.Headers.ContentEncoding = coding;
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        await using (Stream compressor = Compressor(coding, context.Response.Body))
        {
            int size = (bytes.Length + pieces - 1) / pieces;
            for (int at = 0; at < bytes.Length; at += size)
            {
                await compressor.WriteAsync(bytes.AsMemory(at, Math.Min(size, bytes.Length - at)));
                await compressor.FlushAsync();
                await context.Response.Body.FlushAsync();
            }
        }
    }

    private static string ExpectedContent() => string.Concat(SseText.DataPayloads(SeedBody).Where(p => p != "[DONE]")
        .Select(p => JsonSerializer.Deserialize(p, XaiChatJsonContext.Default.ChatCompletionChunk)!)
        .Where(c => c.Choices.Count > 0).Select(c => c.Choices[0].Delta.Content));

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    public async Task A_compressed_event_stream_is_decoded(string coding)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, _) => Compressed(c, 200, "text/event-stream", coding, SeedBody, pieces: 7));
        ChatCompletionStream stream = server.Client().CompleteStreamingAsync(Request());
        int chunks = 0;
        await foreach (ChatCompletionChunk _ in stream)
        {
            chunks++;
        }

        Assert.Equal(SseText.DataPayloads(SeedBody).Count - 1, chunks);
        Assert.Equal(ExpectedContent(), stream.BuildCompletion().Choices[0].Message.Content);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    public async Task A_compressed_completion_is_decoded(string coding)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, _) => Compressed(c, 200, "application/json", coding, CompletionBody));
        ChatCompletion completion = await server.Client().CompleteAsync(Request());
        JsonAssert.SemanticallyEqual(CompletionBody, JsonSerializer.Serialize(completion, XaiChatJsonContext.Default.ChatCompletion));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    public async Task A_compressed_error_body_is_decoded(string coding)
    {
        const string Body = """{"code":"Client specified an invalid argument","error":"Model not found: grok-9"}""";
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, _) => Compressed(c, 400, "application/json", coding, Body));
        var error = await Assert.ThrowsAsync<XaiApiException>(() => server.Client().CompleteAsync(Request()));
        Assert.Equal(Body, error.RawBody);
        Assert.Equal("Model not found: grok-9", error.MessageText);
    }

    [Fact]
    public async Task The_request_says_which_codings_the_client_reads()
    {
        string? accepted = null;
        await using LoopbackServer echo = await LoopbackServer.StartAsync((c, _) =>
        {
            accepted = c.Request.Headers.AcceptEncoding.ToString();
            return Compressed(c, 200, "application/json", "gzip", CompletionBody);
        });
        await echo.Client().CompleteAsync(Request());

        Assert.NotNull(accepted);
        string[] codings = accepted!.Split(',', StringSplitOptions.TrimEntries);
        Assert.Contains("gzip", codings);
        Assert.Contains("deflate", codings);
        Assert.DoesNotContain("br", codings); // not decoded: see ContentDecoding for the size it would cost
    }

    [Fact]
    public async Task A_stream_asks_for_no_compression_and_still_reads_a_compressed_one()
    {
        string? accepted = null;
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, _) =>
        {
            accepted = c.Request.Headers.AcceptEncoding.ToString();
            return Compressed(c, 200, "text/event-stream", "gzip", SeedBody, pieces: 2);
        });
        int chunks = 0;
        await foreach (ChatCompletionChunk _ in server.Client().CompleteStreamingAsync(Request()))
        {
            chunks++;
        }

        Assert.Equal("identity", accepted);
        Assert.Equal(SseText.DataPayloads(SeedBody).Count - 1, chunks);
    }

    [Fact]
    public async Task A_client_that_decompresses_itself_is_not_decoded_twice()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, _) => Compressed(c, 200, "text/event-stream", "gzip", SeedBody, pieces: 3));
        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All });
        int chunks = 0;
        await foreach (ChatCompletionChunk _ in server.Client(http: http).CompleteStreamingAsync(Request()))
        {
            chunks++;
        }

        Assert.Equal(SseText.DataPayloads(SeedBody).Count - 1, chunks);
    }

    [Theory]
    [InlineData("zstd")]
    [InlineData("br")]
    public async Task A_coding_the_client_cannot_read_is_named_in_the_error(string coding)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, _) =>
        {
            c.Response.ContentType = c.Request.Headers.Accept.ToString(); // what was asked for, in a coding not asked for
            c.Response.Headers.ContentEncoding = coding;
            return c.Response.Body.WriteAsync(new byte[] { 0x28, 0xB5, 0x2F, 0xFD, 0, 0, 0, 0 }).AsTask();
        });
        var streamed = await Assert.ThrowsAsync<XaiContentEncodingException>(async () =>
        {
            await foreach (ChatCompletionChunk _ in server.Client().CompleteStreamingAsync(Request()))
            {
            }
        });
        Assert.Equal(coding, streamed.ContentEncoding);
        Assert.Contains("'" + coding + "'", streamed.Message, StringComparison.Ordinal);

        var completed = await Assert.ThrowsAsync<XaiContentEncodingException>(() => server.Client().CompleteAsync(Request()));
        Assert.Equal(coding, completed.ContentEncoding);
    }

    [Fact]
    public async Task A_corrupt_compressed_stream_names_its_coding()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, _) =>
        {
            c.Response.ContentType = "text/event-stream";
            c.Response.Headers.ContentEncoding = "gzip";
            return c.Response.WriteAsync(SeedBody);
        });
        var error = await Assert.ThrowsAsync<XaiContentEncodingException>(async () =>
        {
            await foreach (ChatCompletionChunk _ in server.Client().CompleteStreamingAsync(Request()))
            {
            }
        });
        Assert.Equal("gzip", error.ContentEncoding);
        Assert.IsType<InvalidDataException>(error.InnerException);
    }

    [Fact]
    public async Task An_error_body_in_a_coding_the_client_cannot_read_says_so()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, _) =>
        {
            c.Response.StatusCode = 503;
            c.Response.Headers.ContentEncoding = "zstd";
            return c.Response.Body.WriteAsync(new byte[] { 0x28, 0xB5, 0x2F, 0xFD, 1, 2, 3 }).AsTask();
        });
        var error = await Assert.ThrowsAsync<XaiApiException>(() => server.Client(new XaiClientOptions { Retry = XaiRetryOptions.None }).CompleteAsync(Request()));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Contains("zstd", error.RawBody, StringComparison.Ordinal);
        Assert.Contains("zstd", error.Message, StringComparison.Ordinal);
    }
}
