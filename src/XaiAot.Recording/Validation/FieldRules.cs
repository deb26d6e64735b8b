using System;
using System.Globalization;

namespace XaiAot.Recording;

/// <summary>
/// What each recorded field may hold, so that a cassette from anywhere either replays as recorded
/// or is refused with a reason: every rule returns null when the value is fine, else
/// "expected ..., found ..." naming the field. The YAML reader adds the line and column, the
/// replay handler the interaction (for cassettes built or changed in code).
/// </summary>
/// <remarks>
/// Each rule stands for a crash or a silent change replay would otherwise cause: HttpResponseMessage
/// throws on a status code outside 0..999 and on a reason phrase with a line break, Version throws on
/// a negative number, TryAddWithoutValidation drops a header whose name is not a token and passes
/// a value with CR or LF on (header injection), and an unpaired surrogate in a body turns into
/// U+FFFD when encoded to UTF-8.
/// </remarks>
internal static class FieldRules
{
    public static string? StatusCode(long code) =>
        code is >= 100 and <= 599 ? null : Found("an HTTP status code from 100 to 599 for 'code'", code);

    // HTTP-version is "HTTP/" DIGIT "." DIGIT (RFC 9110, 2.5).
    public static string? ProtoVersion(string key, long value) =>
        value is >= 0 and <= 9 ? null : Found($"a single digit for '{key}' (as in HTTP/1.1)", value);

    // Go records -1 when the length is unknown.
    public static string? ContentLength(long value) =>
        value >= -1 ? null : Found("a length of 0 or more, or -1 for unknown, for 'content_length'", value);

    // A negative duration would pace nothing; it can only come from a hand-edited cassette.
    public static string? Duration(bool negative, string text) =>
        negative ? $"expected a duration of 0 or more for 'duration', found {text}" : null;

    public static string? Method(string method) =>
        IsToken(method) ? null : $"expected an HTTP method (letters, digits and !#$%&'*+-.^_`|~) for 'method', found {Quote(method)}";

    public static string? Status(string status) =>
        IndexOfLineBreak(status) < 0 ? null : $"expected a status line without line breaks for 'status', found {Quote(status)}";

    public static string? HeaderName(string key, string name) =>
        IsToken(name) ? null : $"expected a header name (letters, digits and !#$%&'*+-.^_`|~) in '{key}', found {Quote(name)}";

    public static string? HeaderValue(string key, string name, string value) =>
        IndexOfLineBreak(value) < 0 ? null : $"expected a value without line breaks for '{key}.{name}', found {Quote(value)}";

    public static string? Body(string key, string body)
    {
        int at = IndexOfUnpairedSurrogate(body);
        return at < 0
            ? null
            : string.Create(
                CultureInfo.InvariantCulture,
                $"expected Unicode text for '{key}', found the unpaired surrogate \\u{(int)body[at]:X4} at character {at}, which has no UTF-8 form");
    }

    private static string Found(string expected, long value) =>
        string.Create(CultureInfo.InvariantCulture, $"expected {expected}, found {value}");

    // CR and LF end a header line on the wire; NUL is refused by every HTTP stack.
    private static int IndexOfLineBreak(string text) => text.AsSpan().IndexOfAny('\r', '\n', '\0');

    // RFC 9110, 5.6.2: token = 1*tchar.
    private static bool IsToken(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    private static int IndexOfUnpairedSurrogate(string text)
    {
        ReadOnlySpan<char> span = text;
        int i = 0;
        while (i < span.Length)
        {
            int next = span[i..].IndexOfAnyInRange('\uD800', '\uDFFF');
            if (next < 0)
            {
                return -1;
            }

            i += next;
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i += 2;
                continue;
            }

            return i;
        }

        return -1;
    }

    private static string Quote(string text)
    {
        const int max = 60;
        string flat = text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal);
        return "'" + (flat.Length <= max ? flat : string.Concat(flat.AsSpan(0, max), "…")) + "'";
    }
}
