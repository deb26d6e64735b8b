using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using XaiAot.Generators.Model;

namespace XaiAot.Generators.Emit
{
    /// <summary>
    /// <c>{Context}.Validation.g.cs</c>: each generated type's <c>Validate()</c>, the context's
    /// <c>Validators</c> (one per top-level schema, over any JSON value) and the compiled checks behind
    /// both: one static method per schema location (<c>Checks.V{n}</c>), one line per keyword. A type
    /// whose schema only says what its reader already enforces gets a Validate() that returns at once.
    /// </summary>
    internal static class ValidateEmitter
    {
        private const string Signature = "(stj::JsonElement v, string p, vl? e)";

        public static string Emit(GenerationSpec spec, ValidationSpec validation, string runtime)
        {
            Dictionary<string, string> properties = ContextEmitter.PropertyNames(spec);
            var writer = new SourceWriter();
            CSharp.Header(writer, spec.Namespace, runtime);
            string runtimeNamespace = runtime.Substring(0, runtime.LastIndexOf('.'));
            writer.Line("using rx = global::System.Text.RegularExpressions;");
            writer.Line("using sv = " + runtimeNamespace + ";");
            writer.Line("using vl = global::System.Collections.Generic.List<" + runtimeNamespace + ".SchemaViolation>;");
            writer.Line("using vr = " + runtimeNamespace + ".SchemaValidation;");
            writer.Line();

            var kinds = spec.Types.ToDictionary(t => t.Name, t => t);
            foreach (CheckEntry entry in validation.Types)
            {
                TypeSpec type = kinds[entry.Name];
                string declaration = type is EnumSpec or KindUnionSpec ? "partial struct " : "partial record ";
                writer.Open(declaration + type.Name);
                CSharp.Doc(writer, "Every way this value, as written, breaks its schema; empty when valid.");
                writer.Line(entry.Trivial
                    ? "public scg::IReadOnlyList<sv::SchemaViolation> Validate() => vr.None;"
                    : "public scg::IReadOnlyList<sv::SchemaViolation> Validate() => vr.Validate(this, " + CSharp.Qualified(spec, spec.ContextName) + ".Default." + properties[type.Name] + ", " + CSharp.Qualified(spec, spec.ContextName) + ".Checks.V" + Id(entry.Method) + ");");
                writer.Close();
                writer.Line();
            }

            if (validation.Methods.Count == 0)
            {
                return writer.ToString();
            }

            var methods = validation.Methods.ToDictionary(m => m.Id);
            writer.Open("partial class " + spec.ContextName);
            if (validation.Schemas.Count > 0)
            {
                CSharp.Doc(writer, "A validator per top-level schema of " + spec.SchemaFileName + " that is no generated type (a constrained string, an array, any value): every violation of a JSON value, empty when valid.");
                writer.Open("public static class Validators");
                foreach (CheckEntry entry in validation.Schemas)
                {
                    CSharp.Doc(writer, "Every way a JSON value breaks " + Location(entry) + "; empty when valid.");
                    writer.Line("public static scg::IReadOnlyList<sv::SchemaViolation> " + entry.Name + "(stj::JsonElement value) => vr.Run(value, Checks.V" + Id(entry.Method) + ");");
                }

                writer.Close();
                writer.Line();
            }

            writer.Line("[sys::ComponentModel.EditorBrowsable(sys::ComponentModel.EditorBrowsableState.Never)]");
            writer.Open("internal static class Checks");
            foreach (CheckMethodSpec method in validation.Methods)
            {
                WriteFields(writer, method);
            }

            foreach (CheckMethodSpec method in validation.Methods)
            {
                WriteMethod(writer, methods, method);
            }

            writer.Close();
            writer.Close();
            return writer.ToString();
        }

        private static string Location(CheckEntry entry) => CSharp.Xml("#" + entry.Location);

        private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

