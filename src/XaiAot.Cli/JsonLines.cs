using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using XaiAot.Chat;

namespace XaiAot.Cli;

/// <summary>
/// Writes one compact JSON value per line through the generated <see cref="XaiChatJsonContext"/>
/// type infos (no reflection), with relaxed escaping so text such as "Olá" stays readable.
/// </summary>
internal sealed class JsonLines : IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    private readonly TextWriter _out;
    // Lines larger than this leave their buffer to the collector rather than keep it for the next line.
    private const int KeptBufferCapacity = 1024 * 1024;

    private ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();

    public JsonLines(TextWriter output)
    {
        _out = output;
        _writer = new Utf8JsonWriter(_buffer, WriterOptions);
    }

    public void Write<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        Begin();
        JsonSerializer.Serialize(_writer, value, typeInfo);
        End();
    }

    /// <summary>
    /// <c>{"error":{"status":S,"code":C,"event":K,"message":M},"partial":P}</c>; <c>event</c> only for
    /// stream events, <c>partial</c> only for a truncated stream.
    /// </summary>
    public void WriteError(ReplayError error)
    {
        Begin();
        _writer.WriteStartObject();
        _writer.WriteStartObject("error");
        if (error.Status is { } status)
        {
            _writer.WriteNumber("status", status);
        }
        else
        {
            _writer.WriteNull("status");
        }

        switch (error.Code)
        {
            case { IsInteger: true } code:
                _writer.WriteNumber("code", code.AsInteger);
                break;
            case { IsString: true } code:
                _writer.WriteString("code", code.AsString);
                break;
            default:
                _writer.WriteNull("code");
                break;
        }

        if (error.EventIndex is { } index)
        {
            _writer.WriteNumber("event", index);
        }

        _writer.WriteString("message", error.Message);
        _writer.WriteEndObject();
        if (error.IsTruncation)
        {
            _writer.WritePropertyName("partial");
            if (error.Partial is { } partial)
            {
                JsonSerializer.Serialize(_writer, partial, XaiChatJsonContext.Default.ChatCompletion);
            }
            else
            {
                _writer.WriteNullValue();
            }
        }

        _writer.WriteEndObject();
        End();
    }

    public void Dispose() => _writer.Dispose();

    private void Begin()
    {
        if (_buffer.Capacity > KeptBufferCapacity)
        {
            _buffer = new ArrayBufferWriter<byte>(4096);
        }

        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
    }

    private void End()
    {
        _writer.Flush();

        // Decoded a slice at a time: a line holding a 64 MB completion would otherwise become a
        // 128 MB string on its way to a writer that encodes it straight back to bytes.
        ReadOnlySpan<byte> bytes = _buffer.WrittenSpan;
        Span<char> chars = stackalloc char[1024];
        while (!bytes.IsEmpty)
        {
            _decoder.Convert(bytes, chars, flush: true, out int bytesUsed, out int charsUsed, out _);
            _out.Write(chars[..charsUsed]);
            bytes = bytes[bytesUsed..];
        }

        _out.Write('\n');
        _out.Flush();
    }
}
