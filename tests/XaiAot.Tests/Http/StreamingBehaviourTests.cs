using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using XaiAot.Chat;
using XaiAot.Tests.Support;

namespace XaiAot.Tests.Http;

/// <summary>Streams that arrive slowly, in odd pieces, cut off, stalled, cancelled, or not as SSE.</summary>
public sealed class StreamingBehaviourTests
{
    private static readonly string SeedBody = SharedCassettes.Load("simple_streaming.yaml").Interactions[0].Response.Body;

    private static ChatCompletionRequest Request() => new()
    {
        Model = "grok-code-fast-1",
        Messages = new ChatMessage[] { new SystemMessage { Content = "You are a helpful assistant" }, new UserMessage { Content = "Say hi in Portuguese" } },
    };

    private static string ExpectedContent() => string.Concat(SseText.DataPayloads(SeedBody).Where(p => p != "[DONE]")
        .Select(p => JsonSerializer.Deserialize(p, XaiChatJsonContext.Default.ChatCompletionChunk)!)
        .Where(c => c.Choices.Count > 0).Select(c => c.Choices[0].Delta.Content));

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(301)]
    public async Task Events_split_across_writes_mid_json_and_mid_utf8_arrive_whole(int pieceBytes)
    {
        // The answer holds a two-byte character ("Olá"), so small pieces split it.
        Assert.Contains("á", ExpectedContent(), StringComparison.Ordinal);
        int around = Encoding.UTF8.GetByteCount(SeedBody[..SeedBody.IndexOf('á', StringComparison.Ordinal)]);
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
            Responses.Trickle(context, "text/event-stream", SeedBody, pieceBytes, TimeSpan.FromMilliseconds(pieceBytes == 7 ? 1 : 0), slowFrom: around - 1500, slowTo: around + 1500));
        ChatCompletionStream stream = server.Client().CompleteStreamingAsync(Request());
        int chunks = 0;
        await foreach (ChatCompletionChunk _ in stream)
        {
            chunks++;
        }

        Assert.Equal(SseText.DataPayloads(SeedBody).Count - 1, chunks);
        Assert.Equal(ExpectedContent(), stream.BuildCompletion().Choices[0].Message.Content);
    }

    [Fact]
    public async Task The_request_asks_for_a_stream_with_usage()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Responses.Trickle(context, "text/event-stream", SeedBody, 4096, TimeSpan.Zero));
        await foreach (ChatCompletionChunk _ in server.Client(new XaiClientOptions { ApiKey = "k", UserAgent = "test-agent/2" }).CompleteStreamingAsync(Request()))
        {
        }

        ReceivedRequest sent = Assert.Single(server.Requests);
        using JsonDocument body = JsonDocument.Parse(sent.Body);
        Assert.True(body.RootElement.GetProperty("stream").GetBoolean());
        Assert.True(body.RootElement.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
        Assert.Equal("text/event-stream", sent.Accept);
        Assert.Equal("test-agent/2", sent.UserAgent);
        Assert.Equal("Bearer k", sent.Authorization);
    }

    [Fact]
    public async Task A_connection_cut_mid_stream_keeps_everything_received()
    {
        int cut = Encoding.UTF8.GetByteCount(SeedBody) * 3 / 4;
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Responses.Trickle(context, "text/event-stream", SeedBody, 997, TimeSpan.Zero, abortAfterBytes: cut));
        ChatCompletionStream stream = server.Client().CompleteStreamingAsync(Request());
        int chunks = 0;
        var error = await Assert.ThrowsAsync<XaiStreamTruncatedException>(async () =>
        {
            await foreach (ChatCompletionChunk _ in stream)
            {
                chunks++;
            }
        });

        Assert.Equal(chunks, stream.ChunkCount);
        Assert.True(chunks > 10);
        Assert.Equal(stream.BuildCompletion().Choices[0].Message.ReasoningContent, error.Partial!.Choices[0].Message.ReasoningContent);
        Assert.StartsWith(error.Partial.Choices[0].Message.Content ?? string.Empty, ExpectedContent(), StringComparison.Ordinal);
        Assert.Single(server.Requests); // never retried once the body had started
    }

    [Fact]
    public async Task Cancelling_mid_stream_stops_at_once_and_releases_the_connection()
    {
        string firstEvents = string.Concat(SseText.DataPayloads(SeedBody).Take(3).Select(p => "data: " + p + "\n\n"));
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            await Responses.Trickle(context, "text/event-stream", firstEvents, 4096, TimeSpan.Zero);
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var cancel = new CancellationTokenSource();
        int received = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (ChatCompletionChunk _ in server.Client().CompleteStreamingAsync(Request(), cancel.Token))
            {
                if (++received == 2)
                {
                    cancel.Cancel();
                }
            }
        });

        Assert.Equal(2, received);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
        await server.ClientAborted.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_stalled_stream_times_out_when_asked_to()
    {
        string firstEvents = string.Concat(SseText.DataPayloads(SeedBody).Take(2).Select(p => "data: " + p + "\n\n"));
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            await Responses.Trickle(context, "text/event-stream", firstEvents, 4096, TimeSpan.Zero);
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        var received = new List<ChatCompletionChunk>();
        var error = await Assert.ThrowsAsync<TimeoutException>(async () =>
        {
            await foreach (ChatCompletionChunk chunk in server.Client(new XaiClientOptions { StreamIdleTimeout = TimeSpan.FromMilliseconds(300) }).CompleteStreamingAsync(Request()))
            {
                received.Add(chunk);
            }
        });

        Assert.Equal(2, received.Count);
        Assert.Contains("No stream event", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slow_response_headers_time_out_when_asked_to()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) => await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted));
        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            server.Client(new XaiClientOptions { RequestTimeout = TimeSpan.FromMilliseconds(200), Retry = XaiRetryOptions.None }).CompleteAsync(Request()));
        Assert.Contains("No response headers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_success_that_is_not_an_event_stream_is_a_specific_error()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Responses.Trickle(context, "text/html", "<html><body>Gateway says hi</body></html>", 4096, TimeSpan.Zero));
        var error = await Assert.ThrowsAsync<XaiUnexpectedContentTypeException>(async () =>
        {
            await foreach (ChatCompletionChunk _ in server.Client().CompleteStreamingAsync(Request()))
            {
            }
        });

        Assert.Equal("text/html", error.ContentType);
        Assert.Equal("text/event-stream", error.Expected);
        Assert.Contains("Gateway says hi", error.BodyStart, StringComparison.Ordinal);
    }
}
