using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text.Unicode;
using System.Threading;
using System.Threading.Tasks;

namespace XaiAot.Recording;

/// <summary>
/// A read-only stream of a recorded body's UTF-8 bytes, encoded from the body text as it is read,
/// so replaying a body never holds a second copy of it. When paced, it releases one Server-Sent
/// Event at a time, event <c>k</c> (from 1) at <c>k * duration / events</c> after the first read,
/// so the recorded duration is spread evenly.
/// </summary>
/// <remarks>
/// Events are due on a fixed schedule rather than after a fixed pause each: real timers fire
/// late by up to their resolution, and with hundreds of sub-millisecond intervals the lateness
/// would add up to several times the recorded duration. A read never returns bytes of two events,
/// so the reader sees the same pauses a live stream has. Waits honour the read's cancellation
/// token and end at once when the stream is disposed.
/// </remarks>
internal sealed class RecordedBodyStream : Stream
{
    // Timers refuse due times past about 49 days; a longer wait (a cassette may claim any
    // duration) is taken in steps of this size. Only such a step is followed by another check:
    // a timer may fire a little early (FakeTimeProvider fires sub-millisecond waits at once), and
    // checking again after every wait would then spin instead of releasing the event.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    private readonly string _body;
    private readonly List<Range> _events;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _timeProvider;
    private readonly CancellationTokenSource _disposed = new();

    // The bytes of one character that did not fit the caller's buffer, handed out by the next reads.
    private readonly byte[] _pending = new byte[4];
    private int _pendingStart;
    private int _pendingEnd;
    private long _startTimestamp = -1;
    private int _event;
    private int _offset;

    /// <summary>A stream of <paramref name="body"/> paced over <paramref name="duration"/> (not paced when zero).</summary>
    public RecordedBodyStream(string body, TimeSpan duration, TimeProvider timeProvider)
    {
        _body = body;
        _events = duration > TimeSpan.Zero ? SplitEvents(body) : [0..body.Length];
        if (body.Length == 0)
        {
            _events.Clear();
        }

        _interval = _events.Count == 0 || duration <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromTicks(duration.Ticks / _events.Count);
        _timeProvider = timeProvider;
    }

    /// <summary>How many events the body holds (the last may lack its blank line); 1 when not paced.</summary>
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
        while (TimeUntilNextEvent(buffer.Length) is { } wait)
        {
            Task.Delay(wait, _timeProvider, _disposed.Token).GetAwaiter().GetResult();
            if (wait < LongestWait)
            {
                break;
            }
        }

        return Copy(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (TimeUntilNextEvent(buffer.Length) is not null)
        {
            using CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
            while (TimeUntilNextEvent(buffer.Length) is { } wait)
            {
                await Task.Delay(wait, _timeProvider, linked.Token).ConfigureAwait(false);
                if (wait < LongestWait)
                {
                    break;
                }
            }
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
        if (bufferLength == 0 || _event >= _events.Count || _offset != 0 || _pendingEnd != 0 || _interval <= TimeSpan.Zero)
        {
            return null;
        }

        if (_startTimestamp < 0)
        {
            _startTimestamp = _timeProvider.GetTimestamp();
        }

        TimeSpan due = TimeSpan.FromTicks(_interval.Ticks * (_event + 1));
        TimeSpan wait = due - _timeProvider.GetElapsedTime(_startTimestamp);
        return wait <= TimeSpan.Zero ? null : wait < LongestWait ? wait : LongestWait;
    }

    private int Copy(Span<byte> buffer)
    {
        if (_pendingEnd != 0)
        {
            return CopyPending(buffer);
        }

        if (buffer.IsEmpty || _event >= _events.Count)
        {
            return 0;
        }

        (int start, int length) = _events[_event].GetOffsetAndLength(_body.Length);
        ReadOnlySpan<char> rest = _body.AsSpan(start + _offset, length - _offset);
        OperationStatus status = Utf8.FromUtf16(rest, buffer, out int charsRead, out int bytesWritten, replaceInvalidSequences: false);
        if (status == OperationStatus.InvalidData)
        {
            // The reader and the replay handler refuse such bodies first; never send U+FFFD silently.
            throw new InvalidOperationException($"The recorded body holds an unpaired surrogate at character {start + _offset + charsRead}.");
        }

        if (bytesWritten == 0)
        {
            // The buffer is too small for the next character's bytes: hand them out piece by piece.
            int chars = char.IsHighSurrogate(rest[0]) && rest.Length > 1 ? 2 : 1;
            Utf8.FromUtf16(rest[..chars], _pending, out charsRead, out _pendingEnd, replaceInvalidSequences: false);
            _pendingStart = 0;
            Advance(charsRead, length);
            return CopyPending(buffer);
        }

        Advance(charsRead, length);
        return bytesWritten;
    }

    private int CopyPending(Span<byte> buffer)
    {
        int count = Math.Min(buffer.Length, _pendingEnd - _pendingStart);
        _pending.AsSpan(_pendingStart, count).CopyTo(buffer);
        _pendingStart += count;
        if (_pendingStart == _pendingEnd)
        {
            _pendingStart = _pendingEnd = 0;
        }

        return count;
    }

    private void Advance(int chars, int eventLength)
    {
        _offset += chars;
        if (_offset == eventLength)
        {
            _event++;
            _offset = 0;
        }
    }

    // An event ends at a blank line; SSE allows \n, \r\n and \r as line ends. All three are ASCII,
    // so splitting the text gives the same events as splitting its UTF-8 bytes.
    internal static List<Range> SplitEvents(ReadOnlySpan<char> body)
    {
        var events = new List<Range>();
        int start = 0;
        bool atLineStart = true;
        int i = 0;
        while (i < body.Length)
        {
            char c = body[i];
            if (c is '\n' or '\r')
            {
                int end = i + (c == '\r' && i + 1 < body.Length && body[i + 1] == '\n' ? 2 : 1);
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
