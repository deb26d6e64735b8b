using System;
using System.Collections.Generic;
using System.IO;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading;

namespace XaiAot;

/// <summary>
/// Reads a <c>text/event-stream</c> body into chunks with <see cref="SseParser"/> (comments,
/// <c>event:</c> fields, CRLF and keep-alives handled as the SSE spec says), folding each chunk
/// into an accumulator so a stream cut short can hand back everything received.
/// </summary>
public static class ChunkStream
{
    /// <summary>
    /// Yields the chunks of <paramref name="body"/> until <c>[DONE]</c>. Throws
    /// <see cref="XaiMalformedEventException"/>, <see cref="XaiStreamErrorException"/>, or
    /// <see cref="XaiStreamTruncatedException"/> when the body ends before <c>[DONE]</c> and before
    /// any finish_reason.
    /// </summary>
    /// <param name="body">The response body; not disposed here.</param>
    /// <param name="accumulator">Receives every chunk before it is yielded (a fresh one when null).</param>
    /// <param name="cancellationToken">Stops reading at once.</param>
    public static async IAsyncEnumerable<ChatCompletionChunk> ReadAsync(
        Stream body,
        ChatCompletionAccumulator? accumulator = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        accumulator ??= new ChatCompletionAccumulator();
        var parser = new ChunkEventParser();
        SseParser<(ChunkEventKind Kind, ChatCompletionChunk? Chunk)> events = SseParser.Create(body, parser.Parse);
        IAsyncEnumerator<SseItem<(ChunkEventKind Kind, ChatCompletionChunk? Chunk)>> enumerator = events.EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await enumerator.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or System.Net.Http.HttpRequestException && !cancellationToken.IsCancellationRequested)
                {
                    // The connection broke mid-body: the same loss as a clean early end, plus the cause.
                    throw Truncated(parser, accumulator, ex);
                }

                if (!more)
                {
                    break;
                }

                (ChunkEventKind kind, ChatCompletionChunk? chunk) = enumerator.Current.Data;
                if (kind == ChunkEventKind.Done)
                {
                    yield break;
                }

                if (kind == ChunkEventKind.Chunk)
                {
                    // The parser may hold buffered events; a cancelled caller gets none of them.
                    cancellationToken.ThrowIfCancellationRequested();
                    accumulator.Append(chunk!);
                    yield return chunk!;
                }
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }

        if (!accumulator.HasFinishReason)
        {
            throw Truncated(parser, accumulator, null);
        }
    }

    private static XaiStreamTruncatedException Truncated(ChunkEventParser parser, ChatCompletionAccumulator accumulator, Exception? cause) =>
        new(parser.DataEvents, accumulator.ChunkCount == 0 ? null : accumulator.Build(), cause);
}
