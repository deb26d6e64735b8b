// The helpers every generated reader and writer calls. This is real C# in the generator's project,
// compiled by no project of the generator: it is an embedded resource that the generator emits
// ONCE PER CONSUMING ASSEMBLY (SchemaGenerator registers it on the compilation's assembly name),
// with the namespace below replaced by one derived from that name (RuntimeSource.Namespace), so two
// assemblies that see each other's internals (InternalsVisibleTo) never declare the same type
// (CS0436). Generated files name it through a file-local alias, `rt`. Tests compile this file on
// its own with nullable on and every warning as an error (Emit/RuntimeSourceTests).
#nullable enable

namespace XaiAot.Generated.ThisAssembly
{
    // Inside this namespace only SchemaRuntime is declared, so these imports cannot be shadowed by
    // anything of the consuming assembly (they are looked up before any outer namespace).
    using System;
    using System.Buffers;
    using System.Collections.Generic;
    using System.ComponentModel;
    using System.Globalization;
    using System.Runtime.CompilerServices;
    using System.Text;
    using System.Text.Json;
    using System.Text.RegularExpressions;

    /// <summary>Reading, writing and error helpers shared by the generated converters.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    internal static class SchemaRuntime
    {
        /// <summary>Reads one array item or map value; generated code passes a static method (cached delegate).</summary>
        public delegate T ItemReader<T>(ref Utf8JsonReader reader);

        /// <summary>Writes one non-null array item or map value.</summary>
        public delegate void ItemWriter<in T>(Utf8JsonWriter writer, T value);

        private const string PathKey = "XaiAot.JsonPath";
        private const string OffsetKey = "XaiAot.ByteOffset";

        // Strings that repeat from chunk to chunk (ids, model names) are short; longer ones are content.
        private const int MaxCachedLength = 64;

        /// <summary>Advances to the next token; a buffer that ends mid-value is an error, not a silent stop.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Next(ref Utf8JsonReader reader)
        {
            if (!reader.Read())
            {
                throw Truncated(ref reader);
            }
        }

        /// <summary>Pre-encodes a type's member names, in member order.</summary>
        public static Names Encode(params string[] names) => new(names);

        /// <summary>A type's member names: pre-encoded for writing, plain for telling them from additional members.</summary>
        public sealed class Names
        {
            private readonly string[] _names;
            private readonly JsonEncodedText[] _encoded;

            public Names(string[] names)
            {
                _names = names;
                _encoded = new JsonEncodedText[names.Length];
                for (int i = 0; i < names.Length; i++)
                {
                    _encoded[i] = JsonEncodedText.Encode(names[i]);
                }
            }

            public JsonEncodedText this[int index] => _encoded[index];

            public bool Contains(string name) => Array.IndexOf(_names, name) >= 0;
        }

        /// <summary>Advances to the next member of an object: false at its end.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool NextMember(ref Utf8JsonReader reader)
        {
            Next(ref reader);
            return reader.TokenType != JsonTokenType.EndObject;
        }

        /// <summary>Checks that an object starts here (<paramref name="expected"/> names it in the error).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void StartObject(ref Utf8JsonReader reader, string expected)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Unexpected(ref reader, expected);
            }
        }

        /// <summary>
        /// Writes the members an object holds beyond those its schema names, after the named ones;
        /// <paramref name="named"/> rejects a named one (reading never puts one there; a caller who
        /// did would send it twice).
        /// </summary>
        public static void WriteAdditional<T>(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, T>>? additional, Names? named, string typeName, string bag, ItemWriter<T> item)
        {
            if (additional is null)
            {
                return;
            }

            foreach (KeyValuePair<string, T> pair in additional)
            {
                if (named is not null && named.Contains(pair.Key))
                {
                    throw NamedMemberInAdditional(pair.Key, typeName, bag);
                }

                writer.WritePropertyName(pair.Key);
                if (pair.Value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    item(writer, pair.Value);
                }
            }
        }

        /// <summary>Advances to a member's value: false when it is null.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool NextValue(ref Utf8JsonReader reader)
        {
            Next(ref reader);
            return reader.TokenType != JsonTokenType.Null;
        }

        /// <summary>Advances to an optional member's value: false when it is null, which is noted in bit <paramref name="bit"/> of <paramref name="nulls"/> (so it is written back).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool NextValue(ref Utf8JsonReader reader, ref ulong nulls, int bit)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.Null)
            {
                nulls |= 1UL << bit;
                return false;
            }

            return true;
        }

        /// <summary>True when bit <paramref name="bit"/> of <paramref name="bits"/> is set (a member that came as an explicit null).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Has(ulong bits, int bit) => (bits & (1UL << bit)) != 0;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool IsNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null;

        /// <summary>The name of the member the reader stands on, as UTF-8 without escapes.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ReadOnlySpan<byte> Name(ref Utf8JsonReader reader) =>
            reader.HasValueSequence || reader.ValueIsEscaped ? UnescapedName(ref reader) : reader.ValueSpan;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Is(ReadOnlySpan<byte> name, ReadOnlySpan<byte> expected) =>
            MemoryExtensions.SequenceEqual(name, expected);

        /// <summary>
        /// Reads an array; an error in an item adds its index to the path (<c>$.rows[1][0]</c>): one
        /// try block per array, none per item.
        /// </summary>
        public static T[] ReadArray<T>(ref Utf8JsonReader reader, ItemReader<T> item)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw Unexpected(ref reader, "an array");
            }

            var items = new ArrayBuilder<T>();
            try
            {
                while (true)
                {
                    Next(ref reader);
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        return items.ToArray();
                    }

                    items.Add(item(ref reader));
                }
            }
            catch (Exception ex) when (AddPath(ex, null, items.Count))
            {
                throw; // not reached: AddPath records where the error happened and returns false
            }
        }

        /// <summary>Reads an object of values of one type (typed additionalProperties); an error in a value adds its key to the path.</summary>
        public static Dictionary<string, T> ReadMap<T>(ref Utf8JsonReader reader, ItemReader<T> item)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Unexpected(ref reader, "an object");
            }

            var map = new Dictionary<string, T>(StringComparer.Ordinal);
            string? key = null;
            try
            {
                while (true)
                {
                    Next(ref reader);
                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        return map;
                    }

                    key = reader.GetString()!;
                    Next(ref reader);
                    map[key] = item(ref reader);
                }
            }
            catch (Exception ex) when (AddPath(ex, key, -1))
            {
                throw; // not reached: AddPath records where the error happened and returns false
            }
        }

        /// <summary>Writes a list; a null item (which a caller may put even where the schema forbids it) is written as null.</summary>
        public static void WriteArray<T>(Utf8JsonWriter writer, IReadOnlyList<T> list, ItemWriter<T> item)
        {
            // An indexed loop: foreach over IReadOnlyList<T> would allocate an enumerator per array.
            writer.WriteStartArray();
            for (int i = 0; i < list.Count; i++)
            {
                T value = list[i];
                if (value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    item(writer, value);
                }
            }

            writer.WriteEndArray();
        }

        public static void WriteMap<T>(Utf8JsonWriter writer, IReadOnlyDictionary<string, T> map, ItemWriter<T> item)
        {
            writer.WriteStartObject();
            foreach (KeyValuePair<string, T> pair in map)
            {
                writer.WritePropertyName(pair.Key);
                if (pair.Value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    item(writer, pair.Value);
                }
            }

            writer.WriteEndObject();
        }

        public static void WriteString(Utf8JsonWriter writer, string? value) => writer.WriteStringValue(value);

        public static void WriteInt64(Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);

        public static void WriteInt64(Utf8JsonWriter writer, long? value) => writer.WriteNumberValue(value.GetValueOrDefault());

        public static void WriteDouble(Utf8JsonWriter writer, double value) => writer.WriteNumberValue(value);

        public static void WriteDouble(Utf8JsonWriter writer, double? value) => writer.WriteNumberValue(value.GetValueOrDefault());

        public static void WriteBoolean(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);

        public static void WriteBoolean(Utf8JsonWriter writer, bool? value) => writer.WriteBooleanValue(value.GetValueOrDefault());

        public static void WriteAny(Utf8JsonWriter writer, JsonElement value) => value.WriteTo(writer);

        public static void WriteAny(Utf8JsonWriter writer, JsonElement? value) => value.GetValueOrDefault().WriteTo(writer);

        /// <summary>A converter's Read: the generated reader, and any error it raises completed with its JSON path.</summary>
        public static T Read<T>(ref Utf8JsonReader reader, ItemReader<T> read)
        {
            try
            {
                return read(ref reader);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                throw Complete(ex);
            }
        }

        public static void Skip(ref Utf8JsonReader reader)
        {
            if (!reader.TrySkip())
            {
                throw Truncated(ref reader);
            }
        }

        /// <summary>A member name with escapes or split across buffers, as plain UTF-8 (rare, so it may allocate).</summary>
        public static byte[] UnescapedName(ref Utf8JsonReader reader) =>
            Encoding.UTF8.GetBytes(reader.GetString()!);

        /// <summary>Reads a string; nothing is kept after it returns (content, arguments, any member that does not repeat).</summary>
        public static string ReadString(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw Unexpected(ref reader, "a string");
            }

            return reader.GetString()!;
        }

        /// <summary>
        /// Reads a string, reusing the previous instance from the same place when the bytes are equal:
        /// the id, object, model and fingerprint of a stream repeat in every chunk. Only members that
        /// repeat get a cache (the generator's rule, ObjectPlan.Repeats): the last value stays referenced
        /// by the cache for the life of the process, so user content must never come through here.
        /// </summary>
        public static string ReadRepeated(ref Utf8JsonReader reader, ref string? cache)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw Unexpected(ref reader, "a string");
            }

            if (!reader.ValueIsEscaped && !reader.HasValueSequence)
            {
                ReadOnlySpan<byte> utf8 = reader.ValueSpan;
                string? cached = cache;
                if (cached is not null && cached.Length == utf8.Length && Ascii.Equals(utf8, cached))
                {
                    return cached;
                }

                if (utf8.Length <= MaxCachedLength)
                {
                    string fresh = reader.GetString()!;
                    cache = fresh;
                    return fresh;
                }
            }

            return reader.GetString()!;
        }

        public static long ReadInt64(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.Number)
            {
                throw Unexpected(ref reader, "an integer");
            }

            if (!reader.TryGetInt64(out long value))
            {
                throw Error(ref reader, "Expected an integer that fits in 64 bits but found " + Describe(ref reader) + ".");
            }

            return value;
        }

        public static double ReadDouble(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.Number)
            {
                throw Unexpected(ref reader, "a number");
            }

            if (!reader.TryGetDouble(out double value))
            {
                throw Error(ref reader, "Expected a number that fits in a double but found " + Describe(ref reader) + ".");
            }

            return value;
        }

        /// <summary>A constant string member: the schema's value without allocating, any other string kept as it came.</summary>
        public static string ReadConstString(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, string expected)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw Unexpected(ref reader, "a string (the constant \"" + expected + "\")");
            }

            return reader.ValueTextEquals(utf8) ? expected : reader.GetString()!;
        }

        /// <summary>The string discriminator of an object kept whole as an unknown variant.</summary>
        public static string DiscriminatorOf(JsonElement json, string member, string typeName)
        {
            if (json.ValueKind == JsonValueKind.Object
                && json.TryGetProperty(member, out JsonElement value)
                && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString()!;
            }

            throw new ArgumentException("An unknown " + typeName + " must be a JSON object with a string '" + member + "' member.", nameof(json));
        }

        public static bool ReadBoolean(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.True:
                    return true;
                case JsonTokenType.False:
                    return false;
                default:
                    throw Unexpected(ref reader, "true or false");
            }
        }

        public static JsonElement ReadAny(ref Utf8JsonReader reader) =>
            JsonElement.ParseValue(ref reader);

        public static JsonElement ReadAnyObject(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Unexpected(ref reader, "an object");
            }

            return JsonElement.ParseValue(ref reader);
        }

        /// <summary>A free-form object that may be null (<c>type: [object, null]</c>): null is kept as a JSON null element.</summary>
        public static JsonElement ReadAnyObjectOrNull(ref Utf8JsonReader reader)
        {
            if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.Null))
            {
                throw Unexpected(ref reader, "an object or null");
            }

            return JsonElement.ParseValue(ref reader);
        }

        public static void ExpectString(ref Utf8JsonReader reader, ReadOnlySpan<byte> expected, string shown)
        {
            if (reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals(expected))
            {
                throw Error(ref reader, "Expected the constant " + shown + " but found " + Describe(ref reader) + ".");
            }
        }

        public static void ExpectInt64(ref Utf8JsonReader reader, long expected)
        {
            if (ReadInt64(ref reader) != expected)
            {
                throw Error(ref reader, "Expected the constant " + expected.ToString(CultureInfo.InvariantCulture) + " but found " + Describe(ref reader) + ".");
            }
        }

        public static void ExpectDouble(ref Utf8JsonReader reader, double expected)
        {
            if (ReadDouble(ref reader) != expected)
            {
                throw Error(ref reader, "Expected the constant " + expected.ToString("R", CultureInfo.InvariantCulture) + " but found " + Describe(ref reader) + ".");
            }
        }

        public static void ExpectBoolean(ref Utf8JsonReader reader, bool expected)
        {
            if (ReadBoolean(ref reader) != expected)
            {
                throw Error(ref reader, "Expected the constant " + (expected ? "true" : "false") + " but found " + Describe(ref reader) + ".");
            }
        }

        public static JsonException Unexpected(ref Utf8JsonReader reader, string expected) =>
            Error(ref reader, "Expected " + expected + " but found " + Describe(ref reader) + ".");

        /// <summary>A required member is absent; the path names it (<c>$.items[2].child</c>).</summary>
        public static JsonException Missing(ref Utf8JsonReader reader, string member, string expected, string typeName)
        {
            JsonException error = Error(ref reader, "Missing required member '" + member + "' (" + expected + ") of " + typeName + ".");
            AddPath(error, member, -1);
            return error;
        }

        /// <summary>
        /// The first required member whose bit is clear in <paramref name="seen"/>; <paramref name="members"/>
        /// lists, in bit order, each member's name then what it holds.
        /// </summary>
        public static JsonException Missing(ref Utf8JsonReader reader, ulong seen, string typeName, params string[] members)
        {
            int bit = 0;
            while (bit < 63 && (seen & (1UL << bit)) != 0)
            {
                bit++;
            }

            return Missing(ref reader, members[2 * bit], members[(2 * bit) + 1], typeName);
        }

        public static JsonException UnknownMember(ref Utf8JsonReader reader, string member, string typeName) =>
            Error(ref reader, "Unexpected member '" + member + "': the schema of " + typeName + " allows no members beyond those it names.");

        /// <summary>The discriminator is not a string (an unknown string is kept as an unknown variant); the path names it.</summary>
        public static JsonException UnknownDiscriminator(ref Utf8JsonReader reader, string member, string union, string expected)
        {
            JsonException error = Error(ref reader, "Discriminator '" + member + "' of " + union + " must be a string (one of " + expected + ", or another kept as unknown) but found " + Describe(ref reader) + ".");
            AddPath(error, member, -1);
            return error;
        }

        public static JsonException Truncated(ref Utf8JsonReader reader) =>
            Error(ref reader, "The JSON ends before the value is complete.");

        public static InvalidOperationException NamedMemberInAdditional(string member, string typeName, string bag) =>
            new("Cannot write " + typeName + ": " + bag + " holds '" + member + "', which the schema names; set its property instead.");

        public static InvalidOperationException RequiredNull(string member, string typeName) =>
            new("Cannot write " + typeName + ": its required member '" + member + "' is null.");

        private static JsonException Error(ref Utf8JsonReader reader, string message)
        {
            var error = new JsonException(message);
            error.Data[OffsetKey] = reader.TokenStartIndex;
            return error;
        }

        /// <summary>What the reader stands on, for messages: kind plus a short excerpt of the value.</summary>
        private static string Describe(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    string text = reader.GetString() ?? string.Empty;
                    return "the string \"" + (text.Length > 40 ? text.Substring(0, 40) + "…" : text) + "\"";
                case JsonTokenType.Number:
                    return "the number " + Encoding.UTF8.GetString(reader.HasValueSequence ? BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());
                case JsonTokenType.True:
                    return "true";
                case JsonTokenType.False:
                    return "false";
                case JsonTokenType.Null:
                    return "null";
                case JsonTokenType.StartObject:
                    return "an object";
                case JsonTokenType.StartArray:
                    return "an array";
                default:
                    return reader.TokenType.ToString();
            }
        }

        /// <summary>
        /// Exception filter of every generated reader: notes the member (and array index) being read
        /// while the exception passes, and returns false so it keeps propagating untouched.
        /// </summary>
        public static bool AddPath(Exception exception, string? member, int index)
        {
            if (exception is not (JsonException or InvalidOperationException) || (member is null && index < 0))
            {
                return false;
            }

            if (exception.Data[PathKey] is not List<string> segments)
            {
                segments = new List<string>();
                exception.Data[PathKey] = segments;
            }

            string segment = member is null ? string.Empty : IsPlainName(member) ? "." + member : "['" + member.Replace("'", "\\'") + "']";
            if (index >= 0)
            {
                segment += "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
            }

            segments.Add(segment);
            return false;
        }

        /// <summary>
        /// Turns what a converter caught into the JsonException callers see: the message says what was
        /// expected and where (JSON path and byte offset); the original is the inner exception.
        /// </summary>
        public static JsonException Complete(Exception exception)
        {
            var path = new StringBuilder("$");
            if (exception.Data[PathKey] is List<string> segments)
            {
                for (int i = segments.Count - 1; i >= 0; i--)
                {
                    path.Append(segments[i]);
                }
            }

            string where = path.ToString();
            string message = exception.Message.TrimEnd('.') + ". Path: " + where;
            if (exception.Data[OffsetKey] is long offset)
            {
                message += " | ByteOffset: " + offset.ToString(CultureInfo.InvariantCulture);
            }

            var result = new JsonException(message + ".", where, null, null, exception);
            if (exception.Data[OffsetKey] is long known)
            {
                result.Data[OffsetKey] = known;
            }

            return result;
        }

        private static bool IsPlainName(string name)
        {
            if (name.Length == 0 || char.IsDigit(name[0]))
            {
                return false;
            }

            foreach (char c in name)
            {
                if (!char.IsLetterOrDigit(c) && c != '_')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// A <c>patternProperties</c> pattern, compiled on first use (so a type that never meets an
        /// unnamed member never builds a Regex). The generator translated it from ECMA-262, JSON
        /// Schema's dialect, to .NET's; matched with <see cref="SchemaRegex"/>'s time limit.
        /// </summary>
        public sealed class Pattern
        {
            private readonly string _pattern;
            private readonly string _dotNetPattern;
            private Regex? _regex;

            public Pattern(string pattern, string dotNetPattern)
            {
                _pattern = pattern;
                _dotNetPattern = dotNetPattern;
            }

            public override string ToString() => _pattern;

            public bool IsMatch(string name) => (_regex ??= SchemaRegex(_dotNetPattern)).IsMatch(name);
        }

        /// <summary>
        /// A schema pattern the generator translated to .NET, interpreted (no RegexOptions.Compiled: AOT-safe).
        /// The one place its match limit is set, for patternProperties on read and pattern in Validate():
        /// the text matched comes from the wire, so a pattern that backtracks without end throws
        /// RegexMatchTimeoutException after 2 s instead of hanging.
        /// </summary>
        public static Regex SchemaRegex(string dotNetPattern) => new(dotNetPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

        /// <summary>True when <paramref name="name"/> matches one of <paramref name="patterns"/>.</summary>
        public static bool Matches(string name, Pattern[] patterns)
        {
            foreach (Pattern pattern in patterns)
            {
                if (pattern.IsMatch(name))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Writes the members of a pattern map after the named ones; a key its patterns do not match, or
        /// that the schema names, is rejected (read back, it would not land in this map).
        /// </summary>
        public static void WritePatterned<T>(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, T>>? map, Names? named, Pattern[] patterns, string typeName, string bag, ItemWriter<T> item)
        {
            if (map is null)
            {
                return;
            }

            foreach (KeyValuePair<string, T> pair in map)
            {
                if (!Matches(pair.Key, patterns))
                {
                    throw new InvalidOperationException("Cannot write " + typeName + ": " + bag + " holds '" + pair.Key + "', which matches none of its patterns ('" + string.Join("', '", (object[])patterns) + "').");
                }
            }

            WriteAdditional(writer, map, named, typeName, bag, item);
        }

        /// <summary>
        /// Collects array items and hands back an exactly sized array. The first item is held inline
        /// (most arrays in a stream chunk hold one), larger ones grow in a pooled buffer.
        /// </summary>
        public struct ArrayBuilder<T>
        {
            private T _first;
            private T[]? _items;
            private int _count;

            public int Count => _count;

            public void Add(T item)
            {
                if (_count == 0)
                {
                    _first = item;
                }
                else
                {
                    if (_items is null)
                    {
                        _items = ArrayPool<T>.Shared.Rent(8);
                        _items[0] = _first;
                    }
                    else if (_count == _items.Length)
                    {
                        T[] larger = ArrayPool<T>.Shared.Rent(_count * 2);
                        Array.Copy(_items, larger, _count);
                        Return();
                        _items = larger;
                    }

                    _items[_count] = item;
                }

                _count++;
            }

            public T[] ToArray()
            {
                switch (_count)
                {
                    case 0:
                        return Array.Empty<T>();
                    case 1:
                        return new[] { _first };
                    default:
                        var result = new T[_count];
                        Array.Copy(_items!, result, _count);
                        Return();
                        return result;
                }
            }

            private void Return()
            {
                if (_items is not null)
                {
                    ArrayPool<T>.Shared.Return(_items, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
                    _items = null;
                }
            }
        }
    }
}
