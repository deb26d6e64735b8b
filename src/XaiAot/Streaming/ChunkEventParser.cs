using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using XaiAot.Chat;

namespace XaiAot;

/// <summary>What one server-sent event turned out to be.</summary>
internal enum ChunkEventKind
{
    /// <summary>A chunk of the completion.</summary>
    Chunk,

    /// <summary><c>[DONE]</c>: the stream is complete.</summary>
    Done,

    /// <summary>An event this client has no use for (another event type, empty data).</summary>
    Ignored,
}

/// <summary>
/// Turns the data of one SSE event into a <see cref="ChatCompletionChunk"/>, straight from its
/// UTF-8 bytes with the generated converter (no string, no serializer front end). Counts data
/// events so errors can say which one failed, and tells an error sent as an event apart from a
/// malformed chunk. Server text in those errors is redacted of the API key.
/// </summary>
internal sealed class ChunkEventParser(string? secret = null)
{
    private static readonly JsonConverter<ChatCompletionChunk> ChunkConverter =
        (JsonConverter<ChatCompletionChunk>)XaiChatJsonContext.Default.ChatCompletionChunk.Converter;

    private static readonly JsonSerializerOptions Options = XaiChatJsonContext.Default.Options;

    /// <summary>How many data events (chunks, [DONE], errors) have been seen.</summary>
    public int DataEvents { get; private set; }

    public (ChunkEventKind Kind, ChatCompletionChunk? Chunk) Parse(string eventType, ReadOnlySpan<byte> data)
    {
        bool isMessage = eventType is "message" or "";
        if (isMessage && data.IsEmpty)
        {
            return (ChunkEventKind.Ignored, null);
        }

        int index = DataEvents++;
        if (!isMessage)
        {
            if (eventType == "error")
            {
                throw StreamError(index, data, TryReadError(data));
            }

            return (ChunkEventKind.Ignored, null);
        }

        if (data.SequenceEqual("[DONE]"u8))
        {
            return (ChunkEventKind.Done, null);
        }

        try
        {
            var reader = new Utf8JsonReader(data);
            if (!reader.Read())
            {
                throw new JsonException("The event's data holds no JSON value.");
            }

            ChatCompletionChunk chunk = ChunkConverter.Read(ref reader, typeof(ChatCompletionChunk), Options)
                ?? throw new JsonException("Expected a chunk object but found null.");
            if (reader.Read())
            {
                throw new JsonException("Unexpected data after the chunk's JSON object at byte " + reader.TokenStartIndex.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".");
            }

            return (ChunkEventKind.Chunk, chunk);
        }
        catch (JsonException ex)
        {
            if (TryReadError(data) is { Error: not null } error)
            {
                throw StreamError(index, data, error);
            }

            throw new XaiMalformedEventException(index, OffsetOf(ex), SecretRedaction.Redact(Encoding.UTF8.GetString(data), secret), SecretRedaction.Redact(ex, secret));
        }
    }

    private XaiStreamErrorException StreamError(int index, ReadOnlySpan<byte> data, ErrorResponse? error)
    {
        string text = Encoding.UTF8.GetString(data);
        string redacted = SecretRedaction.Redact(text, secret);
        if (!ReferenceEquals(text, redacted))
        {
            error = SecretRedaction.Clean(TryReadError(Encoding.UTF8.GetBytes(redacted)), secret);
        }

        return new(index, error ?? new ErrorResponse(), redacted);
    }

    private static ErrorResponse? TryReadError(ReadOnlySpan<byte> data)
    {
        try
        {
            return JsonSerializer.Deserialize(data, XaiChatJsonContext.Default.ErrorResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Where in the data the reader stopped: our converters record it; the reader's own syntax errors carry it in-line (events are one line).</summary>
    private static long? OffsetOf(JsonException ex) =>
        ex.Data["XaiAot.ByteOffset"] is long offset ? offset
        : ex.BytePositionInLine ?? (ex.InnerException as JsonException)?.BytePositionInLine;
}