        private static void WriteFields(SourceWriter writer, CheckMethodSpec method)
        {
            for (int index = 0; index < method.Checks.Count; index++)
            {
                CheckSpec check = method.Checks[index];
                string suffix = Id(method.Id) + "_" + Id(index);
                switch (check.Op)
                {
                    case CheckOp.Enum:
                    case CheckOp.Const:
                        writer.Line("private static readonly stj::JsonElement E" + suffix + " = vr.Parse(" + CSharp.StringLiteral(check.Text!) + ");");
                        break;
                    case CheckOp.Pattern:
                        writer.Line("private static readonly rx::Regex R" + suffix + " = vr.Pattern(" + CSharp.StringLiteral(check.Text!) + ");");
                        break;
                    case CheckOp.PatternProperties:
                        for (int k = 0; k < check.Texts.Count; k++)
                        {
                            writer.Line("private static readonly rx::Regex R" + suffix + "_" + Id(k) + " = vr.Pattern(" + CSharp.StringLiteral(check.Texts[k]) + ");");
                        }

                        break;
                    case CheckOp.AdditionalProperties:
                        for (int k = 0; k < check.Patterns.Count; k++)
                        {
                            writer.Line("private static readonly rx::Regex R" + suffix + "_" + Id(k) + " = vr.Pattern(" + CSharp.StringLiteral(check.Patterns[k]) + ");");
                        }

                        break;
                }
            }
        }

        private static void WriteMethod(SourceWriter writer, Dictionary<int, CheckMethodSpec> validation, CheckMethodSpec method)
        {
            string name = "internal static bool V" + Id(method.Id) + Signature;
            if (method.Checks.Count == 0)
            {
                writer.Line(name + " => true;");
                return;
            }

            if (method.Checks.Count == 1 && method.Checks[0] is { Op: CheckOp.Properties, Targets.Count: 1 } member)
            {
                writer.Line(name + " => vr.Member(v, " + CSharp.StringLiteral(member.Texts[0]) + ", V" + Id(member.Targets[0]) + ", p, e);");
                return;
            }

            if (method.Checks.Count == 1 && method.Checks[0].Op is CheckOp.AnyOf or CheckOp.OneOf)
            {
                writer.Line(name + " => " + Alternatives(method.Checks[0]) + ";");
                return;
            }

            if (method.Checks.Count == 1 && Simple(method.Checks[0], Id(method.Id) + "_0") is { } simple)
            {
                CheckSpec check = method.Checks[0];
                writer.Line(name + " => " + Negate(simple.FailsWhen) + " || vr.Report(e, p, " + CSharp.StringLiteral(check.Keyword) + ", " + CSharp.StringLiteral(check.Location)
                    + (simple.Argument is null ? string.Empty : ", " + simple.Argument) + ");");
                return;
            }

            writer.Open(name);
            writer.Line("bool ok = true;");
            for (int index = 0; index < method.Checks.Count; index++)
            {
                WriteCheck(writer, validation, method.Checks[index], Id(method.Id) + "_" + Id(index));
            }

            writer.Line("return ok;");
            writer.Close();
        }

        /// <summary><c>!vr.Fail(...)</c>: records the violation (its message made at run time from the keyword and the argument).</summary>
        private static string Fail(CheckSpec check, string? argument, string path = "p", string? keyword = null) =>
            "!vr.Fail(e, ref ok, " + path + ", " + CSharp.StringLiteral(keyword ?? check.Keyword) + ", " + CSharp.StringLiteral(check.Location) + (argument is null ? string.Empty : ", " + argument) + ")";

        private static string Text(string message) => CSharp.StringLiteral(message);

        /// <summary>
        /// <c>vr.OneOf(...)</c> / <c>vr.AnyOf(...)</c>: when no alternative matches, the violations of
        /// the closest one are reported too (for a discriminated union, the variant the value names),
        /// so an error inside a message says where it is, not only that no alternative matched.
        /// </summary>
        private static string Alternatives(CheckSpec check) =>
            "vr." + (check.Op == CheckOp.OneOf ? "OneOf" : "AnyOf") + "(v, p, e, " + CSharp.StringLiteral(check.Location) + ", " + string.Join(", ", check.Targets.Select(t => "V" + Id(t))) + ")";

