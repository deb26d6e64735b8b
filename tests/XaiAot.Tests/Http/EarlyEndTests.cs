using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using XaiAot.Chat;
using XaiAot.Tests.Support;

namespace XaiAot.Tests.Http;

/// <summary>
/// Streams that end before <c>[DONE]</c>: a finished answer (finish_reason and the usage the
/// client asked for) is the result whatever way the connection ends; anything really missing is
/// named in the error.
/// </summary>
public sealed class EarlyEndTests
{
    private static readonly string SeedBody = SharedCassettes.Load("simple_streaming.yaml").Interactions[0].Response.Body;

    private static readonly List<string> Payloads = SseText.DataPayloads(SeedBody);

    private static ChatCompletionRequest Request() => new()
    {
        Model = "grok-code-fast-1",
        Messages = new ChatMessage[] { new UserMessage { Content = "Say hi in Portuguese" } },
    };

    /// <summary>The first <paramref name="count"/> data events of the seed stream as SSE.</summary>
    private static string Events(int count) => string.Concat(Payloads.Take(count).Select(p => "data: " + p + "\n\n"));

    private static int UsageEvent => Payloads.FindIndex(p => p.Contains("\"usage\"", StringComparison.Ordinal));

    private static int FinishEvent => Payloads.FindIndex(p => p.Contains("\"finish_reason\":\"", StringComparison.Ordinal));

    /// <summary>Writes <paramref name="body"/>, then resets the connection (or closes it cleanly).</summary>
    private static async Task SendThenEnd(HttpContext context, string body, bool reset)
    {
        context.Response.ContentType = "text/event-stream";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body));
        await context.Response.Body.FlushAsync();
        if (reset)
        {
            // A reset discards what the client has not read yet; let it read what was sent, then cut.
            await Task.Delay(300);
            context.Abort();
        }
    }

    [Fact]
    public void The_seed_stream_sends_usage_after_the_finish_reason_then_done()
    {
        Assert.True(FinishEvent > 0);
        Assert.Equal(FinishEvent + 1, UsageEvent);
        Assert.Equal("[DONE]", Payloads[UsageEvent + 1]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_finished_answer_cut_before_done_is_the_completion(bool reset)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, _) => SendThenEnd(c, Events(UsageEvent + 1), reset));
        ChatCompletionStream stream = server.Client().CompleteStreamingAsync(Request());
        int chunks = 0;
        await foreach (ChatCompletionChunk _ in stream)
        {
            chunks++;
        }

        Assert.Equal(UsageEvent + 1, chunks);
        Assert.Equal(FinishReason.Stop, stream.BuildCompletion().Choices[0].FinishReason);
        Assert.NotNull(stream.BuildCompletion().Usage);
    }

    [Theory]
    [InlineData(true, "connection")]
    [InlineData(false, "closed")]
    public async Task A_finish_reason_without_the_usage_asked_for_says_the_usage_is_missing(bool reset, string cause)
    {
        string body = Events(FinishEvent + 1);
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, _) => SendThenEnd(c, body, reset));
        var error = await Assert.ThrowsAsync<XaiStreamTruncatedException>(async () =>
        {
            await foreach (ChatCompletionChunk _ in server.Client().CompleteStreamingAsync(Request()))
            {
            }
        });

        Assert.Contains("finish_reason arrived but usage did not", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("without a finish_reason", error.Message, StringComparison.Ordinal);
        Assert.Contains((FinishEvent + 1) + " events", error.Message, StringComparison.Ordinal);
        Assert.Contains(Encoding.UTF8.GetByteCount(body) + " bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains(cause, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(reset, error.InnerException is not null);
        Assert.Equal(FinishReason.Stop, error.Partial!.Choices[0].FinishReason);
    }

    [Fact]
    public async Task A_stream_cut_mid_answer_says_no_finish_reason_arrived_and_why()
    {
        string body = Events(FinishEvent - 2);
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, _) => SendThenEnd(c, body, reset: true));
        var error = await Assert.ThrowsAsync<XaiStreamTruncatedException>(async () =>
        {
            await foreach (ChatCompletionChunk _ in server.Client().CompleteStreamingAsync(Request()))
            {
            }
        });

        Assert.Contains("no finish_reason", error.Message, StringComparison.Ordinal);
        Assert.Contains(Encoding.UTF8.GetByteCount(body) + " bytes", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
        Assert.Contains(error.InnerException!.GetType().Name, error.Message, StringComparison.Ordinal);
        Assert.Equal(FinishEvent - 2, error.EventsReceived);
    }
}
