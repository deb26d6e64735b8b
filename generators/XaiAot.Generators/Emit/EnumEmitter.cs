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
            var w = new SourceWriter();
            CSharp.Header(w, spec.Namespace);
            CSharp.Doc(w, type.Doc, "An open enum: values not listed here are kept in Value and written back unchanged.");
            w.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + converter + "))]");
            w.Line(CSharp.GeneratedCode);
            CSharp.Obsolete(w, type.Deprecated);
            w.Open("public readonly partial struct " + name + " : global::System.IEquatable<" + name + ">");
            w.Line("private readonly string? _value;");
            w.Line();
            CSharp.Doc(w, "Wraps any value, known or not.");
            w.Open("public " + name + "(string value)");
            w.Line("_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
            w.Close();
            foreach (EnumValueSpec value in type.Values)
            {
                w.Line();
                CSharp.Doc(w, "The value " + CSharp.StringLiteral(value.Value) + ".");
                w.Line("public static " + name + " " + value.CSharpName + " { get; } = new " + name + "(" + CSharp.StringLiteral(value.Value) + ");");
            }

            w.Line();
            CSharp.Doc(w, "The values the schema lists, in schema order.");
            w.Line("public static global::System.Collections.Generic.IReadOnlyList<" + name + "> KnownValues { get; } = new " + name + "[] { "
                + string.Join(", ", type.Values.Select(v => v.CSharpName)) + " };");
            w.Line();
            CSharp.Doc(w, "The value as sent on the wire (empty for default).");
            w.Line("public string Value => _value ?? string.Empty;");
            w.Line();
            CSharp.Doc(w, "True when the value is one the schema lists.");
            w.Open("public bool IsKnown");
            w.Open("get");
            w.Open("switch (Value)");
            foreach (EnumValueSpec value in type.Values)
            {
                w.Line("case " + CSharp.StringLiteral(value.Value) + ":");
            }

            w.Indent().Line("return true;").Outdent();
            w.Line("default:");
            w.Indent().Line("return false;").Outdent();
            w.Close();
            w.Close();
            w.Close();
            w.Line();
            w.Line("public static implicit operator " + name + "(string value) => new " + name + "(value);");
            w.Line();
            w.Line("public static bool operator ==(" + name + " left, " + name + " right) => left.Equals(right);");
            w.Line();
            w.Line("public static bool operator !=(" + name + " left, " + name + " right) => !left.Equals(right);");
            w.Line();
            w.Line("public bool Equals(" + name + " other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
            w.Line();
            w.Line("public override bool Equals(object? obj) => obj is " + name + " other && Equals(other);");
            w.Line();
            w.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
            w.Line();
            w.Line("public override string ToString() => Value;");
            w.Line();
            w.Line(CSharp.NeverBrowsable);
            w.Open("internal static " + name + " JsonRead(ref " + CSharp.Reader + " reader)");
            w.Open("if (reader.TokenType != " + CSharp.Token + ".String)");
            w.Line("throw " + runtime + ".Unexpected(ref reader, " + CSharp.StringLiteral("a string (" + name + ")") + ");");
            w.Close();
            w.Line();
            w.Open("if (!reader.HasValueSequence && !reader.ValueIsEscaped)");
            w.Line("global::System.ReadOnlySpan<byte> span = reader.ValueSpan;");
            w.Open("switch (span.Length)");
            foreach (IGrouping<int, EnumValueSpec> group in type.Values.GroupBy(v => System.Text.Encoding.UTF8.GetByteCount(v.Value)).OrderBy(g => g.Key))
            {
                w.Line("case " + group.Key.ToString(CultureInfo.InvariantCulture) + ":");
                w.Indent();
                foreach (EnumValueSpec value in group)
                {
                    w.Open("if (global::System.MemoryExtensions.SequenceEqual(span, " + CSharp.Utf8Literal(value.Value) + "))");
                    w.Line("return " + value.CSharpName + ";");
                    w.Close();
                }

                w.Line("break;");
                w.Outdent();
            }

            w.Close();
            w.Close();
            w.Line();
            w.Line("return new " + name + "(reader.GetString()!);");
            w.Close();
            w.Line();
            w.Line(CSharp.NeverBrowsable);
            w.Line("internal static void JsonWrite(" + CSharp.Writer + " writer, " + name + " value) => writer.WriteStringValue(value.Value);");
            w.Close();
            return w.ToString();
        }
    }
}
