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
    /// <summary>Reading, writing and error helpers shared by the generated converters.</summary>
    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    internal static class SchemaRuntime
    {
        /// <summary>Reads one array item or map value; generated code passes a static method (cached delegate).</summary>
        public delegate T ItemReader<T>(ref global::System.Text.Json.Utf8JsonReader reader);

        /// <summary>Writes one non-null array item or map value.</summary>
        public delegate void ItemWriter<in T>(global::System.Text.Json.Utf8JsonWriter writer, T value);

        private const string PathKey = "XaiAot.JsonPath";
        private const string OffsetKey = "XaiAot.ByteOffset";

        // Strings that repeat from chunk to chunk (ids, model names) are short; longer ones are content.
        private const int MaxCachedLength = 64;

        /// <summary>Advances to the next token; a buffer that ends mid-value is an error, not a silent stop.</summary>
        [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public static void Next(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (!reader.Read())
            {
                throw Truncated(ref reader);
            }
        }

        /// <summary>Advances to a member's value: false when it is null.</summary>
        [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public static bool NextValue(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            Next(ref reader);
            return reader.TokenType != global::System.Text.Json.JsonTokenType.Null;
        }

        /// <summary>Advances to an optional member's value: false when it is null, which is noted in bit <paramref name="bit"/> of <paramref name="nulls"/> (so it is written back).</summary>
        [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public static bool NextValue(ref global::System.Text.Json.Utf8JsonReader reader, ref ulong nulls, int bit)
        {
            Next(ref reader);
            if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null)
            {
                nulls |= 1UL << bit;
                return false;
            }

            return true;
        }

        /// <summary>True when bit <paramref name="bit"/> of <paramref name="bits"/> is set (a member that came as an explicit null).</summary>
        [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public static bool Has(ulong bits, int bit) => (bits & (1UL << bit)) != 0;

        [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public static bool IsNull(ref global::System.Text.Json.Utf8JsonReader reader) => reader.TokenType == global::System.Text.Json.JsonTokenType.Null;

        /// <summary>The name of the member the reader stands on, as UTF-8 without escapes.</summary>
        [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public static global::System.ReadOnlySpan<byte> Name(ref global::System.Text.Json.Utf8JsonReader reader) =>
            reader.HasValueSequence || reader.ValueIsEscaped ? UnescapedName(ref reader) : reader.ValueSpan;

        [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public static bool Is(global::System.ReadOnlySpan<byte> name, global::System.ReadOnlySpan<byte> expected) =>
            global::System.MemoryExtensions.SequenceEqual(name, expected);

        /// <summary>
        /// Reads an array; an error in an item adds its index to the path (<c>$.rows[1][0]</c>): one
        /// try block per array, none per item.
        /// </summary>
        public static T[] ReadArray<T>(ref global::System.Text.Json.Utf8JsonReader reader, ItemReader<T> item)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartArray)
            {
                throw Unexpected(ref reader, "an array");
            }

            var items = new ArrayBuilder<T>();
            try
            {
                while (true)
                {
                    Next(ref reader);
                    if (reader.TokenType == global::System.Text.Json.JsonTokenType.EndArray)
                    {
                        return items.ToArray();
                    }

                    items.Add(item(ref reader));
                }
            }
            catch (global::System.Exception ex) when (AddPath(ex, null, items.Count))
            {
                throw; // not reached: AddPath records where the error happened and returns false
            }
        }

        /// <summary>Reads an object of values of one type (typed additionalProperties); an error in a value adds its key to the path.</summary>
        public static global::System.Collections.Generic.Dictionary<string, T> ReadMap<T>(ref global::System.Text.Json.Utf8JsonReader reader, ItemReader<T> item)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)
            {
                throw Unexpected(ref reader, "an object");
            }

            var map = new global::System.Collections.Generic.Dictionary<string, T>(global::System.StringComparer.Ordinal);
            string? key = null;
            try
            {
                while (true)
                {
                    Next(ref reader);
                    if (reader.TokenType == global::System.Text.Json.JsonTokenType.EndObject)
                    {
                        return map;
                    }

                    key = reader.GetString()!;
                    Next(ref reader);
                    map[key] = item(ref reader);
                }
            }
            catch (global::System.Exception ex) when (AddPath(ex, key, -1))
            {
                throw; // not reached: AddPath records where the error happened and returns false
            }
        }

        /// <summary>Writes a list; a null item (which a caller may put even where the schema forbids it) is written as null.</summary>
        public static void WriteArray<T>(global::System.Text.Json.Utf8JsonWriter writer, global::System.Collections.Generic.IReadOnlyList<T> list, ItemWriter<T> item)
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

        public static void WriteMap<T>(global::System.Text.Json.Utf8JsonWriter writer, global::System.Collections.Generic.IReadOnlyDictionary<string, T> map, ItemWriter<T> item)
        {
            writer.WriteStartObject();
            foreach (global::System.Collections.Generic.KeyValuePair<string, T> pair in map)
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

        public static void WriteString(global::System.Text.Json.Utf8JsonWriter writer, string? value) => writer.WriteStringValue(value);

        public static void WriteInt64(global::System.Text.Json.Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);

        public static void WriteInt64(global::System.Text.Json.Utf8JsonWriter writer, long? value) => writer.WriteNumberValue(value.GetValueOrDefault());

        public static void WriteDouble(global::System.Text.Json.Utf8JsonWriter writer, double value) => writer.WriteNumberValue(value);

        public static void WriteDouble(global::System.Text.Json.Utf8JsonWriter writer, double? value) => writer.WriteNumberValue(value.GetValueOrDefault());

        public static void WriteBoolean(global::System.Text.Json.Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);

        public static void WriteBoolean(global::System.Text.Json.Utf8JsonWriter writer, bool? value) => writer.WriteBooleanValue(value.GetValueOrDefault());

        public static void WriteDateTime(global::System.Text.Json.Utf8JsonWriter writer, global::System.DateTimeOffset? value) => WriteDateTime(writer, value.GetValueOrDefault());

        public static void WriteAny(global::System.Text.Json.Utf8JsonWriter writer, global::System.Text.Json.JsonElement value) => value.WriteTo(writer);

        public static void WriteAny(global::System.Text.Json.Utf8JsonWriter writer, global::System.Text.Json.JsonElement? value) => value.GetValueOrDefault().WriteTo(writer);

        /// <summary>A converter's Read: the generated reader, and any error it raises completed with its JSON path.</summary>
        public static T Read<T>(ref global::System.Text.Json.Utf8JsonReader reader, ItemReader<T> read)
        {
            try
            {
                return read(ref reader);
            }
            catch (global::System.Exception ex) when (ex is global::System.Text.Json.JsonException or global::System.InvalidOperationException)
            {
                throw Complete(ex);
            }
        }

        public static void Skip(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (!reader.TrySkip())
            {
                throw Truncated(ref reader);
            }
        }

        /// <summary>A member name with escapes or split across buffers, as plain UTF-8 (rare, so it may allocate).</summary>
        public static byte[] UnescapedName(ref global::System.Text.Json.Utf8JsonReader reader) =>
            global::System.Text.Encoding.UTF8.GetBytes(reader.GetString()!);

        /// <summary>Reads a string; nothing is kept after it returns (content, arguments, any member that does not repeat).</summary>
        public static string ReadString(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.String)
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
        public static string ReadRepeated(ref global::System.Text.Json.Utf8JsonReader reader, ref string? cache)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.String)
            {
                throw Unexpected(ref reader, "a string");
            }

            if (!reader.ValueIsEscaped && !reader.HasValueSequence)
            {
                global::System.ReadOnlySpan<byte> utf8 = reader.ValueSpan;
                string? cached = cache;
                if (cached is not null && cached.Length == utf8.Length && global::System.Text.Ascii.Equals(utf8, cached))
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

        public static long ReadInt64(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.Number)
            {
                throw Unexpected(ref reader, "an integer");
            }

            if (!reader.TryGetInt64(out long value))
            {
                throw Error(ref reader, "Expected an integer that fits in 64 bits but found " + Describe(ref reader) + ".");
            }

            return value;
        }

        public static double ReadDouble(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.Number)
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
        public static string ReadConstString(ref global::System.Text.Json.Utf8JsonReader reader, global::System.ReadOnlySpan<byte> utf8, string expected)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.String)
            {
                throw Unexpected(ref reader, "a string (the constant \"" + expected + "\")");
            }

            return reader.ValueTextEquals(utf8) ? expected : reader.GetString()!;
        }

        /// <summary>The string discriminator of an object kept whole as an unknown variant.</summary>
        public static string DiscriminatorOf(global::System.Text.Json.JsonElement json, string member, string typeName)
        {
            if (json.ValueKind == global::System.Text.Json.JsonValueKind.Object
                && json.TryGetProperty(member, out global::System.Text.Json.JsonElement value)
                && value.ValueKind == global::System.Text.Json.JsonValueKind.String)
            {
                return value.GetString()!;
            }

            throw new global::System.ArgumentException("An unknown " + typeName + " must be a JSON object with a string '" + member + "' member.", nameof(json));
        }

        public static bool ReadBoolean(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case global::System.Text.Json.JsonTokenType.True:
                    return true;
                case global::System.Text.Json.JsonTokenType.False:
                    return false;
                default:
                    throw Unexpected(ref reader, "true or false");
            }
        }

        public static global::System.DateTimeOffset ReadDateTime(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.String)
            {
                throw Unexpected(ref reader, "a date-time string");
            }

            if (!reader.TryGetDateTimeOffset(out global::System.DateTimeOffset value))
            {
                throw Error(ref reader, "Expected an ISO 8601 date-time but found " + Describe(ref reader) + ".");
            }

            return value;
        }

        /// <summary>RFC 3339 with 'Z' for UTC, the way most APIs send date-times.</summary>
        public static void WriteDateTime(global::System.Text.Json.Utf8JsonWriter writer, global::System.DateTimeOffset value)
        {
            if (value.Offset == global::System.TimeSpan.Zero)
            {
                writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", global::System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                writer.WriteStringValue(value);
            }
        }

        public static global::System.Text.Json.JsonElement ReadAny(ref global::System.Text.Json.Utf8JsonReader reader) =>
            global::System.Text.Json.JsonElement.ParseValue(ref reader);

        public static global::System.Text.Json.JsonElement ReadAnyObject(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)
            {
                throw Unexpected(ref reader, "an object");
            }

            return global::System.Text.Json.JsonElement.ParseValue(ref reader);
        }

        public static void ExpectString(ref global::System.Text.Json.Utf8JsonReader reader, global::System.ReadOnlySpan<byte> expected, string shown)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.String || !reader.ValueTextEquals(expected))
            {
                throw Error(ref reader, "Expected the constant " + shown + " but found " + Describe(ref reader) + ".");
            }
        }

        public static void ExpectInt64(ref global::System.Text.Json.Utf8JsonReader reader, long expected)
        {
            if (ReadInt64(ref reader) != expected)
            {
                throw Error(ref reader, "Expected the constant " + expected.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " but found " + Describe(ref reader) + ".");
            }
        }

        public static void ExpectDouble(ref global::System.Text.Json.Utf8JsonReader reader, double expected)
        {
            if (ReadDouble(ref reader) != expected)
            {
                throw Error(ref reader, "Expected the constant " + expected.ToString("R", global::System.Globalization.CultureInfo.InvariantCulture) + " but found " + Describe(ref reader) + ".");
            }
        }

        public static void ExpectBoolean(ref global::System.Text.Json.Utf8JsonReader reader, bool expected)
        {
            if (ReadBoolean(ref reader) != expected)
            {
                throw Error(ref reader, "Expected the constant " + (expected ? "true" : "false") + " but found " + Describe(ref reader) + ".");
            }
        }

        public static global::System.Text.Json.JsonException Unexpected(ref global::System.Text.Json.Utf8JsonReader reader, string expected) =>
            Error(ref reader, "Expected " + expected + " but found " + Describe(ref reader) + ".");

        /// <summary>A required member is absent; the path names it (<c>$.items[2].child</c>).</summary>
        public static global::System.Text.Json.JsonException Missing(ref global::System.Text.Json.Utf8JsonReader reader, string member, string expected, string typeName)
        {
            global::System.Text.Json.JsonException error = Error(ref reader, "Missing required member '" + member + "' (" + expected + ") of " + typeName + ".");
            AddPath(error, member, -1);
            return error;
        }

        /// <summary>
        /// The first required member whose bit is clear in <paramref name="seen"/>; <paramref name="members"/>
        /// lists, in bit order, each member's name then what it holds.
        /// </summary>
        public static global::System.Text.Json.JsonException Missing(ref global::System.Text.Json.Utf8JsonReader reader, ulong seen, string typeName, params string[] members)
        {
            int bit = 0;
            while (bit < 63 && (seen & (1UL << bit)) != 0)
            {
                bit++;
            }

            return Missing(ref reader, members[2 * bit], members[(2 * bit) + 1], typeName);
        }

        public static global::System.Text.Json.JsonException UnknownMember(ref global::System.Text.Json.Utf8JsonReader reader, string member, string typeName) =>
            Error(ref reader, "Unexpected member '" + member + "': the schema of " + typeName + " allows no members beyond those it names.");

        /// <summary>The discriminator is not a string (an unknown string is kept as an unknown variant); the path names it.</summary>
        public static global::System.Text.Json.JsonException UnknownDiscriminator(ref global::System.Text.Json.Utf8JsonReader reader, string member, string union, string expected)
        {
            global::System.Text.Json.JsonException error = Error(ref reader, "Discriminator '" + member + "' of " + union + " must be a string (one of " + expected + ", or another kept as unknown) but found " + Describe(ref reader) + ".");
            AddPath(error, member, -1);
            return error;
        }

        public static global::System.Text.Json.JsonException Truncated(ref global::System.Text.Json.Utf8JsonReader reader) =>
            Error(ref reader, "The JSON ends before the value is complete.");

        public static global::System.InvalidOperationException NamedMemberInAdditional(string member, string typeName, string bag) =>
            new("Cannot write " + typeName + ": " + bag + " holds '" + member + "', which the schema names; set its property instead.");

        public static global::System.InvalidOperationException RequiredNull(string member, string typeName) =>
            new("Cannot write " + typeName + ": its required member '" + member + "' is null.");

        private static global::System.Text.Json.JsonException Error(ref global::System.Text.Json.Utf8JsonReader reader, string message)
        {
            var error = new global::System.Text.Json.JsonException(message);
            error.Data[OffsetKey] = reader.TokenStartIndex;
            return error;
        }

        /// <summary>What the reader stands on, for messages: kind plus a short excerpt of the value.</summary>
        private static string Describe(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case global::System.Text.Json.JsonTokenType.String:
                    string text = reader.GetString() ?? string.Empty;
                    return "the string \"" + (text.Length > 40 ? text.Substring(0, 40) + "…" : text) + "\"";
                case global::System.Text.Json.JsonTokenType.Number:
                    return "the number " + global::System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? global::System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());
                case global::System.Text.Json.JsonTokenType.True:
                    return "true";
                case global::System.Text.Json.JsonTokenType.False:
                    return "false";
                case global::System.Text.Json.JsonTokenType.Null:
                    return "null";
                case global::System.Text.Json.JsonTokenType.StartObject:
                    return "an object";
                case global::System.Text.Json.JsonTokenType.StartArray:
                    return "an array";
                default:
                    return reader.TokenType.ToString();
            }
        }

        /// <summary>
        /// Exception filter of every generated reader: notes the member (and array index) being read
        /// while the exception passes, and returns false so it keeps propagating untouched.
        /// </summary>
        public static bool AddPath(global::System.Exception exception, string? member, int index)
        {
            if (exception is not (global::System.Text.Json.JsonException or global::System.InvalidOperationException) || (member is null && index < 0))
            {
                return false;
            }

            if (exception.Data[PathKey] is not global::System.Collections.Generic.List<string> segments)
            {
                segments = new global::System.Collections.Generic.List<string>();
                exception.Data[PathKey] = segments;
            }

            string segment = member is null ? string.Empty : IsPlainName(member) ? "." + member : "['" + member.Replace("'", "\\'") + "']";
            if (index >= 0)
            {
                segment += "[" + index.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + "]";
            }

            segments.Add(segment);
            return false;
        }

        /// <summary>
        /// Turns what a converter caught into the JsonException callers see: the message says what was
        /// expected and where (JSON path and byte offset); the original is the inner exception.
        /// </summary>
        public static global::System.Text.Json.JsonException Complete(global::System.Exception exception)
        {
            var path = new global::System.Text.StringBuilder("$");
            if (exception.Data[PathKey] is global::System.Collections.Generic.List<string> segments)
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
                message += " | ByteOffset: " + offset.ToString(global::System.Globalization.CultureInfo.InvariantCulture);
            }

            var result = new global::System.Text.Json.JsonException(message + ".", where, null, null, exception);
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
                        _items = global::System.Buffers.ArrayPool<T>.Shared.Rent(8);
                        _items[0] = _first;
                    }
                    else if (_count == _items.Length)
                    {
                        T[] larger = global::System.Buffers.ArrayPool<T>.Shared.Rent(_count * 2);
                        global::System.Array.Copy(_items, larger, _count);
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
                        return global::System.Array.Empty<T>();
                    case 1:
                        return new[] { _first };
                    default:
                        var result = new T[_count];
                        global::System.Array.Copy(_items!, result, _count);
                        Return();
                        return result;
                }
            }

            private void Return()
            {
                if (_items is not null)
                {
                    global::System.Buffers.ArrayPool<T>.Shared.Return(_items, global::System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>());
                    _items = null;
                }
            }
        }
    }
}
