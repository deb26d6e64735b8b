using System;
using System.Collections;
using System.Text;
using System.Text.Json;
using XaiAot.Chat;

namespace XaiAot;

/// <summary>
/// Removes the API key from text the server sent before it reaches an exception: a proxy that
/// echoes the <c>Authorization</c> header, or an error message quoting it, must not put the key
/// into logs. Whole and cut occurrences go: server text is cut at several places (the 4 KiB
/// body start, the 500-character message excerpt, the reader's 40-character value excerpts).
/// </summary>
internal static class SecretRedaction
{
    public const string Marker = "[REDACTED]";

    /// <summary>
    /// Characters of the key that identify it. Shorter runs are not removed mid-text: a few
    /// characters (the public <c>xai-</c> prefix among them) reveal nothing and occur by chance.
    /// </summary>
    private const int Anchor = 12;

    /// <summary>A cut-off key at the very end of the text is removed from this many characters on.</summary>
    private const int ShortestTail = 4;

    /// <summary>
    /// <paramref name="text"/> with every run of characters that begins like the key (its first
    /// 12 characters or more, or all of a shorter key) replaced by <see cref="Marker"/>, as is a
    /// beginning of the key at the very end (text cut mid-key). The same instance when there was
    /// nothing to remove.
    /// </summary>
    public static string Redact(string text, string? secret)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(text))
        {
            return text;
        }

        string anchor = secret.Length <= Anchor ? secret : secret.Substring(0, Anchor);
        int found = text.IndexOf(anchor, StringComparison.Ordinal);
        int tail = TailLength(text, secret, anchor.Length);
        if (found < 0 && tail == 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        int at = 0;
        while (found >= 0)
        {
            int length = anchor.Length;
            while (length < secret.Length && found + length < text.Length && text[found + length] == secret[length])
            {
                length++;
            }

            result.Append(text, at, found - at).Append(Marker);
            at = found + length;
            found = text.IndexOf(anchor, at, StringComparison.Ordinal);
        }

        tail = TailLength(text.AsSpan(at), secret, anchor.Length);
        result.Append(text, at, text.Length - at - tail);
        if (tail > 0)
        {
            result.Append(Marker);
        }

        return result.ToString();
    }

    /// <summary>Redacts <paramref name="text"/> when there is any.</summary>
    public static string? RedactOrNull(string? text, string? secret) => text is null ? null : Redact(text, secret);

    /// <summary>Whether <paramref name="text"/> holds the key, whole or cut.</summary>
    public static bool Leaks(string? text, string? secret) => text is not null && !ReferenceEquals(Redact(text, secret), text);

    /// <summary>
    /// An error body parsed from redacted text, or null if the key still shows in it (the body
    /// spelled it with JSON escapes, which parsing undid): then only the redacted raw text is kept.
    /// </summary>
    public static ErrorResponse? Clean(ErrorResponse? error, string? secret) =>
        error is not null && !string.IsNullOrEmpty(secret) && Leaks(JsonSerializer.Serialize(error, XaiChatJsonContext.Default.ErrorResponse), secret) ? null : error;

    /// <summary>
    /// <paramref name="exception"/> itself when no message in its chain quotes the key; else one
    /// exception with the redacted message, the same position, the offset the reader recorded, and
    /// no inner exception (an inner one would show the key in <c>ToString()</c>).
    /// </summary>
    public static JsonException Redact(JsonException exception, string? secret)
    {
        bool leaks = false;
        for (Exception? e = exception; e is not null && !leaks; e = e.InnerException)
        {
            leaks = Leaks(e.Message, secret) || DataLeaks(e.Data, secret);
        }

        if (!leaks)
        {
            return exception;
        }

        var redacted = new JsonException(Redact(exception.Message, secret), RedactOrNull(exception.Path, secret), exception.LineNumber, exception.BytePositionInLine);
        foreach (DictionaryEntry entry in exception.Data)
        {
            if (entry.Value is long offset)
            {
                redacted.Data[entry.Key] = offset;
            }
        }

        return redacted;
    }

    private static bool DataLeaks(IDictionary data, string? secret)
    {
        foreach (DictionaryEntry entry in data)
        {
            if (Leaks(entry.Key.ToString(), secret) || (entry.Value is not long && Leaks(entry.Value?.ToString(), secret)))
            {
                return true;
            }

            if (entry.Value is IEnumerable items and not string)
            {
                foreach (object? item in items)
                {
                    if (Leaks(item?.ToString(), secret))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>How many characters at the end of <paramref name="text"/> are the beginning of the key (shorter than the anchor).</summary>
    private static int TailLength(ReadOnlySpan<char> text, string secret, int anchorLength)
    {
        for (int length = Math.Min(anchorLength - 1, text.Length); length >= ShortestTail; length--)
        {
            if (text.EndsWith(secret.AsSpan(0, length), StringComparison.Ordinal))
            {
                return length;
            }
        }

        return 0;
    }
}
