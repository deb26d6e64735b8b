using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace XaiAot;

/// <summary>
/// A read-only view of a response body that counts the bytes read and, given a timeout, abandons
/// a read that waits longer than that for the server. Only time spent inside a pending read
/// counts: any bytes end the wait (SSE comments and events the client skips included), and time
/// the consumer spends between reads (holding a chunk) is not the server's silence.
/// </summary>
/// <remarks>
/// Allocation-free per read: reads that complete at once skip the timer; a read that waits arms
/// one timer made per stream and runs in a pooled state machine. The timer cancels a token linked
/// to the caller's, which also aborts the connection under the pending read (SocketsHttpHandler
/// closes the connection when a read's token is cancelled).
/// </remarks>
internal sealed class IdleTimeoutStream : ReadOnlyStream
{
    private const int Idle = 0;
    private const int Waiting = 1;
    private const int TimedOut = 2;

    private readonly Stream _inner;
    private readonly TimeSpan _timeout;
    private readonly CancellationToken _callerToken;
    private readonly CancellationTokenSource? _expiry;
    private readonly ITimer? _timer;
    private int _state;

    /// <summary>Counts bytes only.</summary>
    public IdleTimeoutStream(Stream inner)
    {
        _inner = inner;
        _timeout = Timeout.InfiniteTimeSpan;
    }

    /// <param name="inner">The body; not disposed here.</param>
    /// <param name="timeout">Longest wait for bytes in one read (null: no limit).</param>
    /// <param name="clock">Runs the timer.</param>
    /// <param name="cancellationToken">The caller's token, which reads are expected to pass (others are linked per read).</param>
    public IdleTimeoutStream(Stream inner, TimeSpan? timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        _inner = inner;
        _timeout = timeout ?? Timeout.InfiniteTimeSpan;
        _callerToken = cancellationToken;
        if (timeout is not null)
        {
            _expiry = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _timer = clock.CreateTimer(static state => ((IdleTimeoutStream)state!).Expire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Bytes read so far.</summary>
    public long BytesRead { get; private set; }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_expiry is null)
        {
            ValueTask<int> plain = _inner.ReadAsync(buffer, cancellationToken);
            if (plain.IsCompletedSuccessfully)
            {
                int read = plain.Result;
                BytesRead += read;
                return new ValueTask<int>(read);
            }

            return CountAsync(plain);
        }

        if (Volatile.Read(ref _state) == TimedOut)
        {
            return ValueTask.FromException<int>(Expired(null));
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<int>(cancellationToken);
        }

        if (cancellationToken.CanBeCanceled && cancellationToken != _callerToken)
        {
            return ReadLinkedAsync(buffer, cancellationToken);
        }

        ValueTask<int> pending = _inner.ReadAsync(buffer, _expiry.Token);
        if (pending.IsCompletedSuccessfully)
        {
            int read = pending.Result;
            BytesRead += read;
            return new ValueTask<int>(read);
        }

        return WaitAsync(pending);
    }

    /// <summary>Synchronous reads have no timer (nothing here reads synchronously).</summary>
    public override int Read(byte[] buffer, int offset, int count)
    {
        int read = _inner.Read(buffer, offset, count);
        BytesRead += read;
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _timer?.Dispose();
            _expiry?.Dispose();
        }

        base.Dispose(disposing);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> CountAsync(ValueTask<int> pending)
    {
        int read = await pending.ConfigureAwait(false);
        BytesRead += read;
        return read;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> WaitAsync(ValueTask<int> pending)
    {
        // The read started a moment ago; the server's silence is counted from here.
        Volatile.Write(ref _state, Waiting);
        _timer!.Change(_timeout, Timeout.InfiniteTimeSpan);
        try
        {
            int read = await pending.ConfigureAwait(false);
            BytesRead += read;
            return read;
        }
        catch (Exception ex) when (Volatile.Read(ref _state) == TimedOut && !_callerToken.IsCancellationRequested)
        {
            // Cancelled by the timer; the inner stream says so as cancellation or as the I/O error of an aborted connection.
            throw Expired(ex);
        }
        finally
        {
            if (Interlocked.CompareExchange(ref _state, Idle, Waiting) == Waiting)
            {
                _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>A read with a token of its own: rare (our readers pass the caller's token), so linking per read is fine.</summary>
    private async ValueTask<int> ReadLinkedAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_expiry!.Token, cancellationToken);
        ValueTask<int> pending = _inner.ReadAsync(buffer, linked.Token);
        if (pending.IsCompletedSuccessfully)
        {
            int read = pending.Result;
            BytesRead += read;
            return read;
        }

        try
        {
            return await WaitAsync(pending).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    private void Expire()
    {
        if (Interlocked.CompareExchange(ref _state, TimedOut, Waiting) == Waiting)
        {
            _expiry!.Cancel();
        }
    }

    private TimeoutException Expired(Exception? cause) =>
        new("No stream event for " + _timeout + ": the server sent no byte in that time; the stream was abandoned.", cause);
}
