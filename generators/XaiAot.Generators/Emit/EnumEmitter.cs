using System.Globalization;
using System.Linq;
using XaiAot.Generators.Model;

namespace XaiAot.Generators.Emit
{
    /// <summary>
    /// A string enum -> an open enum: a readonly struct with a static property per known value that
    /// keeps any other value the server sends (a closed C# enum would throw on the first new one).
    /// Known values are matched on their UTF-8 bytes and reuse one string instance each.
    /// </summary>
    internal static class EnumEmitter
    {
        public static string Emit(GenerationSpec spec, EnumSpec type, string runtime, string converter)
        {
            string name = type.Name;
            var writer = new SourceWriter();
            CSharp.Header(writer, spec.Namespace, runtime);
            CSharp.Doc(writer, type.Doc, "An open enum: values not listed here are kept in Value and written back unchanged.");
            writer.Line("[stj::Serialization.JsonConverter(typeof(" + converter + "))]");
            writer.Line(CSharp.GeneratedCode);
            CSharp.Obsolete(writer, type.Deprecated);
            writer.Open("public readonly partial struct " + name + " : sys::IEquatable<" + name + ">");
            writer.Lines($$"""
                private readonly string? _value;

                /// <summary>Wraps any value, known or not.</summary>
                public {{name}}(string value)
                {
                    _value = value ?? throw new sys::ArgumentNullException(nameof(value));
                }

                """);
            foreach (EnumValueSpec value in type.Values)
            {
                writer.Line("public static " + name + " " + value.CSharpName + " { get; } = new " + name + "(" + CSharp.StringLiteral(value.Value) + ");");
            }

            writer.Lines($$"""

                /// <summary>The values the schema lists, in schema order.</summary>
                public static scg::IReadOnlyList<{{name}}> KnownValues { get; } = new {{name}}[] { {{string.Join(", ", type.Values.Select(v => v.CSharpName))}} };

                /// <summary>The value as sent on the wire (empty for default).</summary>
                public string Value => _value ?? string.Empty;

                /// <summary>True when the value is one the schema lists.</summary>
                public bool IsKnown => {{(type.Values.Count == 0 ? "false" : "Value is " + string.Join(" or ", type.Values.Select(v => CSharp.StringLiteral(v.Value))))}};

                public static implicit operator {{name}}(string value) => new {{name}}(value);

                public static bool operator ==({{name}} left, {{name}} right) => left.Equals(right);

                public static bool operator !=({{name}} left, {{name}} right) => !left.Equals(right);

                public bool Equals({{name}} other) => string.Equals(Value, other.Value, sys::StringComparison.Ordinal);

                public override bool Equals(object? obj) => obj is {{name}} other && Equals(other);

                public override int GetHashCode() => sys::StringComparer.Ordinal.GetHashCode(Value);

                public override string ToString() => Value;

                internal static {{name}} JsonRead(ref stj::Utf8JsonReader reader)
                {
                    if (reader.TokenType != stj::JsonTokenType.String)
                    {
                        throw rt.Unexpected(ref reader, {{CSharp.StringLiteral("a string (" + name + ")")}});
                    }

                    if (!reader.HasValueSequence && !reader.ValueIsEscaped)
                    {
                        sys::ReadOnlySpan<byte> span = reader.ValueSpan;
                        switch (span.Length)
                        {
                """);
            writer.Indent().Indent().Indent();
            foreach (EnumValueSpec value in type.Values.OrderBy(v => System.Text.Encoding.UTF8.GetByteCount(v.Value)))
            {
                writer.Line("case " + System.Text.Encoding.UTF8.GetByteCount(value.Value).ToString(CultureInfo.InvariantCulture) + " when rt.Is(span, " + CSharp.Utf8Literal(value.Value) + "): return " + value.CSharpName + ";");
            }

            writer.Outdent().Outdent().Outdent();
            writer.Lines($$"""
                        }
                    }

                    return new {{name}}(reader.GetString()!);
                }

                internal static void JsonWrite(stj::Utf8JsonWriter writer, {{name}} value) => writer.WriteStringValue(value.Value);
                """);
            writer.Close();
            return writer.ToString();
        }
    }
}
