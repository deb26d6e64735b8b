// The helpers every generated Validate() calls, and the public SchemaViolation it returns. Like
// SchemaRuntime.cs, real C# compiled by no project of the generator: an embedded resource emitted
// ONCE PER CONSUMING ASSEMBLY with the namespace below replaced (Emit/RuntimeSource.cs). Tests compile
// it on its own with nullable on and every warning as an error (Emit/RuntimeSourceTests).
#nullable enable

namespace XaiAot.Generated.ThisAssembly
{
    using System;
    using System.Buffers;
    using System.Collections.Generic;
    using System.ComponentModel;
    using System.Globalization;
    using System.Text.Json;
    using System.Text.Json.Serialization.Metadata;
    using System.Text.RegularExpressions;

    /// <summary>One way a value breaks its JSON Schema: where in the value, which keyword, where in the schema, and why.</summary>
    public sealed class SchemaViolation
    {
        /// <summary>Creates a violation.</summary>
        public SchemaViolation(string instanceLocation, string keyword, string schemaLocation, string message)
        {
            InstanceLocation = instanceLocation;
            Keyword = keyword;
            SchemaLocation = schemaLocation;
            Message = message;
        }

        /// <summary>The JSON Pointer of the offending value within the validated one ("" is the whole value).</summary>
        public string InstanceLocation { get; }

        /// <summary>The JSON Schema keyword that is not satisfied (for example <c>maxLength</c>).</summary>
        public string Keyword { get; }

        /// <summary>The keyword's location in the schema file, as a URI fragment (for example <c>#/$defs/Message/properties/name/maxLength</c>).</summary>
        public string SchemaLocation { get; }

        /// <summary>A one-line description of what is wrong.</summary>
        public string Message { get; }

        /// <summary>The instance location (or "(root)"), the message and the schema location.</summary>
        public override string ToString() =>
            (InstanceLocation.Length == 0 ? "(root)" : InstanceLocation) + ": " + Message + " [" + SchemaLocation + "]";
    }

