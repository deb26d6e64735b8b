using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using XaiAot.Chat;
using XaiAot.Tests.Support;

namespace XaiAot.Tests.Http;

/// <summary>
/// <see cref="XaiClientOptions.StreamIdleTimeout"/> measures the server (time spent waiting for
/// bytes), never the consumer (time spent holding a chunk), and any bytes keep it alive.
/// </summary>
public sealed class IdleTimeoutTests
{
    private static readonly string SeedBody = SharedCassettes.Load("simple_streaming.yaml").Interactions[0].Response.Body;

    private static ChatCompletionRequest Request() => new()
    {
        Model = "grok-code-fast-1",
        Messages = new ChatMessage[] { new UserMessage { Content = "Say hi in Portuguese" } },
    };

    private static int ExpectedChunks => SseText.DataPayloads(SeedBody).Count - 1;

    [Fact]
    public async Task A_consumer_that_pauses_longer_than_the_timeout_still_gets_the_whole_stream()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Responses.Trickle(context, "text/event-stream", SeedBody, 65536, TimeSpan.Zero));
        XaiChatClient client = server.Client(new XaiClientOptions { StreamIdleTimeout = TimeSpan.FromSeconds(1) });
        ChatCompletionStream stream = client.CompleteStreamingAsync(Request());
        int chunks = 0;
        await foreach (ChatCompletionChunk _ in stream)
        {
            if (chunks++ == 1)
            {
                // The whole stream has arrived by now; holding this chunk is the consumer's time.
                await Task.Delay(TimeSpan.FromMilliseconds(1500));
            }
        }

        Assert.Equal(ExpectedChunks, chunks);
        Assert.NotNull(stream.BuildCompletion().Usage);
    }

    [Fact]
    public async Task Comments_and_skipped_events_from_the_server_keep_the_stream_alive()
    {
        List<string> payloads = SseText.DataPayloads(SeedBody);
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "text/event-stream";
            await Write(context, "data: " + payloads[0] + "\n\n");

            // 2 s of nothing the client yields, but bytes every 0.3 s: a comment, then a ping event.
            for (int i = 0; i < 7; i++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300), context.RequestAborted);
                await Write(context, i % 2 == 0 ? ": keep-alive\n\n" : "event: ping\ndata: {}\n\n");
            }

            await Write(context, string.Concat(payloads.Skip(1).Select(p => "data: " + p + "\n\n")));
        });
        XaiChatClient client = server.Client(new XaiClientOptions { StreamIdleTimeout = TimeSpan.FromSeconds(1) });
        int chunks = 0;
        await foreach (ChatCompletionChunk _ in client.CompleteStreamingAsync(Request()))
        {
            chunks++;
        }

        Assert.Equal(ExpectedChunks, chunks);
    }

    [Fact]
    public async Task A_server_silent_for_longer_than_the_timeout_is_abandoned_even_mid_event()
    {
        List<string> payloads = SseText.DataPayloads(SeedBody);
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "text/event-stream";
            await Write(context, "data: " + payloads[0] + "\n\ndata: {\"id\":");
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        XaiChatClient client = server.Client(new XaiClientOptions { StreamIdleTimeout = TimeSpan.FromMilliseconds(400) });
        int chunks = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<TimeoutException>(async () =>
        {
            await foreach (ChatCompletionChunk _ in client.CompleteStreamingAsync(Request()))
            {
                chunks++;
            }
        });

        Assert.Equal(1, chunks);
        Assert.Contains("00:00:00.4", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "took " + watch.Elapsed);
        await server.ClientAborted.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_finished_answer_followed_by_silence_is_the_completion_not_a_timeout()
    {
        // finish_reason and usage arrive, then neither [DONE] nor the end of the response.
        List<string> payloads = SseText.DataPayloads(SeedBody);
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "text/event-stream";
            await Write(context, string.Concat(payloads.Where(p => p != "[DONE]").Select(p => "data: " + p + "\n\n")));
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        ChatCompletionStream stream = server.Client(new XaiClientOptions { StreamIdleTimeout = TimeSpan.FromMilliseconds(300) }).CompleteStreamingAsync(Request());
        int chunks = 0;
        await foreach (ChatCompletionChunk _ in stream)
        {
            chunks++;
        }

        Assert.Equal(ExpectedChunks, chunks);
        Assert.NotNull(stream.BuildCompletion().Usage);
        await server.ClientAborted.Task.WaitAsync(TimeSpan.FromSeconds(5)); // and the connection is not left open
    }

    private static async Task Write(HttpContext context, string text)
    {
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
