using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Text;

namespace XaiAot.Recording;

/// <summary>
/// Cassette files are UTF-8 (go-vcr writes nothing else, and stores a body that is not UTF-8 as
/// !!binary): bytes that are not UTF-8 are refused where they are, never turned into U+FFFD.
/// </summary>
internal static class StrictUtf8
{
    /// <summary>Throws on invalid bytes; skips a leading UTF-8 byte order mark when reading.</summary>
    public static readonly Encoding Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    /// <summary>
    /// The error for a file the decoder refused: the file is scanned again for the first invalid
    /// byte, because the decoder only knows its place in a buffer, not the line and column.
    /// </summary>
    public static CassetteFormatException NotUtf8(string path, DecoderFallbackException ex)
    {
        const string Expected = "expected UTF-8 text";
        try
        {
            using FileStream file = File.OpenRead(path);
            if (FindInvalid(file) is { } at)
            {
                return new CassetteFormatException(
                    path,
                    at.Line,
                    at.Column,
                    string.Create(CultureInfo.InvariantCulture, $"{Expected}, found the byte 0x{at.Byte:X2} at byte offset {at.Offset}, which is not valid UTF-8 there"),
                    ex);
            }
        }
        catch (IOException)
        {
            // The file changed or went away since: report without a position.
        }

        return new CassetteFormatException(path, null, null, $"{Expected}, found bytes that are not valid UTF-8", ex);
    }

    /// <summary>The first byte that does not begin or continue a valid UTF-8 sequence, with its 1-based line and column.</summary>
    internal static (long Offset, long Line, long Column, byte Byte)? FindInvalid(Stream input)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long offset = 0;
            long line = 1;
            long column = 1;
            int kept = 0;
            while (true)
            {
                int read = input.Read(buffer, kept, buffer.Length - kept);
                int length = kept + read;
                int i = 0;
                while (i < length)
                {
                    OperationStatus status = Rune.DecodeFromUtf8(buffer.AsSpan(i, length - i), out Rune rune, out int consumed);
                    if (status == OperationStatus.NeedMoreData && read > 0)
                    {
                        // A sequence split by the buffer's end: read on.
                        break;
                    }

                    if (status != OperationStatus.Done)
                    {
                        return (offset + i, line, column, buffer[i]);
                    }

                    if (rune.Value == '\n')
                    {
                        line++;
                        column = 1;
                    }
                    else if (offset + i != 0 || rune.Value != 0xFEFF)
                    {
                        column++;
                    }

                    i += consumed;
                }

                if (read == 0)
                {
                    return null;
                }

                kept = length - i;
                buffer.AsSpan(i, kept).CopyTo(buffer);
                offset += i;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
