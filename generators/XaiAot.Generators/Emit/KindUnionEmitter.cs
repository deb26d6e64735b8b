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
            var codec = new ValueCodec(spec, runtime);
            var body = new SourceWriter();
            EmitMembers(body, spec, type);
            body.Line();
            EmitRead(body, spec, type, codec);
            body.Line();
            EmitWrite(body, spec, type, codec);

            var w = new SourceWriter();
            CSharp.Header(w, spec.Namespace);
            CSharp.Doc(w, type.Doc ?? "One of: " + string.Join(", ", type.Alternatives.Select(a => a.Kind.ToString().ToLowerInvariant())) + ".");
            w.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + converter + "))]");
            w.Line(CSharp.GeneratedCode);
            CSharp.Obsolete(w, type.Deprecated);
            w.Open("public readonly partial struct " + name + " : global::System.IEquatable<" + name + ">");
            foreach (string field in codec.StaticFields)
            {
                w.Line(field);
            }

            bool hasReference = HasReference(type);
            if (hasReference)
            {
                w.Line("private readonly object? _reference;");
            }

            if (Has(type, UnionKind.Integer))
            {
                w.Line("private readonly long _integer;");
            }

            if (Has(type, UnionKind.Number))
            {
                w.Line("private readonly double _number;");
            }

            if (Has(type, UnionKind.Boolean))
            {
                w.Line("private readonly bool _boolean;");
            }

            CSharp.Doc(w, "Which alternative is held: 0 for none (default), else its position plus one.");
            w.Line("private readonly byte _case;");
            w.Line();
            w.Lines(body.ToString().TrimEnd('\n'));
            w.Close();
            return w.ToString();
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

        private static void EmitMembers(SourceWriter w, GenerationSpec spec, KindUnionSpec type)
        {
            string name = type.Name;
            for (int i = 0; i < type.Alternatives.Count; i++)
            {
                UnionAlternative alternative = type.Alternatives[i];
                string altType = CSharp.TypeOf(spec, alternative.Type, nullable: false);
                string caseNumber = (i + 1).ToString(CultureInfo.InvariantCulture);
                bool reference = !alternative.Type.IsValueType;
                CSharp.Doc(w, "Holds " + ObjectEmitter.Describe(alternative.Type) + ".");
                w.Open("public " + name + "(" + altType + " value)");
                if (reference)
                {
                    w.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
                }

                w.Line(Field(alternative) + " = " + Store(alternative, "value") + ";");
                w.Line("_case = " + caseNumber + ";");
                w.Close();
                w.Line();
                w.Line("public bool Is" + alternative.CaseName + " => _case == " + caseNumber + ";");
                w.Line();
                CSharp.Doc(w, "The held value; throws InvalidOperationException when another alternative is held.");
                w.Line("public " + altType + " As" + alternative.CaseName + " => _case == " + caseNumber + " ? " + Load(spec, alternative)
                    + " : throw new global::System.InvalidOperationException(" + CSharp.StringLiteral(name + " holds another alternative than " + alternative.CaseName + ".") + ");");
                w.Line();
                w.Open("public bool TryGet" + alternative.CaseName + "(" + (reference ? "[global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out " + altType + "? value" : "out " + altType + " value") + ")");
                w.Line("value = _case == " + caseNumber + " ? " + Load(spec, alternative) + " : default;");
                w.Line("return _case == " + caseNumber + ";");
                w.Close();
                w.Line();
                if (alternative.Type.Kind == ValueKind.Array)
                {
                    // C# has no user-defined conversion from an interface type; arrays and lists convert.
                    string element = CSharp.TypeOf(spec, alternative.Type.Element!, alternative.Type.Element!.Nullable);
                    w.Line("public static implicit operator " + name + "(" + element + "[] value) => new " + name + "(value);");
                    w.Line();
                    w.Line("public static implicit operator " + name + "(global::System.Collections.Generic.List<" + element + "> value) => new " + name + "(value);");
                }
                else if (alternative.Type.Kind == ValueKind.Map)
                {
                    string element = CSharp.TypeOf(spec, alternative.Type.Element!, alternative.Type.Element!.Nullable);
                    w.Line("public static implicit operator " + name + "(global::System.Collections.Generic.Dictionary<string, " + element + "> value) => new " + name + "(value);");
                }
                else
                {
                    w.Line("public static implicit operator " + name + "(" + altType + " value) => new " + name + "(value);");
                }

                w.Line();
            }

            w.Line("public static bool operator ==(" + name + " left, " + name + " right) => left.Equals(right);");
            w.Line();
            w.Line("public static bool operator !=(" + name + " left, " + name + " right) => !left.Equals(right);");
            w.Line();
            string equals = "_case == other._case" + (HasReference(type) ? " && global::System.Object.Equals(_reference, other._reference)" : string.Empty);
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

            w.Line("public bool Equals(" + name + " other) => " + equals + ";");
            w.Line();
            w.Line("public override bool Equals(object? obj) => obj is " + name + " other && Equals(other);");
            w.Line();
            string hash = "global::System.HashCode.Combine(_case" + (HasReference(type) ? ", _reference" : string.Empty)
                + (Has(type, UnionKind.Integer) ? ", _integer" : string.Empty)
                + (Has(type, UnionKind.Number) ? ", _number" : string.Empty)
                + (Has(type, UnionKind.Boolean) ? ", _boolean" : string.Empty) + ")";
            w.Line("public override int GetHashCode() => " + hash + ";");
            w.Line();
            w.Open("public override string ToString()");
            w.Open("switch (_case)");
            for (int i = 0; i < type.Alternatives.Count; i++)
            {
                UnionAlternative alternative = type.Alternatives[i];
                w.Line("case " + (i + 1).ToString(CultureInfo.InvariantCulture) + ":");
                string text = Storage(alternative) switch
                {
                    "Integer" => "_integer.ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
                    "Number" => "_number.ToString(\"R\", global::System.Globalization.CultureInfo.InvariantCulture)",
                    "Boolean" => "_boolean ? \"true\" : \"false\"",
                    _ => "_reference!.ToString() ?? string.Empty",
                };
                w.Indent().Line("return " + text + ";").Outdent();
            }

            w.Line("default:");
            w.Indent().Line("return string.Empty;").Outdent();
            w.Close();
            w.Close();
        }

        private static void EmitRead(SourceWriter w, GenerationSpec spec, KindUnionSpec type, ValueCodec codec)
        {
            string name = type.Name;
            string rt = codec.Runtime;
            string expected = string.Join(" or ", type.Alternatives.Select(a => ObjectEmitter.Describe(a.Type)));
            w.Line(CSharp.NeverBrowsable);
            w.Open("internal static " + name + " JsonRead(ref " + CSharp.Reader + " reader)");
            w.Line("int index = -1;");
            w.Open("try");
            w.Open("switch (reader.TokenType)");
            UnionAlternative? integer = type.Alternatives.FirstOrDefault(a => a.Kind == UnionKind.Integer);
            UnionAlternative? number = type.Alternatives.FirstOrDefault(a => a.Kind == UnionKind.Number);
            foreach (UnionAlternative alternative in type.Alternatives)
            {
                switch (alternative.Kind)
                {
                    case UnionKind.String:
                        Case(w, spec, codec, name, alternative, CSharp.Token + ".String");
                        break;
                    case UnionKind.Boolean:
                        w.Line("case " + CSharp.Token + ".True:");
                        Case(w, spec, codec, name, alternative, CSharp.Token + ".False");
                        break;
                    case UnionKind.Array:
                        Case(w, spec, codec, name, alternative, CSharp.Token + ".StartArray");
                        break;
                    case UnionKind.Object:
                        Case(w, spec, codec, name, alternative, CSharp.Token + ".StartObject");
                        break;
                    case UnionKind.Integer when number is not null:
                        // Both integer and number: whole numbers that fit a long are the integer alternative.
                        w.Line("case " + CSharp.Token + ".Number:");
                        w.Indent();
                        w.Open("if (reader.TryGetInt64(out long whole))");
                        w.Line("return new " + name + "(whole);");
                        w.Close();
                        w.Line();
                        w.Line("return new " + name + "(" + rt + ".ReadDouble(ref reader));");
                        w.Outdent();
                        break;
                    case UnionKind.Integer:
                        Case(w, spec, codec, name, alternative, CSharp.Token + ".Number");
                        break;
                    case UnionKind.Number when integer is null:
                        Case(w, spec, codec, name, alternative, CSharp.Token + ".Number");
                        break;
                }
            }

            w.Line("default:");
            w.Indent().Line("throw " + rt + ".Unexpected(ref reader, " + CSharp.StringLiteral(expected + " (" + name + ")") + ");").Outdent();
            w.Close();
            w.Close();
            w.Open("catch (global::System.Exception ex) when (" + rt + ".AddPath(ex, null, index))");
            w.Line("throw; // not reached: AddPath records where the error happened and returns false");
            w.Close();
            w.Close();
        }

        private static void Case(SourceWriter w, GenerationSpec spec, ValueCodec codec, string name, UnionAlternative alternative, string token)
        {
            w.Line("case " + token + ":");
            w.Open("{");
            w.Line(CSharp.TypeOf(spec, alternative.Type, nullable: false) + " value;");
            codec.Read(w, alternative.Type, "value");
            w.Line("return new " + name + "(value);");
            w.Close();
        }

        private static void EmitWrite(SourceWriter w, GenerationSpec spec, KindUnionSpec type, ValueCodec codec)
        {
            w.Line(CSharp.NeverBrowsable);
            w.Open("internal static void JsonWrite(" + CSharp.Writer + " writer, " + type.Name + " value)");
            w.Open("switch (value._case)");
            for (int i = 0; i < type.Alternatives.Count; i++)
            {
                UnionAlternative alternative = type.Alternatives[i];
                w.Line("case " + (i + 1).ToString(CultureInfo.InvariantCulture) + ":");
                w.Indent();
                codec.Write(w, alternative.Type, Load(spec, alternative, "value."));
                w.Line("return;");
                w.Outdent();
            }

            w.Line("default:");
            w.Indent().Line("writer.WriteNullValue();").Line("return;").Outdent();
            w.Close();
            w.Close();
        }
    }
}
