using System.Globalization;
using System.Linq;
using XaiAot.Generators.Model;

namespace XaiAot.Generators.Emit
{
    /// <summary>
    /// A union told apart by JSON kind (string | array | object | number | boolean) -> a readonly
    /// struct holding one alternative, with <c>Is…</c>/<c>As…</c>/<c>TryGet…</c> accessors and an
    /// implicit conversion from each alternative. Reading dispatches on the token kind, so it costs
    /// no look-ahead; numbers, booleans and enum strings are stored without boxing.
    /// </summary>
    internal static class KindUnionEmitter
    {
        public static string Emit(GenerationSpec spec, KindUnionSpec type, string runtime, string converter)
        {
            string name = type.Name;
            var codec = new ValueCodec(spec);
            var writer = new SourceWriter();
            CSharp.Header(writer, spec.Namespace, runtime);
            CSharp.Doc(writer, type.Doc ?? "One of: " + string.Join(", ", type.Alternatives.Select(a => a.Kind.ToString().ToLowerInvariant())) + ".");
            writer.Line("[stj::Serialization.JsonConverter(typeof(" + converter + "))]");
            writer.Line(CSharp.GeneratedCode);
            CSharp.Obsolete(writer, type.Deprecated);
            writer.Open("public readonly partial struct " + name + " : sys::IEquatable<" + name + ">");
            if (HasReference(type))
            {
                writer.Line("private readonly object? _reference;");
            }

            if (Has(type, UnionKind.Integer))
            {
                writer.Line("private readonly long _integer;");
            }

            if (Has(type, UnionKind.Number))
            {
                writer.Line("private readonly double _number;");
            }

            if (Has(type, UnionKind.Boolean))
            {
                writer.Line("private readonly bool _boolean;");
            }

            CSharp.Doc(writer, "Which alternative is held: 0 for none (default), else its position plus one.");
            writer.Line("private readonly byte _case;");
            writer.Line();
            EmitMembers(writer, spec, type);
            writer.Line();
            EmitRead(writer, spec, type, codec);
            writer.Line();
            EmitWrite(writer, spec, type, codec);
            writer.Close();
            return writer.ToString();
        }

        /// <summary>True when some alternative lives in the reference field (else it is not declared: CS0649).</summary>
        private static bool HasReference(KindUnionSpec type) => type.Alternatives.Any(a => Storage(a) == "Reference");

        private static bool Has(KindUnionSpec type, UnionKind kind) => type.Alternatives.Any(a => a.Kind == kind && Storage(a) == kind.ToString());

        /// <summary>Where an alternative lives: a dedicated field for numbers and booleans, else the reference field.</summary>
        private static string Storage(UnionAlternative alternative) =>
            alternative.Type.Kind switch
            {
                ValueKind.Integer => "Integer",
                ValueKind.Number => "Number",
                ValueKind.Boolean => "Boolean",
                ValueKind.Const => alternative.Type.Const!.Kind switch
                {
                    ValueKind.Integer => "Integer",
                    ValueKind.Number => "Number",
                    ValueKind.Boolean => "Boolean",
                    _ => "Reference",
                },
                _ => "Reference",
            };

        private static string Field(UnionAlternative alternative) =>
            Storage(alternative) switch
            {
                "Integer" => "_integer",
                "Number" => "_number",
                "Boolean" => "_boolean",
                _ => "_reference",
            };

        /// <summary>The value stored for <paramref name="value"/> (enums keep only their string).</summary>
        private static string Store(UnionAlternative alternative, string value) =>
            alternative.Type is { Kind: ValueKind.Named, NamedKind: NamedKind.Enum } ? value + ".Value" : value;

        /// <summary>The held alternative as an expression of its own type, read from <paramref name="receiver"/>'s fields.</summary>
        private static string Load(GenerationSpec spec, UnionAlternative alternative, string receiver = "")
        {
            string type = CSharp.TypeOf(spec, alternative.Type, nullable: false);
            return Storage(alternative) != "Reference"
                ? receiver + Field(alternative)
                : alternative.Type is { Kind: ValueKind.Named, NamedKind: NamedKind.Enum }
                    ? "new " + type + "((string)" + receiver + "_reference!)"
                    : "((" + type + ")" + receiver + "_reference!)";
        }

