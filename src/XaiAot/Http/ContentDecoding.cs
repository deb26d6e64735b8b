using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace XaiAot;

/// <summary>
/// Content codings (<c>Content-Encoding</c>): the client names those it reads in
/// <c>Accept-Encoding</c> and decodes them itself, so a plain <see cref="System.Net.Http.HttpClient"/>
/// (no AutomaticDecompression, the default) gets a readable body from a server or proxy that
/// compresses. A handler that decompresses removes the header, so nothing is decoded twice.
/// </summary>
/// <remarks>
/// gzip and deflate only. Measured on the NativeAOT CLI (linux-x64, SDK 10.0.401, 2026-12-02):
/// GZipStream and ZLibStream add 185 KB (zlib-ng comes along whole, its compressor included:
/// DeflateStream picks inflate or deflate at run time), BrotliStream would add another 889 KB
/// (its native decoder and dictionary). A server that sends <c>br</c> although it was not accepted gets an
/// error that names the coding; a client that wants it can set AutomaticDecompression on its
/// handler, whose decoded bodies arrive here without the header.
/// </remarks>
internal static class ContentDecoding
{
    /// <summary>What <c>Accept-Encoding</c> lists, in the server's order of preference.</summary>
    private static readonly string[] Accepted = { "gzip", "deflate" };

    private const string AcceptedList = "gzip, deflate";

    /// <summary>
    /// Says which codings the answer may come in (a handler that decompresses adds its own). A
    /// whole JSON answer: those this client decodes. An event stream: <c>identity</c>, because a
    /// compressor between the model and the reader (a server's or proxy's gzip buffer) can hold
    /// events back until its buffer fills; each event is small and arrives once anyway. A stream
    /// compressed regardless is still decoded.
    /// </summary>
    public static void Accept(HttpRequestHeaders headers, bool eventStream)
    {
        if (eventStream)
        {
            headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("identity"));
            return;
        }

        foreach (string coding in Accepted)
        {
            headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(coding));
        }
    }

    /// <summary>
    /// The first coding of <paramref name="codings"/> this client cannot decode, or null when it
    /// can decode them all (identity and no header included).
    /// </summary>
    public static string? Unsupported(ICollection<string> codings)
    {
        foreach (string coding in codings)
        {
            if (Kind(coding) == Coding.Unknown)
            {
                return coding;
            }
        }

        return null;
    }

    /// <summary>
    /// <paramref name="body"/> decoded as <paramref name="codings"/> says (the last applied is
    /// undone first); <paramref name="body"/> itself when it is not encoded. The decoding stream
    /// leaves <paramref name="body"/> open and reports corrupt data as
    /// <see cref="XaiContentEncodingException"/>.
    /// </summary>
    /// <exception cref="XaiContentEncodingException">A coding this client does not decode.</exception>
    public static Stream Decode(Stream body, ICollection<string> codings)
    {
        if (codings.Count == 0)
        {
            return body;
        }

        if (Unsupported(codings) is { } unsupported)
        {
            throw new XaiContentEncodingException(unsupported, "The response body is in the '" + unsupported + "' content coding, which this client does not decode (it accepts " + AcceptedList + ").");
        }

        var order = new List<string>(codings);
        Stream decoded = body;
        for (int i = order.Count - 1; i >= 0; i--)
        {
            Stream? decoder = Kind(order[i]) switch
            {
                Coding.Gzip => new GZipStream(decoded, CompressionMode.Decompress, leaveOpen: decoded == body),
                Coding.Deflate => new ZLibStream(decoded, CompressionMode.Decompress, leaveOpen: decoded == body),
                _ => null,
            };
            decoded = decoder is null ? decoded : new Checked(decoder, order[i]);
        }

        return decoded == body ? body : decoded;
    }

    /// <summary>What <c>Content-Encoding</c> said, for messages.</summary>
    public static string Describe(ICollection<string> codings) => string.Join(", ", codings);

    private enum Coding
    {
        Identity,
        Gzip,
        Deflate,
        Unknown,
    }

    private static Coding Kind(string coding) =>
        coding.Trim().ToLowerInvariant() switch
        {
            "identity" or "" => Coding.Identity,
            "gzip" or "x-gzip" => Coding.Gzip,
            "deflate" => Coding.Deflate,
            _ => Coding.Unknown,
        };

    /// <summary>
    /// A decoder whose corrupt-data errors name the coding: an <see cref="InvalidDataException"/>
    /// from inside the SSE parser would say nothing about compression.
    /// </summary>
    private sealed class Checked(Stream decoder, string coding) : ReadOnlyStream
    {
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            try
            {
                return decoder.Read(buffer);
            }
            catch (InvalidDataException ex)
            {
                throw Corrupt(ex);
            }
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await decoder.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException ex)
            {
                throw Corrupt(ex);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                decoder.Dispose();
            }

            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await decoder.DisposeAsync().ConfigureAwait(false);
            await base.DisposeAsync().ConfigureAwait(false);
        }

        private XaiContentEncodingException Corrupt(InvalidDataException ex) =>
            new(coding, "The response body is not valid '" + coding + "' data: " + ex.Message, ex);
    }
}
