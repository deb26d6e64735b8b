// A date-time member's value (`format: date-time`): the text it was on the wire, with a typed
// accessor. Embedded in the generator like SchemaRuntime.cs and emitted once per consuming assembly,
// in the same per-assembly namespace, but only when one of its schemas has a date-time (it is a
// public type: generated records expose it). Tests compile this file on its own (Emit/DateTimeTextTests).
#nullable enable

namespace XaiAot.Generated.ThisAssembly
{
    using System;
    using System.ComponentModel;
    using System.Globalization;
    using System.Text.Json;

    /// <summary>
    /// A JSON Schema <c>date-time</c> as the text it was: read leniently (a value that is not RFC 3339,
    /// such as <c>2018-04-25 20:42:10</c>, is kept, not rejected) and written back exactly as read, so
    /// <c>.000Z</c> and <c>+00:00</c> survive a round trip. <see cref="TryGetDateTimeOffset"/> parses it;
    /// a <see cref="DateTimeOffset"/> converts to it implicitly and is written in RFC 3339.
    /// </summary>
    [System.CodeDom.Compiler.GeneratedCode("XaiAot.Generators", "1.0.0")]
    public readonly struct DateTimeText : IEquatable<DateTimeText>
    {
        private readonly string? _text;

        /// <summary>Keeps <paramref name="text"/> as it is, whether or not it parses as a date-time.</summary>
        public DateTimeText(string text)
        {
            _text = text ?? throw new ArgumentNullException(nameof(text));
        }

        /// <summary>The value in RFC 3339: <c>Z</c> for UTC, else its offset; fractional seconds only when there are any.</summary>
        public DateTimeText(DateTimeOffset value)
        {
            _text = value.Offset == TimeSpan.Zero
                ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
                : value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
        }

        /// <summary>The text as read (or as made from a <see cref="DateTimeOffset"/>); empty for <c>default</c>.</summary>
        public string Text => _text ?? string.Empty;

        /// <summary>
        /// Parses the text: RFC 3339 / ISO 8601 (<c>T</c> or a space between date and time); a value
        /// without an offset is taken as UTC. False when the text is not a date-time.
        /// </summary>
        public bool TryGetDateTimeOffset(out DateTimeOffset value)
        {
            string text = Text;
            if (text.Length >= 10 && IsDigits(text, 0, 4) && text[4] == '-' && IsDigits(text, 5, 2) && text[7] == '-' && IsDigits(text, 8, 2))
            {
                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
            }

            value = default;
            return false;
        }

        /// <summary>The parsed value (see <see cref="TryGetDateTimeOffset"/>).</summary>
        /// <exception cref="FormatException">The text is not a date-time.</exception>
        public DateTimeOffset ToDateTimeOffset() =>
            TryGetDateTimeOffset(out DateTimeOffset value) ? value : throw new FormatException("'" + Text + "' is not a date-time.");

        /// <summary>The value in RFC 3339 (see <see cref="DateTimeText(DateTimeOffset)"/>).</summary>
        public static implicit operator DateTimeText(DateTimeOffset value) => new(value);

        /// <summary>The parsed value (see <see cref="ToDateTimeOffset"/>).</summary>
        /// <exception cref="FormatException">The text is not a date-time.</exception>
        public static explicit operator DateTimeOffset(DateTimeText value) => value.ToDateTimeOffset();

        /// <summary>Equal when the texts are equal (ordinal): two spellings of one instant are two values, as on the wire.</summary>
        public static bool operator ==(DateTimeText left, DateTimeText right) => left.Equals(right);

        /// <summary>Not equal when the texts differ.</summary>
        public static bool operator !=(DateTimeText left, DateTimeText right) => !left.Equals(right);

        /// <inheritdoc/>
        public bool Equals(DateTimeText other) => string.Equals(Text, other.Text, StringComparison.Ordinal);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is DateTimeText other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

        /// <summary>The text.</summary>
        public override string ToString() => Text;

        /// <summary>Generated readers: any string is kept as it came; another token is a read error.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        internal static DateTimeText JsonRead(ref Utf8JsonReader reader) =>
            reader.TokenType == JsonTokenType.String ? new DateTimeText(reader.GetString()!) : throw SchemaRuntime.Unexpected(ref reader, "a date-time string");

        /// <summary>Generated writers: the text, exactly.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        internal static void JsonWrite(Utf8JsonWriter writer, DateTimeText value) => writer.WriteStringValue(value.Text);

        /// <summary>Generated writers of nullable items (null is written by the caller).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        internal static void JsonWrite(Utf8JsonWriter writer, DateTimeText? value) => writer.WriteStringValue(value.GetValueOrDefault().Text);

        private static bool IsDigits(string text, int start, int count)
        {
            for (int index = start; index < start + count; index++)
            {
                if (text[index] is < '0' or > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
