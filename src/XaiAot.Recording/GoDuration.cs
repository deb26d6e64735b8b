using System;
using System.Globalization;
using System.Text;

namespace XaiAot.Recording;

/// <summary>
/// Go's <c>time.Duration</c> text form (<c>4.059811333s</c>, <c>772.578666ms</c>, <c>1h2m3s</c>),
/// which go-vcr uses for a response's <c>duration</c>.
/// </summary>
/// <remarks>
/// Parsing follows <c>time.ParseDuration</c> (signed sequence of decimal numbers with units
/// h, m, s, ms, us/µs/μs, ns, fractions allowed) and formatting follows <c>Duration.String</c>, so
/// text written here reads back in Go unchanged. Go counts nanoseconds and TimeSpan counts 100 ns
/// ticks: the nanosecond members exist for callers that need Go's full precision.
/// </remarks>
public static class GoDuration
{
    private const long Nanosecond = 1;
    private const long Microsecond = 1000 * Nanosecond;
    private const long Millisecond = 1000 * Microsecond;
    private const long Second = 1000 * Millisecond;
    private const long Minute = 60 * Second;
    private const long Hour = 60 * Minute;
    private const long NanosecondsPerTick = 100;

    /// <summary>Parses Go duration text into a TimeSpan (sub-tick nanoseconds are truncated).</summary>
    /// <exception cref="FormatException">The text is not a Go duration; the message says why, as Go would.</exception>
    public static TimeSpan Parse(string text) => TimeSpan.FromTicks(ParseNanoseconds(text) / NanosecondsPerTick);

    /// <summary>Parses Go duration text; false when it is not one.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        if (TryParseCore(text, out long nanoseconds) is null)
        {
            value = TimeSpan.FromTicks(nanoseconds / NanosecondsPerTick);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Parses Go duration text into whole nanoseconds, as Go does.</summary>
    /// <exception cref="FormatException">The text is not a Go duration.</exception>
    public static long ParseNanoseconds(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? error = TryParseCore(text, out long nanoseconds);
        return error is null ? nanoseconds : throw new FormatException(error);
    }

    /// <summary>Parses Go duration text into whole nanoseconds; false when it is not one.</summary>
    public static bool TryParseNanoseconds(string? text, out long nanoseconds) => TryParseCore(text, out nanoseconds) is null;

    /// <summary>Formats a TimeSpan the way Go's <c>Duration.String</c> does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value exceeds Go's range (about ±292 years).</exception>
    public static string Format(TimeSpan value)
    {
        const long maxTicks = long.MaxValue / NanosecondsPerTick;
        if (value.Ticks > maxTicks || value.Ticks < -maxTicks)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A Go duration holds at most about 292 years.");
        }

        return FormatNanoseconds(value.Ticks * NanosecondsPerTick);
    }

    /// <summary>Formats whole nanoseconds the way Go's <c>Duration.String</c> does.</summary>
    public static string FormatNanoseconds(long nanoseconds)
    {
        // Unsigned so that long.MinValue (whose magnitude has no positive long) formats as Go's does.
        bool negative = nanoseconds < 0;
        ulong u = negative ? unchecked((ulong)-nanoseconds) : (ulong)nanoseconds;
        var text = new StringBuilder(32);

        if (u < Second)
        {
            if (u == 0)
            {
                return "0s";
            }

            if (u < Microsecond)
            {
                text.Append(u.ToString(CultureInfo.InvariantCulture)).Append("ns");
            }
            else if (u < Millisecond)
            {
                AppendFraction(text, u, 3);
                text.Append("µs");
            }
            else
            {
                AppendFraction(text, u, 6);
                text.Append("ms");
            }
        }
        else
        {
            ulong seconds = u / Second;
            ulong fraction = u % Second;
            ulong hours = seconds / 3600;
            ulong minutes = seconds / 60 % 60;
            seconds %= 60;
            if (hours > 0)
            {
                text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
            }

            if (hours > 0 || minutes > 0)
            {
                text.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
            }

            text.Append(seconds.ToString(CultureInfo.InvariantCulture));
            AppendFractionDigits(text, fraction, 9);
            text.Append('s');
        }

        return negative ? "-" + text : text.ToString();
    }

