using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace XaiAot.Recording;

/// <summary>
/// A recorded body as response content, read through a <see cref="RecordedBodyStream"/>: the
/// bytes are encoded from the body text as the reader asks for them, never copied whole
/// (ByteArrayContent needed the whole UTF-8 copy first: 64 MB more for a 64 MB event).
/// </summary>
internal sealed class RecordedBodyContent(string body, TimeSpan pacing, TimeProvider timeProvider) : HttpContent
{
    private long _length = -1;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        using Stream source = Open();
        await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        using Stream source = Open();
        source.CopyTo(stream);
    }

    protected override bool TryComputeLength(out long length)
    {
        // Counted, not encoded: the length costs a pass over the text and no memory.
        if (_length < 0)
        {
            _length = Encoding.UTF8.GetByteCount(body);
        }

        length = _length;
        return true;
    }

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => Open();

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(Open());

    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => Task.FromResult(Open());

    private Stream Open() => new RecordedBodyStream(body, pacing, timeProvider);
}
