using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using XaiAot.Chat;
using XaiAot.Tests.Support;

namespace XaiAot.Tests.Streaming;

/// <summary>The SSE body of a stream, read into typed chunks, including every way it can go wrong.</summary>
public sealed class SseChunkReaderTests
{
    private static readonly string SeedBody = SharedCassettes.Load("simple_streaming.yaml").Interactions[0].Response.Body;

    private static string Expected(Func<ChatCompletionChunk, string?> pick) =>
        string.Concat(SseText.DataPayloads(SeedBody).Where(p => p != "[DONE]")
            .Select(p => JsonSerializer.Deserialize(p, XaiChatJsonContext.Default.ChatCompletionChunk)!)
            .Select(pick));

    [Fact]
    public async Task The_seed_stream_yields_every_chunk_and_stops_at_done()
    {
        (List<ChatCompletionChunk> chunks, ChatCompletionAccumulator accumulator) = await Streams.ReadAllAsync(SeedBody);

        Assert.Equal(SseText.DataPayloads(SeedBody).Count - 1, chunks.Count);
        ChatCompletion completion = accumulator.Build();
        Assert.Equal(Expected(c => c.Choices.Count > 0 ? c.Choices[0].Delta.Content : null), completion.Choices[0].Message.Content);
        Assert.Equal(Expected(c => c.Choices.Count > 0 ? c.Choices[0].Delta.ReasoningContent : null), completion.Choices[0].Message.ReasoningContent);
        Assert.Equal(chunks[^1].Usage, completion.Usage);
        Assert.Equal(FinishReason.Stop, completion.Choices[0].FinishReason);
    }

    [Fact]
    public async Task Crlf_comments_keep_alives_event_and_id_fields_are_handled_as_the_spec_says()
    {
        var noisy = new System.Text.StringBuilder(": welcome\r\n\r\n");
        int n = 0;
        foreach (string payload in SseText.DataPayloads(SeedBody))
        {
            noisy.Append(n % 3 == 0 ? "event: message\r\n" : string.Empty)
                .Append("id: ").Append(n).Append("\r\n")
                .Append("data: ").Append(payload).Append("\r\n\r\n");
            if (n % 10 == 0)
            {
                noisy.Append(": keep-alive\r\n\r\n").Append("retry: 1000\r\n\r\n");
            }

            n++;
        }

        (List<ChatCompletionChunk> chunks, ChatCompletionAccumulator accumulator) = await Streams.ReadAllAsync(noisy.ToString());
        (List<ChatCompletionChunk> plain, ChatCompletionAccumulator reference) = await Streams.ReadAllAsync(SeedBody);
        Assert.Equal(plain.Count, chunks.Count);
        Assert.Equal(reference.Build().Choices[0].Message, accumulator.Build().Choices[0].Message with { });
    }

    [Fact]
    public async Task A_chunk_spread_over_several_data_lines_is_joined()
    {
        string payload = SseText.DataPayloads(SeedBody)[3];
        int comma = payload.IndexOf(',', StringComparison.Ordinal);
        string body = "data: " + payload[..(comma + 1)] + "\ndata: " + payload[(comma + 1)..] + "\n\ndata: [DONE]\n\n";
        var chunks = new List<ChatCompletionChunk>();
        await foreach (ChatCompletionChunk chunk in ChatCompletionStream.Read(Streams.Utf8(body)))
        {
            chunks.Add(chunk);
        }

        Assert.Single(chunks);
        JsonAssert.SemanticallyEqual(payload, JsonSerializer.Serialize(chunks[0], XaiChatJsonContext.Default.ChatCompletionChunk));
    }

    [Fact]
    public async Task Nothing_after_done_is_read()
    {
        string body = SeedBody + "data: {not json at all\n\n";
        (List<ChatCompletionChunk> chunks, _) = await Streams.ReadAllAsync(body);
        Assert.Equal(SseText.DataPayloads(SeedBody).Count - 1, chunks.Count);
    }