    // Writes value / 10^digits with the fraction's trailing zeros dropped, as Go's fmtFrac/fmtInt.
    private static void AppendFraction(StringBuilder text, ulong value, int digits)
    {
        ulong scale = 1;
        for (int i = 0; i < digits; i++)
        {
            scale *= 10;
        }

        text.Append((value / scale).ToString(CultureInfo.InvariantCulture));
        AppendFractionDigits(text, value % scale, digits);
    }

    private static void AppendFractionDigits(StringBuilder text, ulong fraction, int digits)
    {
        if (fraction == 0)
        {
            return;
        }

        string padded = fraction.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
        text.Append('.').Append(padded.AsSpan().TrimEnd('0'));
    }

    // Returns null on success, else Go's error message for the same input.
    private static string? TryParseCore(string? original, out long result)
    {
        result = 0;
        if (original is null)
        {
            return "time: invalid duration (null)";
        }

        string invalid = $"time: invalid duration \"{original}\"";
        ReadOnlySpan<char> s = original;
        bool negative = false;
        if (!s.IsEmpty && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s is "0")
        {
            return null;
        }

        if (s.IsEmpty)
        {
            return invalid;
        }

        ulong total = 0;
        while (!s.IsEmpty)
        {
            if (!(s[0] == '.' || char.IsAsciiDigit(s[0])))
            {
                return invalid;
            }

            int before = s.Length;
            if (!TryLeadingInt(ref s, out ulong whole))
            {
                return invalid;
            }

            bool hasWhole = before != s.Length;
            ulong fraction = 0;
            double scale = 1;
            bool hasFraction = false;
            if (!s.IsEmpty && s[0] == '.')
            {
                s = s[1..];
                before = s.Length;
                LeadingFraction(ref s, out fraction, out scale);
                hasFraction = before != s.Length;
            }

            if (!hasWhole && !hasFraction)
            {
                return invalid;
            }

            int unitLength = 0;
            while (unitLength < s.Length && s[unitLength] != '.' && !char.IsAsciiDigit(s[unitLength]))
            {
                unitLength++;
            }

            if (unitLength == 0)
            {
                return $"time: missing unit in duration \"{original}\"";
            }

            ReadOnlySpan<char> unitText = s[..unitLength];
            s = s[unitLength..];
            ulong unit = unitText switch
            {
                "ns" => Nanosecond,
                "us" or "µs" or "μs" => Microsecond,
                "ms" => Millisecond,
                "s" => Second,
                "m" => Minute,
                "h" => Hour,
                _ => 0,
            };
            if (unit == 0)
            {
                return $"time: unknown unit \"{unitText}\" in duration \"{original}\"";
            }

            if (whole > (1UL << 63) / unit)
            {
                return invalid;
            }

            whole *= unit;
            if (fraction > 0)
            {
                // Go accepts the float rounding here: fractions finer than a nanosecond are dropped.
                whole += (ulong)(fraction * (unit / scale));
                if (whole > 1UL << 63)
                {
                    return invalid;
                }
            }

            total += whole;
            if (total > 1UL << 63)
            {
                return invalid;
            }
        }

        if (negative)
        {
            result = unchecked(-(long)total);
            return null;
        }

        if (total > long.MaxValue)
        {
            return invalid;
        }

        result = (long)total;
        return null;
    }

    private static bool TryLeadingInt(ref ReadOnlySpan<char> s, out ulong value)
    {
        value = 0;
        int i = 0;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
        {
            if (value > (1UL << 63) / 10)
            {
                return false;
            }

            value = (value * 10) + (ulong)(s[i] - '0');
            if (value > 1UL << 63)
            {
                return false;
            }
        }

        s = s[i..];
        return true;
    }

    // Digits past what a ulong can hold are consumed but ignored, as in Go.
    private static void LeadingFraction(ref ReadOnlySpan<char> s, out ulong value, out double scale)
    {
        value = 0;
        scale = 1;
        bool overflow = false;
        int i = 0;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
        {
            if (overflow)
            {
                continue;
            }

            if (value > ((1UL << 63) - 1) / 10)
            {
                overflow = true;
                continue;
            }

            ulong next = (value * 10) + (ulong)(s[i] - '0');
            if (next > 1UL << 63)
            {
                overflow = true;
                continue;
            }

            value = next;
            scale *= 10;
        }

        s = s[i..];
    }
}
