using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace XaiAot.Recording;

/// <summary>
/// A read-only stream over a recorded Server-Sent Events body that releases one event at a time,
/// event <c>k</c> (from 1) at <c>k * duration / events</c> after the first read, so the recorded
/// duration is spread evenly.
/// </summary>
/// <remarks>
/// Events are due on a fixed schedule rather than after a fixed pause each: real timers fire
/// late by up to their resolution, and with hundreds of sub-millisecond intervals the lateness
/// would add up to several times the recorded duration. A read never returns bytes of two events,
/// so the reader sees the same pauses a live stream has. Waits honour the read's cancellation
/// token and end at once when the stream is disposed.
/// </remarks>
internal sealed class PacedEventStream : Stream
{
    private readonly ReadOnlyMemory<byte> _body;
    private readonly List<Range> _events;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _timeProvider;
    private readonly CancellationTokenSource _disposed = new();
    private long _startTimestamp = -1;
    private int _event;
    private int _offset;

    public PacedEventStream(ReadOnlyMemory<byte> body, TimeSpan duration, TimeProvider timeProvider)
    {
        _body = body;
        _events = SplitEvents(body.Span);
        _interval = _events.Count == 0 || duration <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromTicks(duration.Ticks / _events.Count);
        _timeProvider = timeProvider;
    }

    /// <summary>How many events the body holds (the last may lack its blank line).</summary>
    public int EventCount => _events.Count;

    /// <summary>The time between two events.</summary>
    public TimeSpan Interval => _interval;

    public override bool CanRead => !_disposed.IsCancellationRequested;

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
        if (TimeUntilNextEvent(buffer.Length) is { } wait)
        {
            Task.Delay(wait, _timeProvider, _disposed.Token).GetAwaiter().GetResult();
        }

        return Copy(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (TimeUntilNextEvent(buffer.Length) is { } wait)
        {
            using CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
            await Task.Delay(wait, _timeProvider, linked.Token).ConfigureAwait(false);
        }

        return Copy(buffer.Span);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed.IsCancellationRequested)
        {
            // Cancelled, not disposed: a read waiting on a linked token must still see it.
            _disposed.Cancel();
        }

        base.Dispose(disposing);
    }

    // Null when the next bytes may be read now: mid-event, at the end, or an event already due.
    private TimeSpan? TimeUntilNextEvent(int bufferLength)
    {
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        if (bufferLength == 0 || _event >= _events.Count || _offset != 0 || _interval <= TimeSpan.Zero)
        {
            return null;
        }

        if (_startTimestamp < 0)
        {
            _startTimestamp = _timeProvider.GetTimestamp();
        }

        TimeSpan due = TimeSpan.FromTicks(_interval.Ticks * (_event + 1));
        TimeSpan wait = due - _timeProvider.GetElapsedTime(_startTimestamp);
        return wait > TimeSpan.Zero ? wait : null;
    }

    private int Copy(Span<byte> buffer)
    {
        if (buffer.IsEmpty || _event >= _events.Count)
        {
            return 0;
        }

        ReadOnlySpan<byte> current = _body.Span[_events[_event]][_offset..];
        int count = Math.Min(current.Length, buffer.Length);
        current[..count].CopyTo(buffer);
        _offset += count;
        if (_offset == _body.Span[_events[_event]].Length)
        {
            _event++;
            _offset = 0;
        }

        return count;
    }

    // An event ends at a blank line; SSE allows \n, \r\n and \r as line ends.
    internal static List<Range> SplitEvents(ReadOnlySpan<byte> body)
    {
        var events = new List<Range>();
        int start = 0;
        bool atLineStart = true;
        int i = 0;
        while (i < body.Length)
        {
            byte b = body[i];
            if (b is (byte)'\n' or (byte)'\r')
            {
                int end = i + (b == '\r' && i + 1 < body.Length && body[i + 1] == '\n' ? 2 : 1);
                if (atLineStart && i > start)
                {
                    events.Add(start..end);
                    start = end;
                }

                atLineStart = true;
                i = end;
                continue;
            }

            atLineStart = false;
            i++;
        }

        if (start < body.Length)
        {
            events.Add(start..body.Length);
        }

        return events;
    }
}