        /// <summary><c>!(condition)</c>, without the double negation when the condition is a negated call.</summary>
        private static string Negate(string condition) =>
            condition.StartsWith("!vr.", System.StringComparison.Ordinal) && condition.IndexOf("&&", System.StringComparison.Ordinal) < 0 && condition.IndexOf("||", System.StringComparison.Ordinal) < 0
                ? condition.Substring(1)
                : "!(" + condition + ")";

        /// <summary>A check of one condition on the value itself: when it fails, and the argument of its message.</summary>
        private static (string FailsWhen, string? Argument)? Simple(CheckSpec check, string suffix)
        {
            const string Number = "v.ValueKind == stj::JsonValueKind.Number";
            const string String = "v.ValueKind == stj::JsonValueKind.String";
            const string Array = "v.ValueKind == stj::JsonValueKind.Array";
            const string Object = "v.ValueKind == stj::JsonValueKind.Object";
            string? text = check.Text is null ? null : Text(check.Text);
            return check.Op switch
            {
                CheckOp.False => ("true", null),
                CheckOp.Type => ("!vr.Is(v, " + TypeMask(check.Texts) + ")", Text(string.Join(" or ", check.Texts.Select(Article)))),
                CheckOp.Enum => ("!vr.In(v, E" + suffix + ")", null),
                CheckOp.Const => ("!vr.JsonEquals(v, E" + suffix + ")", null),
                CheckOp.Minimum => (Number + " && vr.Compare(v, " + NumberLiteral(check.Text!) + ") < 0", text),
                CheckOp.Maximum => (Number + " && vr.Compare(v, " + NumberLiteral(check.Text!) + ") > 0", text),
                CheckOp.ExclusiveMinimum => (Number + " && vr.Compare(v, " + NumberLiteral(check.Text!) + ") <= 0", text),
                CheckOp.ExclusiveMaximum => (Number + " && vr.Compare(v, " + NumberLiteral(check.Text!) + ") >= 0", text),
                CheckOp.MultipleOf => (Number + " && !vr.MultipleOf(v, " + NumberLiteral(check.Text!) + ")", text),
                CheckOp.MinLength => (String + " && vr.Length(v) < " + check.Text, text),
                CheckOp.MaxLength => (String + " && vr.Length(v) > " + check.Text, text),
                CheckOp.Pattern => (String + " && !vr.Matches(R" + suffix + ", v)", null),
                CheckOp.Format => (String + " && !vr.Format(v, " + text + ")", text),
                CheckOp.MinItems => (Array + " && v.GetArrayLength() < " + check.Text, text),
                CheckOp.MaxItems => (Array + " && v.GetArrayLength() > " + check.Text, text),
                CheckOp.UniqueItems => (Array + " && vr.HasDuplicates(v)", null),
                CheckOp.MinProperties => (Object + " && vr.Count(v) < " + check.Text, text),
                CheckOp.MaxProperties => (Object + " && vr.Count(v) > " + check.Text, text),
                CheckOp.Not => (Call(check.Targets[0], errors: "null"), null),
                _ => null,
            };
        }

        private static string Call(int target, string value = "v", string path = "p", string errors = "e") =>
            "V" + Id(target) + "(" + value + ", " + path + ", " + errors + ")";

        private static string Sub(int target, string value = "v", string path = "p") => "!vr.Ok(" + Call(target, value, path) + ", ref ok, e)";

        private static bool IsFalse(Dictionary<int, CheckMethodSpec> methods, int target) =>
            methods[target].Checks.Count == 1 && methods[target].Checks[0].Op == CheckOp.False;