    /// <summary>Helpers of the generated Validate() methods: one compiled check per schema keyword calls these.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    internal static class SchemaValidation
    {
        /// <summary>A compiled schema location: adds what it finds to <paramref name="errors"/> (when given) and returns whether the value is valid.</summary>
        public delegate bool Check(JsonElement value, string path, List<SchemaViolation>? errors);

        /// <summary>No violation (shared, so a valid value allocates nothing).</summary>
        public static readonly IReadOnlyList<SchemaViolation> None = Array.Empty<SchemaViolation>();

        // type masks (Type): what the generated code passes to Is.
        public const int TNull = 1;
        public const int TBoolean = 2;
        public const int TObject = 4;
        public const int TArray = 8;
        public const int TNumber = 16;
        public const int TString = 32;
        public const int TInteger = 64;

        /// <summary>Writes <paramref name="value"/> through its generated converter (exactly what would go on the wire) and checks the JSON.</summary>
        public static IReadOnlyList<SchemaViolation> Validate<T>(T value, JsonTypeInfo<T> info, Check check)
        {
            byte[] json;
            try
            {
                // The same call a client makes to send the value (no second serializer path in a trimmed app).
                json = JsonSerializer.SerializeToUtf8Bytes(value, info);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
            {
                // A value the converter cannot write (a required member left null): the write itself is the violation.
                return new[] { new SchemaViolation(string.Empty, "required", "#", ex.Message) };
            }

            using JsonDocument document = JsonDocument.Parse(json);
            return Run(document.RootElement, check);
        }

        /// <summary>Checks a JSON value against a compiled schema.</summary>
        public static IReadOnlyList<SchemaViolation> Run(JsonElement value, Check check)
        {
            var errors = new List<SchemaViolation>();
            check(value, string.Empty, errors);
            return errors.Count == 0 ? None : errors;
        }

        /// <summary>Records a violation: false when there is no list (the caller only asks whether the value is valid), so it stops at once.</summary>
        public static bool Fail(List<SchemaViolation>? errors, ref bool ok, string path, string keyword, string location, string? argument = null)
        {
            ok = false;
            if (errors is null)
            {
                return false;
            }

            errors.Add(new SchemaViolation(path, keyword, location, Message(keyword, argument)));
            return true;
        }

        /// <summary>Records the violation of a location with a single check; always false (the value is invalid).</summary>
        public static bool Report(List<SchemaViolation>? errors, string path, string keyword, string location, string? argument = null)
        {
            errors?.Add(new SchemaViolation(path, keyword, location, Message(keyword, argument)));
            return false;
        }

        /// <summary>The one-line message of a violated keyword (generated code passes the keyword's value where it helps).</summary>
        public static string Message(string keyword, string? argument) =>
            keyword switch
            {
                "false" => "no value is allowed here",
                "type" => "must be " + argument,
                "enum" => "must be one of the values the schema lists",
                "const" => "must be the value the schema fixes",
                "minimum" => "must be at least " + argument,
                "maximum" => "must be at most " + argument,
                "exclusiveMinimum" => "must be more than " + argument,
                "exclusiveMaximum" => "must be less than " + argument,
                "multipleOf" => "must be a multiple of " + argument,
                "minLength" => "must be at least " + argument + " characters long",
                "maxLength" => "must be at most " + argument + " characters long",
                "pattern" => "must match the schema's pattern",
                "format" => "must be a valid " + argument,
                "minItems" => "must have at least " + argument + " items",
                "maxItems" => "must have at most " + argument + " items",
                "uniqueItems" => "must not hold the same item twice",
                "contains" => "must contain a matching item",
                "minContains" => "must contain at least " + argument + " matching items",
                "maxContains" => "must contain at most " + argument + " matching items",
                "minProperties" => "must have at least " + argument + " members",
                "maxProperties" => "must have at most " + argument + " members",
                "required" => "misses the required member '" + argument + "'",
                "dependentRequired" => "misses member '" + argument + "', which another member requires",
                "additionalProperties" => "member '" + argument + "' is not allowed",
                "anyOf" => "matches none of the alternatives",
                "oneOf" => "matches none of the alternatives",
                "not" => "matches a schema it must not",
                _ => "breaks '" + keyword + "'",
            };

        /// <summary>Takes the result of a subschema: false when the value is invalid and there is no list to collect into.</summary>
        public static bool Ok(bool valid, ref bool ok, List<SchemaViolation>? errors)
        {
            if (valid)
            {
                return true;
            }

            ok = false;
            return errors is not null;
        }

        /// <summary>Checks member <paramref name="name"/> of an object (when it has one): false when it is invalid and there is no list to collect into.</summary>
        public static bool Member(JsonElement value, string name, Check check, string path, List<SchemaViolation>? errors, ref bool ok)
        {
            if (Member(value, name, check, path, errors))
            {
                return true;
            }

            ok = false;
            return errors is not null;
        }

        /// <summary>Whether member <paramref name="name"/> of an object (when it has one) is valid.</summary>
        public static bool Member(JsonElement value, string name, Check check, string path, List<SchemaViolation>? errors) =>
            value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(name, out JsonElement member) || check(member, Child(path, name), errors);

        /// <summary><c>anyOf</c>: at least one alternative matches (see <see cref="OneOf"/> for what is reported).</summary>
        public static bool AnyOf(JsonElement value, string path, List<SchemaViolation>? errors, string location, params Check[] alternatives) =>
            Alternatives(value, path, errors, "anyOf", location, alternatives);

        /// <summary>
        /// <c>oneOf</c>: exactly one alternative matches. When none does, the violation is followed by
        /// those of the closest alternative (fewest violations: for a discriminated union, the variant
        /// the value names), so the report says where inside the value the problem is.
        /// </summary>
        public static bool OneOf(JsonElement value, string path, List<SchemaViolation>? errors, string location, params Check[] alternatives) =>
            Alternatives(value, path, errors, "oneOf", location, alternatives);

        private static bool Alternatives(JsonElement value, string path, List<SchemaViolation>? errors, string keyword, string location, Check[] alternatives)
        {
            int matches = 0;
            foreach (Check alternative in alternatives)
            {
                if (alternative(value, path, null))
                {
                    matches++;
                }
            }

            if (keyword == "oneOf" ? matches == 1 : matches > 0)
            {
                return true;
            }

            if (errors is null)
            {
                return false;
            }

            if (matches > 1)
            {
                errors.Add(new SchemaViolation(path, keyword, location, "matches " + matches.ToString(CultureInfo.InvariantCulture) + " alternatives; exactly one must match"));
                return false;
            }

            List<SchemaViolation>? closest = null;
            foreach (Check alternative in alternatives)
            {
                var found = new List<SchemaViolation>();
                alternative(value, path, found);
                if (closest is null || found.Count < closest.Count)
                {
                    closest = found;
                }
            }

            errors.Add(new SchemaViolation(path, keyword, location, Message(keyword, null)));
            errors.AddRange(closest!);
            return false;
        }

        /// <summary>The JSON Pointer of member <paramref name="name"/> of the value at <paramref name="path"/>.</summary>
        public static string Child(string path, string name) =>
            path + "/" + (name.IndexOf('~') < 0 && name.IndexOf('/') < 0 ? name : name.Replace("~", "~0").Replace("/", "~1"));

        /// <summary>The JSON Pointer of item <paramref name="index"/> of the array at <paramref name="path"/>.</summary>
        public static string Index(string path, int index) => path + "/" + index.ToString(CultureInfo.InvariantCulture);

        /// <summary>Whether the value is of one of the JSON Schema types in <paramref name="mask"/>.</summary>
        public static bool Is(JsonElement value, int mask) =>
            value.ValueKind switch
            {
                JsonValueKind.Null => (mask & TNull) != 0,
                JsonValueKind.True or JsonValueKind.False => (mask & TBoolean) != 0,
                JsonValueKind.Object => (mask & TObject) != 0,
                JsonValueKind.Array => (mask & TArray) != 0,
                JsonValueKind.String => (mask & TString) != 0,
                JsonValueKind.Number => (mask & TNumber) != 0 || ((mask & TInteger) != 0 && IsInteger(value)),
                _ => false,
            };

        /// <summary>An integer in JSON Schema's sense: a number with no fractional part (<c>1.0</c> is one).</summary>
        public static bool IsInteger(JsonElement value)
        {
            if (value.TryGetDecimal(out decimal exact))
            {
                return decimal.Truncate(exact) == exact;
            }

            double number = Double(value);
            return !double.IsInfinity(number) && Math.Floor(number) == number;
        }

        /// <summary>A JSON number as a double; beyond double's range, an infinity of its sign (JsonElement.GetDouble would throw).</summary>
        public static double Double(JsonElement value) =>
            value.TryGetDouble(out double number) ? number : value.GetRawText().StartsWith("-", StringComparison.Ordinal) ? double.NegativeInfinity : double.PositiveInfinity;

        /// <summary>The length of a string in code points, as JSON Schema counts (a surrogate pair is one).</summary>
        public static int Length(JsonElement value)
        {
            string text = value.GetString()!;
            int length = text.Length;
            for (int i = 0; i + 1 < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
                {
                    length--;
                    i++;
                }
            }

            return length;
        }

        /// <summary>Compares a JSON number with a limit exactly when both fit a decimal.</summary>
        public static int Compare(JsonElement value, decimal limit) =>
            value.TryGetDecimal(out decimal exact) ? exact.CompareTo(limit) : Double(value).CompareTo((double)limit);

        /// <summary>Compares a JSON number with a limit that does not fit a decimal.</summary>
        public static int Compare(JsonElement value, double limit) => Double(value).CompareTo(limit);

        /// <summary><c>multipleOf</c> without binary floating-point error: exact in decimal where the value fits.</summary>
        public static bool MultipleOf(JsonElement value, decimal divisor)
        {
            if (value.TryGetDecimal(out decimal exact))
            {
                try
                {
                    return exact % divisor == 0;
                }
                catch (OverflowException)
                {
                    // Too far apart for a decimal: fall through to the tolerant check.
                }
            }

            return MultipleOf(value, (double)divisor);
        }

        /// <summary><c>multipleOf</c> in doubles, tolerant of rounding; when the quotient overflows, by the exact remainder.</summary>
        public static bool MultipleOf(JsonElement value, double divisor)
        {
            double number = Double(value);
            double quotient = number / divisor;
            if (double.IsInfinity(quotient) || double.IsNaN(quotient))
            {
                // The quotient overflows (1e308 / 0.5): the exact remainder still says (0.123456789 does not divide 1e308).
                return !double.IsInfinity(number) && Math.IEEERemainder(number, divisor) == 0;
            }

            return Math.Abs(quotient - Math.Round(quotient)) <= 1e-9 * Math.Max(1, Math.Abs(quotient));
        }

        /// <summary>A JSON constant of the schema (an enum's array or a const), parsed once.</summary>
        public static JsonElement Parse(string json)
        {
            using JsonDocument document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }

        /// <summary>Whether <paramref name="value"/> equals one of the items of <paramref name="values"/> (JSON equality).</summary>
        public static bool In(JsonElement value, JsonElement values)
        {
            foreach (JsonElement candidate in values.EnumerateArray())
            {
                if (JsonEquals(value, candidate))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>JSON Schema equality: numbers by value (<c>1</c> equals <c>1.0</c>), objects regardless of member order.</summary>
        public static bool JsonEquals(JsonElement left, JsonElement right)
        {
            if (left.ValueKind != right.ValueKind)
            {
                return false;
            }

            switch (left.ValueKind)
            {
                case JsonValueKind.Number:
                    return left.TryGetDecimal(out decimal a) && right.TryGetDecimal(out decimal b) ? a == b : Double(left) == Double(right);
                case JsonValueKind.String:
                    return left.ValueEquals(right.GetString());
                case JsonValueKind.Array:
                    if (left.GetArrayLength() != right.GetArrayLength())
                    {
                        return false;
                    }

                    using (JsonElement.ArrayEnumerator l = left.EnumerateArray(), r = right.EnumerateArray())
                    {
                        while (l.MoveNext() && r.MoveNext())
                        {
                            if (!JsonEquals(l.Current, r.Current))
                            {
                                return false;
                            }
                        }
                    }

                    return true;
                case JsonValueKind.Object:
                    int count = 0;
                    foreach (JsonProperty property in left.EnumerateObject())
                    {
                        count++;
                        if (!right.TryGetProperty(property.Name, out JsonElement other) || !JsonEquals(property.Value, other))
                        {
                            return false;
                        }
                    }

                    foreach (JsonProperty unused in right.EnumerateObject())
                    {
                        count--;
                    }

                    return count == 0;
                default:
                    return true;
            }
        }

        /// <summary>Whether an array holds two equal items (JSON equality).</summary>
        public static bool HasDuplicates(JsonElement array)
        {
            var items = new List<JsonElement>();
            foreach (JsonElement item in array.EnumerateArray())
            {
                foreach (JsonElement seen in items)
                {
                    if (JsonEquals(item, seen))
                    {
                        return true;
                    }
                }

                items.Add(item);
            }

            return false;
        }

        /// <summary>The number of members of an object.</summary>
        public static int Count(JsonElement value)
        {
            int count = 0;
            foreach (JsonProperty unused in value.EnumerateObject())
            {
                count++;
            }

            return count;
        }

        /// <summary>A member name as a JSON string, for <c>propertyNames</c>.</summary>
        public static JsonElement NameElement(string name)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStringValue(name);
            }

            using JsonDocument document = JsonDocument.Parse(buffer.WrittenMemory);
            return document.RootElement.Clone();
        }

        /// <summary>A pattern of the schema, translated to .NET when the generator compiled the schema (interpreted: AOT-safe).</summary>
        public static Regex Pattern(string pattern) => SchemaRuntime.SchemaRegex(pattern);

        /// <summary>Whether a string value matches a pattern anywhere (ECMA-262 patterns are not anchored).</summary>
        public static bool Matches(Regex pattern, JsonElement value) => pattern.IsMatch(value.GetString()!);

        /// <summary>A format assertion (only generated when ValidateFormats is on); unknown formats pass.</summary>
        public static bool Format(JsonElement value, string format)
        {
            string text = value.GetString()!;
            switch (format)
            {
                case "date-time":
                    return Regex.IsMatch(text, @"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)
                        && DateTimeOffset.TryParse(text.Replace("t", "T").Replace("z", "Z"), CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
                case "date":
                    return Regex.IsMatch(text, @"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)
                        && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
                case "time":
                    return Regex.IsMatch(text, @"^([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$", RegexOptions.CultureInvariant);
                case "email":
                    return Regex.IsMatch(text, @"^[^@\s]+@[^@\s]+$", RegexOptions.CultureInvariant);
                case "ipv4":
                    return Regex.IsMatch(text, @"^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$", RegexOptions.CultureInvariant);
                case "ipv6":
                    return text.IndexOf(':') >= 0 && System.Net.IPAddress.TryParse(text, out System.Net.IPAddress? address)
                        && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && text.IndexOf('%') < 0;
                case "uuid":
                    return Regex.IsMatch(text, "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant);
                case "uri":
                    return Uri.TryCreate(text, UriKind.Absolute, out _) && text.IndexOf(' ') < 0;
                case "uri-reference":
                    return Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out _) && text.IndexOf(' ') < 0;
                case "hostname":
                    return text.Length <= 253 && Regex.IsMatch(text, @"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))*$", RegexOptions.CultureInvariant);
                case "regex":
                    try
                    {
                        _ = new Regex(text, RegexOptions.None, TimeSpan.FromSeconds(1));
                        return true;
                    }
                    catch (ArgumentException)
                    {
                        return false;
                    }

                default:
                    return true;
            }
        }
    }
}