    [Fact]
    public async Task A_malformed_event_says_which_event_where_and_shows_it()
    {
        List<string> payloads = SseText.DataPayloads(SeedBody);
        string broken = payloads[5].Replace("\"index\":0", "\"index\":\"zero\"", StringComparison.Ordinal);
        string body = string.Concat(payloads.Take(5).Select(p => "data: " + p + "\n\n")) + "data: " + broken + "\n\n";

        var error = await Assert.ThrowsAsync<XaiMalformedEventException>(() => Streams.ReadAllAsync(body));
        Assert.Equal(5, error.EventIndex);
        Assert.Equal(broken, error.EventData);
        Assert.Equal(broken.IndexOf("\"zero\"", StringComparison.Ordinal), error.ByteOffset);
        Assert.Contains("\"zero\"", error.Excerpt, StringComparison.Ordinal);
        var inner = Assert.IsAssignableFrom<JsonException>(error.InnerException);
        Assert.Equal("$.choices[0].index", inner.Path);
        Assert.Contains("Malformed stream event 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_json_in_an_event_is_malformed_too()
    {
        string body = "data: " + SseText.DataPayloads(SeedBody)[0] + "\n\ndata: {\"id\":\"x\",,}\n\n";
        var error = await Assert.ThrowsAsync<XaiMalformedEventException>(() => Streams.ReadAllAsync(body));
        Assert.Equal(1, error.EventIndex);
        Assert.Equal("{\"id\":\"x\",,}".IndexOf(",,", StringComparison.Ordinal) + 1, error.ByteOffset);
    }

    [Fact]
    public async Task An_error_event_becomes_a_stream_error()
    {
        string body = "data: " + SseText.DataPayloads(SeedBody)[0] + "\n\nevent: error\ndata: {\"error\":{\"message\":\"Model overloaded\",\"type\":\"server_error\",\"code\":\"overloaded\"}}\n\n";
        var error = await Assert.ThrowsAsync<XaiStreamErrorException>(() => Streams.ReadAllAsync(body));
        Assert.Equal(1, error.EventIndex);
        Assert.Equal("Model overloaded", error.Error.MessageText);
        Assert.Equal("overloaded", error.Error.CodeText);
    }

    [Fact]
    public async Task An_error_body_sent_as_data_becomes_a_stream_error()
    {
        string body = "data: {\"code\":\"Internal\",\"error\":\"upstream reset\"}\n\n";
        var error = await Assert.ThrowsAsync<XaiStreamErrorException>(() => Streams.ReadAllAsync(body));
        Assert.Equal(0, error.EventIndex);
        Assert.Equal("upstream reset", error.Error.MessageText);
        Assert.Equal("Internal", error.Error.CodeText);
    }

    [Fact]
    public async Task A_stream_cut_before_done_and_finish_reason_keeps_the_partial_message()
    {
        List<string> payloads = SseText.DataPayloads(SeedBody);
        int firstContent = payloads.FindIndex(p => p.Contains("\"content\"", StringComparison.Ordinal));
        string body = string.Concat(payloads.Take(firstContent + 3).Select(p => "data: " + p + "\n\n"));

        var error = await Assert.ThrowsAsync<XaiStreamTruncatedException>(() => Streams.ReadAllAsync(body));
        Assert.Equal(firstContent + 3, error.EventsReceived);
        Assert.Contains("after " + (firstContent + 3) + " events (" + System.Text.Encoding.UTF8.GetByteCount(body) + " bytes): no finish_reason arrived; the server closed the response", error.Message, StringComparison.Ordinal);
        ChatCompletion partial = error.Partial!;
        string expectedReasoning = string.Concat(payloads.Take(firstContent + 3)
            .Select(p => JsonSerializer.Deserialize(p, XaiChatJsonContext.Default.ChatCompletionChunk)!.Choices[0].Delta.ReasoningContent));
        Assert.Equal(expectedReasoning, partial.Choices[0].Message.ReasoningContent);
        Assert.False(string.IsNullOrEmpty(partial.Choices[0].Message.Content));
        Assert.Null(partial.Choices[0].FinishReason);
    }

    [Fact]
    public async Task An_empty_body_is_truncated_with_nothing_attached()
    {
        var error = await Assert.ThrowsAsync<XaiStreamTruncatedException>(() => Streams.ReadAllAsync(string.Empty));
        Assert.Equal(0, error.EventsReceived);
        Assert.Null(error.Partial);
    }

    [Fact]
    public async Task A_stream_with_a_finish_reason_but_no_done_is_complete()
    {
        string body = SeedBody.Replace("data: [DONE]", string.Empty, StringComparison.Ordinal);
        (List<ChatCompletionChunk> chunks, ChatCompletionAccumulator accumulator) = await Streams.ReadAllAsync(body);
        Assert.Equal(SseText.DataPayloads(SeedBody).Count - 1, chunks.Count);
        Assert.True(accumulator.HasFinishReason);
    }

    [Fact]
    public async Task Without_a_request_that_asked_for_usage_a_finish_reason_alone_completes_the_stream()
    {
        // ReadAsync does not know what was asked for: the usage chunk is not required.
        List<string> payloads = SseText.DataPayloads(SeedBody);
        int finish = payloads.FindIndex(p => p.Contains("\"finish_reason\":\"", StringComparison.Ordinal));
        string body = string.Concat(payloads.Take(finish + 1).Select(p => "data: " + p + "\n\n"));
        (List<ChatCompletionChunk> chunks, ChatCompletionAccumulator accumulator) = await Streams.ReadAllAsync(body);
        Assert.Equal(finish + 1, chunks.Count);
        Assert.Null(accumulator.Usage);
    }

    [Fact]
    public async Task A_broken_body_after_the_finish_reason_completes_and_before_it_says_why_it_is_truncated()
    {
        List<string> payloads = SseText.DataPayloads(SeedBody);
        int finish = payloads.FindIndex(p => p.Contains("\"finish_reason\":\"", StringComparison.Ordinal));
        string Events(int count) => string.Concat(payloads.Take(count).Select(p => "data: " + p + "\n\n"));

        var finished = new List<ChatCompletionChunk>();
        await foreach (ChatCompletionChunk chunk in ChatCompletionStream.Read(new BreaksAtEnd(Events(finish + 1))))
        {
            finished.Add(chunk);
        }

        Assert.Equal(finish + 1, finished.Count);

        var error = await Assert.ThrowsAsync<XaiStreamTruncatedException>(async () =>
        {
            await foreach (ChatCompletionChunk _ in ChatCompletionStream.Read(new BreaksAtEnd(Events(finish - 1))))
            {
            }
        });
        Assert.IsType<System.IO.IOException>(error.InnerException);
        Assert.Contains("no finish_reason arrived; the connection failed: IOException: connection reset", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A body whose connection resets after its bytes instead of ending.</summary>
    private sealed class BreaksAtEnd(string text) : System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes(text))
    {
        public override System.Threading.Tasks.ValueTask<int> ReadAsync(Memory<byte> buffer, System.Threading.CancellationToken cancellationToken = default) =>
            Position < Length ? base.ReadAsync(buffer, cancellationToken) : System.Threading.Tasks.ValueTask.FromException<int>(new System.IO.IOException("connection reset"));
    }

    [Fact]
    public async Task Other_event_types_and_empty_data_are_ignored()
    {
        string body = "event: ping\ndata: {}\n\ndata:\n\n" + SeedBody;
        (List<ChatCompletionChunk> chunks, _) = await Streams.ReadAllAsync(body);
        Assert.Equal(SseText.DataPayloads(SeedBody).Count - 1, chunks.Count);
    }
}
