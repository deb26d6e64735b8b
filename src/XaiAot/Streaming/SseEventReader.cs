using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace XaiAot;

/// <summary>
/// Splits a <c>text/event-stream</c> body into events as the WHATWG server-sent events spec says:
/// lines end with CR, LF or CRLF (a CR at the end of one read waits for the next, in case an LF
/// follows); a leading UTF-8 BOM is skipped; <c>:</c> lines are comments; <c>data</c> lines are
/// joined with LF; <c>event</c> sets the type; <c>id</c>, <c>retry</c> and unknown fields are
/// ignored; a blank line dispatches; an event the body ends in the middle of is dropped.
/// </summary>
/// <remarks>
/// Hand-written instead of <c>System.Net.ServerSentEvents.SseParser</c> because of memory, measured:
/// that parser grows its line and data buffers by doubling through <c>ArrayPool&lt;byte&gt;.Shared</c>,
/// which keeps the arrays it is given back (up to 1 GB each) for the life of the process, so one
/// 64 MB event left every power of two up to 128 MB pooled twice over, and replaying it peaked at
/// 1.2 GB. Here a line longer than the read buffer is gathered in segments and copied once into
/// an array of exactly its size, which the collector takes back after its event; an event that fits
/// the buffer (nearly all of them) is handed over in place, with no copy, as before.
/// </remarks>
internal sealed class SseEventReader : IDisposable
{
    private const int BufferSize = 16 * 1024;

    // Data arrays up to this size are kept for the next event; larger ones go back to the collector.
    private const int KeptDataCapacity = 64 * 1024;

    private const byte CR = (byte)'\r';
    private const byte LF = (byte)'\n';

    private readonly Stream _stream;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _start;
    private int _end;
    private int _searchFrom;
    private bool _endOfStream;
    private bool _bomChecked;

    // A line longer than the buffer, while its end has not arrived.
    private List<byte[]>? _longLine;
    private int _longLineLength;

    // The data of the event being gathered when it cannot be handed over in place.
    private byte[]? _data;
    private int _dataOffset;
    private int _dataLength;
    private bool _hasData;
    private string _pendingType = MessageType;

    // The event last dispatched.
    private byte[] _eventArray = [];
    private int _eventOffset;
    private int _eventLength;

    public const string MessageType = "message";

    public SseEventReader(Stream stream) => _stream = stream;

    /// <summary>The dispatched event's type: <c>message</c> unless an <c>event</c> field said otherwise.</summary>
    public string EventType { get; private set; } = MessageType;

    /// <summary>The dispatched event's data, valid until the next <see cref="MoveNextAsync"/>.</summary>
    public ReadOnlySpan<byte> Data => _eventArray.AsSpan(_eventOffset, _eventLength);