        private static void EmitMembers(SourceWriter writer, GenerationSpec spec, KindUnionSpec type)
        {
            string name = type.Name;
            for (int i = 0; i < type.Alternatives.Count; i++)
            {
                UnionAlternative alternative = type.Alternatives[i];
                string altType = CSharp.TypeOf(spec, alternative.Type, nullable: false);
                string caseNumber = (i + 1).ToString(CultureInfo.InvariantCulture);
                bool reference = !alternative.Type.IsValueType;
                CSharp.Doc(writer, "Holds " + ObjectEmitter.Describe(alternative.Type) + ".");
                writer.Open("public " + name + "(" + altType + " value)");
                if (reference)
                {
                    writer.Line("sys::ArgumentNullException.ThrowIfNull(value);");
                }

                writer.Line(Field(alternative) + " = " + Store(alternative, "value") + ";");
                writer.Line("_case = " + caseNumber + ";");
                writer.Close();
                writer.Line();
                writer.Line("public bool Is" + alternative.CaseName + " => _case == " + caseNumber + ";");
                writer.Line();
                CSharp.Doc(writer, "The held value; throws InvalidOperationException when another alternative is held.");
                writer.Line("public " + altType + " As" + alternative.CaseName + " => _case == " + caseNumber + " ? " + Load(spec, alternative)
                    + " : throw new sys::InvalidOperationException(" + CSharp.StringLiteral(name + " holds another alternative than " + alternative.CaseName + ".") + ");");
                writer.Line();
                writer.Open("public bool TryGet" + alternative.CaseName + "(" + (reference ? "[sys::Diagnostics.CodeAnalysis.NotNullWhen(true)] out " + altType + "? value" : "out " + altType + " value") + ")");
                writer.Line("value = _case == " + caseNumber + " ? " + Load(spec, alternative) + " : default;");
                writer.Line("return _case == " + caseNumber + ";");
                writer.Close();
                writer.Line();
                if (alternative.Type.Kind == ValueKind.Array)
                {
                    // C# has no user-defined conversion from an interface type; arrays and lists convert.
                    string element = CSharp.TypeOf(spec, alternative.Type.Element!, alternative.Type.Element!.Nullable);
                    writer.Line("public static implicit operator " + name + "(" + element + "[] value) => new " + name + "(value);");
                    writer.Line();
                    writer.Line("public static implicit operator " + name + "(scg::List<" + element + "> value) => new " + name + "(value);");
                }
                else if (alternative.Type.Kind == ValueKind.Map)
                {
                    string element = CSharp.TypeOf(spec, alternative.Type.Element!, alternative.Type.Element!.Nullable);
                    writer.Line("public static implicit operator " + name + "(scg::Dictionary<string, " + element + "> value) => new " + name + "(value);");
                }
                else
                {
                    writer.Line("public static implicit operator " + name + "(" + altType + " value) => new " + name + "(value);");
                }

                writer.Line();
            }

            writer.Line("public static bool operator ==(" + name + " left, " + name + " right) => left.Equals(right);");
            writer.Line();
            writer.Line("public static bool operator !=(" + name + " left, " + name + " right) => !left.Equals(right);");
            writer.Line();
            string equals = "_case == other._case" + (HasReference(type) ? " && object.Equals(_reference, other._reference)" : string.Empty);
            if (Has(type, UnionKind.Integer))
            {
                equals += " && _integer == other._integer";
            }

            if (Has(type, UnionKind.Number))
            {
                equals += " && _number.Equals(other._number)";
            }

            if (Has(type, UnionKind.Boolean))
            {
                equals += " && _boolean == other._boolean";
            }

            writer.Line("public bool Equals(" + name + " other) => " + equals + ";");
            writer.Line();
            writer.Line("public override bool Equals(object? obj) => obj is " + name + " other && Equals(other);");
            writer.Line();
            string hash = "sys::HashCode.Combine(_case" + (HasReference(type) ? ", _reference" : string.Empty)
                + (Has(type, UnionKind.Integer) ? ", _integer" : string.Empty)
                + (Has(type, UnionKind.Number) ? ", _number" : string.Empty)
                + (Has(type, UnionKind.Boolean) ? ", _boolean" : string.Empty) + ")";
            writer.Line("public override int GetHashCode() => " + hash + ";");
            writer.Line();
            writer.Open("public override string ToString()");
            writer.Open("switch (_case)");
            for (int i = 0; i < type.Alternatives.Count; i++)
            {
                UnionAlternative alternative = type.Alternatives[i];
                writer.Line("case " + (i + 1).ToString(CultureInfo.InvariantCulture) + ":");
                string text = Storage(alternative) switch
                {
                    "Integer" => "_integer.ToString(sys::Globalization.CultureInfo.InvariantCulture)",
                    "Number" => "_number.ToString(\"R\", sys::Globalization.CultureInfo.InvariantCulture)",
                    "Boolean" => "_boolean ? \"true\" : \"false\"",
                    _ => "_reference!.ToString() ?? string.Empty",
                };
                writer.Indent().Line("return " + text + ";").Outdent();
            }

            writer.Line("default:");
            writer.Indent().Line("return string.Empty;").Outdent();
            writer.Close();
            writer.Close();
        }

