using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace XaiAot.Chat;

/// <summary>
/// A completion as it streams: enumerate it (once) for the chunks as they arrive, then
/// <see cref="BuildCompletion"/> gives the <see cref="ChatCompletion"/> they add up to, the same
/// shape <see cref="XaiChatClient.CompleteAsync"/> returns. After an error or an early stop it gives
/// what had arrived. Nothing is sent until the enumeration starts.
/// </summary>
public sealed class ChatCompletionStream : IAsyncEnumerable<ChatCompletionChunk>
{
    private readonly IAsyncEnumerable<ChatCompletionChunk> _chunks;
    private readonly ChatCompletionAccumulator _accumulator;
    private int _enumerated;

    internal ChatCompletionStream(IAsyncEnumerable<ChatCompletionChunk> chunks, ChatCompletionAccumulator accumulator)
    {
        _chunks = chunks;
        _accumulator = accumulator;
    }

    /// <summary>How many chunks have arrived so far.</summary>
    public int ChunkCount => _accumulator.ChunkCount;

    /// <summary>
    /// Reads a <c>text/event-stream</c> body received some other way (a proxy, a queue, a recorded
    /// body) with the same parsing and errors as a client stream: chunks until <c>[DONE]</c>, and
    /// <see cref="XaiStreamTruncatedException"/> when the body ends before any finish_reason.
    /// </summary>
    /// <param name="body">The event stream; not disposed here.</param>
    /// <param name="cancellationToken">Stops reading at once.</param>
    public static ChatCompletionStream Read(Stream body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var accumulator = new ChatCompletionAccumulator();
        return new ChatCompletionStream(SseChunkReader.Read(body, accumulator, cancellationToken), accumulator);
    }

    /// <summary>The chunks so far as one completion (a new object on each call).</summary>
    public ChatCompletion BuildCompletion() => _accumulator.Build();

    /// <summary>Starts the stream: a response is read as it arrives, so this can be done once.</summary>
    public IAsyncEnumerator<ChatCompletionChunk> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) != 0)
        {
            throw new InvalidOperationException("A chat completion stream can be enumerated once: it reads a response as it arrives. Call CompleteStreamingAsync again for another answer.");
        }

        return _chunks.GetAsyncEnumerator(cancellationToken);
    }
}