        private static void WriteCheck(SourceWriter writer, Dictionary<int, CheckMethodSpec> validation, CheckSpec check, string suffix)
        {
            const string Array = "v.ValueKind == stj::JsonValueKind.Array";
            const string Object = "v.ValueKind == stj::JsonValueKind.Object";
            if (Simple(check, suffix) is { } simple)
            {
                writer.Line("if (" + simple.FailsWhen + " && " + Fail(check, simple.Argument) + ") return false;");
                return;
            }

            switch (check.Op)
            {
                case CheckOp.Required:
                    foreach (string member in check.Texts)
                    {
                        writer.Line("if (" + Object + " && !v.TryGetProperty(" + CSharp.StringLiteral(member) + ", out _) && " + Fail(check, CSharp.StringLiteral(member)) + ") return false;");
                    }

                    break;
                case CheckOp.DependentRequired:
                    foreach (string member in check.Texts)
                    {
                        writer.Line("if (" + Object + " && v.TryGetProperty(" + CSharp.StringLiteral(check.Text!) + ", out _) && !v.TryGetProperty(" + CSharp.StringLiteral(member) + ", out _) && "
                            + Fail(check, CSharp.StringLiteral(member)) + ") return false;");
                    }

                    break;
                case CheckOp.DependentSchema:
                    writer.Line("if (" + Object + " && v.TryGetProperty(" + CSharp.StringLiteral(check.Text!) + ", out _) && " + Sub(check.Targets[0]) + ") return false;");
                    break;
                case CheckOp.Items:
                    writer.Open("if (" + Array + ")");
                    writer.Line("int i" + suffix + " = 0;");
                    writer.Open("foreach (stj::JsonElement item in v.EnumerateArray())");
                    writer.Line("if (" + (check.Text == "0" ? string.Empty : "i" + suffix + " >= " + check.Text + " && ") + Sub(check.Targets[0], "item", "vr.Index(p, i" + suffix + ")") + ") return false;");
                    writer.Line("i" + suffix + "++;");
                    writer.Close();
                    writer.Close();
                    break;
                case CheckOp.PrefixItems:
                    writer.Open("if (" + Array + ")");
                    writer.Line("int n" + suffix + " = v.GetArrayLength();");
                    for (int k = 0; k < check.Targets.Count; k++)
                    {
                        writer.Line("if (n" + suffix + " > " + Id(k) + " && " + Sub(check.Targets[k], "v[" + Id(k) + "]", "vr.Index(p, " + Id(k) + ")") + ") return false;");
                    }

                    writer.Close();
                    break;
                case CheckOp.Contains:
                    writer.Open("if (" + Array + ")");
                    writer.Line("int c" + suffix + " = 0;");
                    writer.Line("foreach (stj::JsonElement item in v.EnumerateArray()) if (" + Call(check.Targets[0], "item", "p", "null") + ") c" + suffix + "++;");
                    writer.Line("if (c" + suffix + " < " + check.Texts[0] + " && " + Fail(check, Text(check.Texts[0]), keyword: check.Texts[0] == "1" ? "contains" : "minContains") + ") return false;");
                    if (check.Texts[1].Length > 0)
                    {
                        writer.Line("if (c" + suffix + " > " + check.Texts[1] + " && " + Fail(check, Text(check.Texts[1]), keyword: "maxContains") + ") return false;");
                    }

                    writer.Close();
                    break;
                case CheckOp.Properties:
                    for (int k = 0; k < check.Texts.Count; k++)
                    {
                        writer.Line("if (!vr.Member(v, " + CSharp.StringLiteral(check.Texts[k]) + ", V" + Id(check.Targets[k]) + ", p, e, ref ok)) return false;");
                    }

                    break;
                case CheckOp.PatternProperties:
                    writer.Open("if (" + Object + ")");
                    writer.Open("foreach (stj::JsonProperty m in v.EnumerateObject())");
                    for (int k = 0; k < check.Texts.Count; k++)
                    {
                        writer.Line("if (R" + suffix + "_" + Id(k) + ".IsMatch(m.Name) && " + Sub(check.Targets[k], "m.Value", "vr.Child(p, m.Name)") + ") return false;");
                    }

                    writer.Close();
                    writer.Close();
                    break;
                case CheckOp.AdditionalProperties:
                    writer.Open("if (" + Object + ")");
                    writer.Open("foreach (stj::JsonProperty m in v.EnumerateObject())");
                    var known = check.Texts.Select(name => "m.NameEquals(" + CSharp.StringLiteral(name) + ")")
                        .Concat(Enumerable.Range(0, check.Patterns.Count).Select(k => "R" + suffix + "_" + Id(k) + ".IsMatch(m.Name)"))
                        .ToList();
                    if (known.Count > 0)
                    {
                        writer.Line("if (" + string.Join(" || ", known) + ") continue;");
                    }

                    writer.Line(IsFalse(validation, check.Targets[0])
                        ? "if (" + Fail(check, "m.Name", "vr.Child(p, m.Name)") + ") return false;"
                        : "if (" + Sub(check.Targets[0], "m.Value", "vr.Child(p, m.Name)") + ") return false;");
                    writer.Close();
                    writer.Close();
                    break;
                case CheckOp.PropertyNames:
                    writer.Open("if (" + Object + ")");
                    writer.Line("foreach (stj::JsonProperty m in v.EnumerateObject()) if (" + Sub(check.Targets[0], "vr.NameElement(m.Name)", "vr.Child(p, m.Name)") + ") return false;");
                    writer.Close();
                    break;
                case CheckOp.AnyOf:
                case CheckOp.OneOf:
                    writer.Line("if (!vr.Ok(" + Alternatives(check) + ", ref ok, e)) return false;");
                    break;
                case CheckOp.NullOr:
                    writer.Line("if (v.ValueKind != stj::JsonValueKind.Null && " + Sub(check.Targets[0]) + ") return false;");
                    break;
                case CheckOp.AllOf:
                case CheckOp.Ref:
                    foreach (int target in check.Targets)
                    {
                        writer.Line("if (" + Sub(target) + ") return false;");
                    }

                    break;
                case CheckOp.IfThenElse:
                    string then = check.Targets[1] >= 0 ? Call(check.Targets[1]) : "true";
                    string otherwise = check.Targets[2] >= 0 ? Call(check.Targets[2]) : "true";
                    writer.Line("if (!vr.Ok(" + Call(check.Targets[0], errors: "null") + " ? " + then + " : " + otherwise + ", ref ok, e)) return false;");
                    break;
            }
        }