        private static void EmitRead(SourceWriter writer, GenerationSpec spec, KindUnionSpec type, ValueCodec codec)
        {
            string name = type.Name;
            string expected = string.Join(" or ", type.Alternatives.Select(a => ObjectEmitter.Describe(a.Type)));
            writer.Open("internal static " + name + " JsonRead(ref stj::Utf8JsonReader reader)");
            writer.Open("switch (reader.TokenType)");
            UnionAlternative? integer = type.Alternatives.FirstOrDefault(a => a.Kind == UnionKind.Integer);
            UnionAlternative? number = type.Alternatives.FirstOrDefault(a => a.Kind == UnionKind.Number);
            foreach (UnionAlternative alternative in type.Alternatives)
            {
                switch (alternative.Kind)
                {
                    case UnionKind.String:
                        Case(writer, codec, name, alternative, CSharp.Token + ".String");
                        break;
                    case UnionKind.Boolean:
                        writer.Line("case " + CSharp.Token + ".True:");
                        Case(writer, codec, name, alternative, CSharp.Token + ".False");
                        break;
                    case UnionKind.Array:
                        Case(writer, codec, name, alternative, CSharp.Token + ".StartArray");
                        break;
                    case UnionKind.Object:
                        Case(writer, codec, name, alternative, CSharp.Token + ".StartObject");
                        break;
                    case UnionKind.Integer when number is not null:
                        // Both integer and number: whole numbers that fit a long are the integer alternative.
                        writer.Line("case " + CSharp.Token + ".Number:");
                        writer.Indent();
                        writer.Open("if (reader.TryGetInt64(out long whole))");
                        writer.Line("return new " + name + "(whole);");
                        writer.Close();
                        writer.Line();
                        writer.Line("return new " + name + "(rt.ReadDouble(ref reader));");
                        writer.Outdent();
                        break;
                    case UnionKind.Integer:
                        Case(writer, codec, name, alternative, CSharp.Token + ".Number");
                        break;
                    case UnionKind.Number when integer is null:
                        Case(writer, codec, name, alternative, CSharp.Token + ".Number");
                        break;
                }
            }

            writer.Line("default:");
            writer.Indent().Line("throw rt.Unexpected(ref reader, " + CSharp.StringLiteral(expected + " (" + name + ")") + ");").Outdent();
            writer.Close();
            writer.Close();
        }

        private static void Case(SourceWriter writer, ValueCodec codec, string name, UnionAlternative alternative, string token)
        {
            writer.Line("case " + token + ":");
            writer.Indent().Line("return new " + name + "(" + codec.Read(alternative.Type) + ");").Outdent();
        }

        private static void EmitWrite(SourceWriter writer, GenerationSpec spec, KindUnionSpec type, ValueCodec codec)
        {
            writer.Open("internal static void JsonWrite(stj::Utf8JsonWriter writer, " + type.Name + " value)");
            writer.Open("switch (value._case)");
            for (int i = 0; i < type.Alternatives.Count; i++)
            {
                UnionAlternative alternative = type.Alternatives[i];
                writer.Line("case " + (i + 1).ToString(CultureInfo.InvariantCulture) + ":");
                writer.Indent();
                writer.Line(codec.Write(alternative.Type, Load(spec, alternative, "value.")));
                writer.Line("return;");
                writer.Outdent();
            }

            writer.Line("default:");
            writer.Indent().Line("writer.WriteNullValue();").Line("return;").Outdent();
            writer.Close();
            writer.Close();
        }
    }
}
