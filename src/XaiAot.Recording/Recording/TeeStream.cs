using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace XaiAot.Recording;

/// <summary>
/// A read-only pass-through over a response body that keeps a copy of every byte the caller
/// reads, and reports the copy once: when the body has been read to its end, or when the stream
/// is disposed first.
/// </summary>
/// <remarks>
/// Recording must not change what the caller sees: bytes go to the caller as soon as the inner
/// stream yields them, rather than after the whole (possibly minutes-long) stream was buffered.
/// </remarks>
internal sealed class TeeStream : Stream
{
    private readonly Stream _inner;
    private readonly MemoryStream _copy = new();
    private readonly Action<byte[], bool> _completed;
    private readonly IDisposable? _owner;
    private int _done;

    /// <param name="inner">The live body.</param>
    /// <param name="completed">Receives the bytes read and whether the end was reached.</param>
    /// <param name="owner">Disposed with the stream (the content the body came from).</param>
    public TeeStream(Stream inner, Action<byte[], bool> completed, IDisposable? owner = null)
    {
        _inner = inner;
        _completed = completed;
        _owner = owner;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read = _inner.Read(buffer);
        Observe(buffer[..read], buffer.Length);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Observe(buffer.Span[..read], buffer.Length);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Complete(reachedEnd: false);
            _inner.Dispose();
            _owner?.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Observe(ReadOnlySpan<byte> read, int requested)
    {
        if (!read.IsEmpty)
        {
            _copy.Write(read);
        }
        else if (requested > 0)
        {
            Complete(reachedEnd: true);
        }
    }

    private void Complete(bool reachedEnd)
    {
        if (Interlocked.Exchange(ref _done, 1) == 0)
        {
            _completed(_copy.ToArray(), reachedEnd);
        }
    }
}
