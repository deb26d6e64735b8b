using System;
using System.Text;

namespace XaiAot;

/// <summary>
/// Text that arrives in pieces (content, reasoning, refusal, tool arguments). A single piece is kept
/// as the string it arrived in, so an answer sent whole in one event is not copied again (a 64 MB
/// event is one 128 MB string, not two); more pieces are joined in one StringBuilder.
/// A mutable struct held in a field: call it on the field, never on a copy.
/// </summary>
internal struct TextPieces
{
    private string? _first;
    private StringBuilder? _builder;

    public void Append(string? text)
    {
        if (text is null)
        {
            return;
        }

        if (_builder is not null)
        {
            _builder.Append(text);
        }
        else if (_first is null)
        {
            _first = text;
        }
        else
        {
            _builder = new StringBuilder(Math.Max(256, _first.Length + text.Length)).Append(_first).Append(text);
            _first = null;
        }
    }

    /// <summary>The text so far, or null when no piece arrived.</summary>
    public readonly string? Build() => _builder?.ToString() ?? _first;
}
