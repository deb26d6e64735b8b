using System;
using System.Linq;
using System.Threading.Tasks;
using XaiAot.Chat;
using XaiAot.Tests.Support;

namespace XaiAot.Tests.Streaming;

/// <summary>
/// <see cref="ChatCompletionStream"/>: what <c>CompleteStreamingAsync</c> returns and
/// <c>ChatCompletionStream.Read</c> makes: chunks once, and the completion they add up to.
/// </summary>
public sealed class ChatCompletionStreamTests
{
    private static readonly string SeedBody = SharedCassettes.Load("simple_streaming.yaml").Interactions[0].Response.Body;

    [Fact]
    public async Task The_completion_is_what_the_chunks_add_up_to_and_a_stream_is_read_once()
    {
        ChatCompletionStream stream = ChatCompletionStream.Read(Streams.Utf8(SeedBody));
        Assert.Equal(0, stream.ChunkCount);
        int chunks = 0;
        await foreach (ChatCompletionChunk _ in stream)
        {
            chunks++;
        }

        Assert.Equal(chunks, stream.ChunkCount);
        ChatCompletion completion = stream.BuildCompletion();
        Assert.Equal(FinishReason.Stop, completion.Choices[0].FinishReason);
        Assert.Contains("Olá", completion.Choices[0].Message.Content, StringComparison.Ordinal);
        Assert.NotSame(completion, stream.BuildCompletion());

        var error = Assert.Throws<InvalidOperationException>(() => stream.GetAsyncEnumerator());
        Assert.Contains("enumerated once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_an_early_stop_the_completion_holds_what_arrived()
    {
        ChatCompletionStream stream = ChatCompletionStream.Read(Streams.Utf8(SeedBody));
        await foreach (ChatCompletionChunk _ in stream)
        {
            if (stream.ChunkCount == 3)
            {
                break;
            }
        }

        ChatCompletion partial = stream.BuildCompletion();
        Assert.Equal(3, stream.ChunkCount);
        Assert.Null(partial.Choices.Single().FinishReason);
    }

    [Fact]
    public async Task Nothing_is_sent_until_the_enumeration_starts()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Responses.Trickle(context, "text/event-stream", SeedBody, 4096, TimeSpan.Zero));
        ChatCompletionStream stream = server.Client().CompleteStreamingAsync(new ChatCompletionRequest { Model = "m", Messages = [new UserMessage { Content = "hi" }] });
        await Task.Delay(50);
        Assert.Empty(server.Requests);

        await foreach (ChatCompletionChunk _ in stream)
        {
        }

        Assert.Single(server.Requests);
    }
}