        private static string TypeMask(EquatableArray<string> names)
        {
            var parts = new List<string>();
            foreach (string name in names)
            {
                parts.Add(name switch
                {
                    "null" => "vr.TNull",
                    "boolean" => "vr.TBoolean",
                    "object" => "vr.TObject",
                    "array" => "vr.TArray",
                    "number" => "vr.TNumber",
                    "string" => "vr.TString",
                    "integer" => "vr.TInteger",
                    _ => "0",
                });
            }

            return string.Join(" | ", parts.Distinct());
        }

        private static string Article(string type) =>
            type switch
            {
                "null" => "null",
                "integer" => "an integer",
                "object" => "an object",
                "array" => "an array",
                _ => "a " + type,
            };

        /// <summary>A decimal literal when the number fits one exactly enough, else a double.</summary>
        private static string NumberLiteral(string text)
        {
            string mantissa = text.Split('e', 'E')[0];
            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal exact)
                && (exact != 0 || mantissa.All(c => c == '0' || !char.IsDigit(c))))
            {
                return exact.ToString(CultureInfo.InvariantCulture) + "m";
            }

            double value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            return double.IsInfinity(value) ? (value > 0 ? "double.MaxValue" : "double.MinValue") : value.ToString("R", CultureInfo.InvariantCulture) + "d";
        }
    }
}