    /// <summary>Reads to the next event; false when the body ended (an unfinished event is dropped).</summary>
    public ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken)
    {
        ReleaseEvent();
        if (TryDispatch())
        {
            return new ValueTask<bool>(true);
        }

        return _endOfStream ? new ValueTask<bool>(false) : ReadUntilEventAsync(cancellationToken);
    }

    public void Dispose()
    {
        byte[] buffer = _buffer;
        _buffer = [];
        _eventArray = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async ValueTask<bool> ReadUntilEventAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await FillAsync(cancellationToken).ConfigureAwait(false);
            if (TryDispatch())
            {
                return true;
            }

            if (_endOfStream)
            {
                return false;
            }
        }
    }

    /// <summary>Makes room at the end of the buffer (moving the unread bytes down, or a line too long for it out) and reads once.</summary>
    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        if (_start == _end)
        {
            _start = _end = _searchFrom = 0;
        }
        else if (_end == _buffer.Length)
        {
            if (_start > 0)
            {
                int unread = _end - _start;
                _buffer.AsSpan(_start, unread).CopyTo(_buffer);
                _searchFrom -= _start;
                _start = 0;
                _end = unread;
            }
            else
            {
                // The buffer holds part of one line and nothing else (a CR at its end excepted:
                // it may be the first half of a CRLF); move the part out so reading can go on.
                int partLength = _buffer[_end - 1] == CR ? _end - 1 : _end;
                (_longLine ??= []).Add(_buffer.AsSpan(0, partLength).ToArray());
                _longLineLength = checked(_longLineLength + partLength);
                _buffer.AsSpan(partLength, _end - partLength).CopyTo(_buffer);
                _end -= partLength;
                _searchFrom = 0;
            }
        }

        int read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _endOfStream = true;
        }

        _end += read;
    }

    /// <summary>Processes the whole lines already read; true when one of them dispatched an event.</summary>
    private bool TryDispatch()
    {
        if (!_bomChecked && !SkipBom())
        {
            return false;
        }

        while (TryFindLineEnd(out int lineEnd, out int newlineLength))
        {
            if (_longLine is not null)
            {
                byte[] line = JoinLongLine(lineEnd);
                _start = _searchFrom = lineEnd + newlineLength;
                if (ProcessLongLine(line))
                {
                    return true;
                }

                continue;
            }

            if (ProcessLine(lineEnd, newlineLength))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Skips a UTF-8 byte order mark at the very start; false while too few bytes have arrived to tell.</summary>
    private bool SkipBom()
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        ReadOnlySpan<byte> head = _buffer.AsSpan(_start, _end - _start);
        if (head.Length < bom.Length && !_endOfStream && bom.StartsWith(head))
        {
            return false;
        }

        if (head.StartsWith(bom))
        {
            _start += bom.Length;
            _searchFrom = _start;
        }

        _bomChecked = true;
        return true;
    }

    private bool TryFindLineEnd(out int lineEnd, out int newlineLength)
    {
        newlineLength = 0;
        int found = _buffer.AsSpan(_searchFrom, _end - _searchFrom).IndexOfAny(CR, LF);
        if (found < 0)
        {
            _searchFrom = _end;
            lineEnd = -1;
            return false;
        }

        lineEnd = _searchFrom + found;
        if (_buffer[lineEnd] == LF)
        {
            newlineLength = 1;
            return true;
        }

        if (lineEnd + 1 < _end)
        {
            newlineLength = _buffer[lineEnd + 1] == LF ? 2 : 1;
            return true;
        }

        if (_endOfStream)
        {
            newlineLength = 1;
            return true;
        }

        // A CR that ends what has arrived: wait for the next byte before deciding.
        _searchFrom = lineEnd;
        return false;
    }

    /// <summary>A line from the buffer; true when it dispatched an event.</summary>
    private bool ProcessLine(int lineEnd, int newlineLength)
    {
        int lineStart = _start;
        _start = _searchFrom = lineEnd + newlineLength;
        ReadOnlySpan<byte> line = _buffer.AsSpan(lineStart, lineEnd - lineStart);
        if (line.IsEmpty)
        {
            return DispatchGathered();
        }

        int valueStart = FieldValueStart(line, out ReadOnlySpan<byte> field);
        if (!field.SequenceEqual("data"u8))
        {
            ProcessOtherField(field, line[valueStart..]);
            return false;
        }

        // The usual event, one data line and then the blank line, both already read: handed
        // over where it lies, without a copy.
        if (!_hasData && IsBlankLineAt(_start, out int blankLength))
        {
            SetEvent(_buffer, lineStart + valueStart, line.Length - valueStart, _pendingType);
            _start = _searchFrom = _start + blankLength;
            _pendingType = MessageType;
            return true;
        }

        AppendData(line[valueStart..]);
        return false;
    }

    /// <summary>A line that was longer than the buffer, in an array of its own; true when it dispatched an event.</summary>
    private bool ProcessLongLine(byte[] line)
    {
        int valueStart = FieldValueStart(line, out ReadOnlySpan<byte> field);
        if (!field.SequenceEqual("data"u8))
        {
            ProcessOtherField(field, line.AsSpan(valueStart));
            return false;
        }

        if (_hasData)
        {
            AppendData(line.AsSpan(valueStart));
        }
        else
        {
            // The first data line of its event: its array becomes the event's data as it is.
            _data = line;
            _dataOffset = valueStart;
            _dataLength = line.Length - valueStart;
            _hasData = true;
        }

        return false;
    }

    /// <summary>Where the value starts: after the first colon and one space; the whole line is the field when it has no colon.</summary>
    private static int FieldValueStart(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> field)
    {
        int colon = line.IndexOf((byte)':');
        if (colon < 0)
        {
            field = line;
            return line.Length;
        }

        field = line[..colon];
        return colon + 1 < line.Length && line[colon + 1] == (byte)' ' ? colon + 2 : colon + 1;
    }

    private void ProcessOtherField(ReadOnlySpan<byte> field, ReadOnlySpan<byte> value)
    {
        // id and retry matter to a reconnecting browser, not to a completion; comments (an empty
        // field) and unknown fields are ignored, as the spec says.
        if (field.SequenceEqual("event"u8))
        {
            _pendingType = value.SequenceEqual("message"u8) ? MessageType
                : value.SequenceEqual("error"u8) ? "error"
                : Encoding.UTF8.GetString(value);
        }
    }

    /// <summary>Whether a blank line (LF, CRLF, or a CR known not to start a CRLF) starts at <paramref name="position"/>.</summary>
    private bool IsBlankLineAt(int position, out int length)
    {
        length = 0;
        if (position >= _end)
        {
            return false;
        }

        if (_buffer[position] == LF)
        {
            length = 1;
        }
        else if (_buffer[position] == CR)
        {
            if (position + 1 < _end)
            {
                length = _buffer[position + 1] == LF ? 2 : 1;
            }
            else if (_endOfStream)
            {
                length = 1;
            }
        }

        return length > 0;
    }

    private void AppendData(ReadOnlySpan<byte> value)
    {
        int separator = _hasData ? 1 : 0;
        int needed = checked(_dataLength + separator + value.Length);
        if (_data is null || _dataOffset + needed > _data.Length)
        {
            byte[] grown = new byte[Math.Max(needed, Math.Min(Math.Max(256, (_data?.Length ?? 0) * 2), Array.MaxLength))];
            _data?.AsSpan(_dataOffset, _dataLength).CopyTo(grown);
            _data = grown;
            _dataOffset = 0;
        }

        if (_hasData)
        {
            _data[_dataOffset + _dataLength] = LF;
        }

        value.CopyTo(_data.AsSpan(_dataOffset + _dataLength + separator));
        _dataLength = needed;
        _hasData = true;
    }

    /// <summary>A blank line: dispatches the gathered data lines, if any (the type alone is reset).</summary>
    private bool DispatchGathered()
    {
        string type = _pendingType;
        _pendingType = MessageType;
        if (!_hasData)
        {
            return false;
        }

        SetEvent(_data!, _dataOffset, _dataLength, type);
        _hasData = false;
        _dataOffset = 0;
        _dataLength = 0;
        return true;
    }

    private void SetEvent(byte[] array, int offset, int length, string type)
    {
        _eventArray = array;
        _eventOffset = offset;
        _eventLength = length;
        EventType = type;
    }

    /// <summary>The consumer is done with the last event: a large data array is let go.</summary>
    private void ReleaseEvent()
    {
        if (_data is { Length: > KeptDataCapacity })
        {
            _data = _hasData ? _data : null;
        }

        _eventArray = [];
        _eventLength = 0;
    }

    private byte[] JoinLongLine(int lineEnd)
    {
        int tailLength = lineEnd - _start;
        byte[] line = new byte[checked(_longLineLength + tailLength)];
        int written = 0;
        foreach (byte[] part in _longLine!)
        {
            part.CopyTo(line, written);
            written += part.Length;
        }

        _buffer.AsSpan(_start, tailLength).CopyTo(line.AsSpan(written));
        _longLine = null;
        _longLineLength = 0;
        return line;
    }
}
