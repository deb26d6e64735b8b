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
        private const string Signature = "(stj::JsonElement v, string p, scg::List<sv::SchemaViolation>? e)";

        public static string Emit(GenerationSpec spec, ValidationSpec validation, string runtime)
        {
            Dictionary<string, string> properties = ContextEmitter.PropertyNames(spec);
            var writer = new SourceWriter();
            CSharp.Header(writer, spec.Namespace, runtime);
            string runtimeNamespace = runtime.Substring(0, runtime.LastIndexOf('.'));
            writer.Line("using rx = global::System.Text.RegularExpressions;");
            writer.Line("using sv = " + runtimeNamespace + ";");
            writer.Line("using vr = " + runtimeNamespace + ".SchemaValidation;");
            writer.Line();

            var kinds = spec.Types.ToDictionary(t => t.Name, t => t);
            foreach (CheckEntry entry in validation.Types)
            {
                TypeSpec type = kinds[entry.Name];
                string declaration = type is EnumSpec or KindUnionSpec ? "partial struct " : "partial record ";
                writer.Open(declaration + type.Name);
                CSharp.Doc(writer, "Every way this value, as it would be written, breaks its schema (" + Location(entry) + "); empty when valid.");
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

            writer.Open(name);
            writer.Line("bool ok = true;");
            for (int index = 0; index < method.Checks.Count; index++)
            {
                WriteCheck(writer, validation, method.Checks[index], Id(method.Id) + "_" + Id(index));
            }

            writer.Line("return ok;");
            writer.Close();
        }

        private static string Fail(CheckSpec check, string message, string path = "p", string? keyword = null) =>
            "!vr.Fail(e, ref ok, " + path + ", " + CSharp.StringLiteral(keyword ?? check.Keyword) + ", " + CSharp.StringLiteral(check.Location) + ", " + message + ")";

        private static string Text(string message) => CSharp.StringLiteral(message);

        private static string Call(int target, string value = "v", string path = "p", string errors = "e") =>
            "V" + Id(target) + "(" + value + ", " + path + ", " + errors + ")";

        private static string Sub(int target, string value = "v", string path = "p") => "!vr.Ok(" + Call(target, value, path) + ", ref ok, e)";

        private static bool IsFalse(Dictionary<int, CheckMethodSpec> methods, int target) =>
            methods[target].Checks.Count == 1 && methods[target].Checks[0].Op == CheckOp.False;

        private static void WriteCheck(SourceWriter writer, Dictionary<int, CheckMethodSpec> validation, CheckSpec check, string suffix)
        {
            const string Number = "v.ValueKind == stj::JsonValueKind.Number";
            const string String = "v.ValueKind == stj::JsonValueKind.String";
            const string Array = "v.ValueKind == stj::JsonValueKind.Array";
            const string Object = "v.ValueKind == stj::JsonValueKind.Object";
            switch (check.Op)
            {
                case CheckOp.False:
                    writer.Line("if (" + Fail(check, Text("no value is allowed here")) + ") return false;");
                    break;
                case CheckOp.Type:
                    writer.Line("if (!vr.Is(v, " + TypeMask(check.Texts) + ") && " + Fail(check, Text("must be " + string.Join(" or ", check.Texts.Select(Article)))) + ") return false;");
                    break;
                case CheckOp.Enum:
                    writer.Line("if (!vr.In(v, E" + suffix + ") && " + Fail(check, Text("must be one of the values the schema lists")) + ") return false;");
                    break;
                case CheckOp.Const:
                    writer.Line("if (!vr.JsonEquals(v, E" + suffix + ") && " + Fail(check, Text("must be " + Short(check.Text!))) + ") return false;");
                    break;
                case CheckOp.Minimum:
                    writer.Line("if (" + Number + " && vr.Compare(v, " + NumberLiteral(check.Text!) + ") < 0 && " + Fail(check, Text("must be at least " + check.Text)) + ") return false;");
                    break;
                case CheckOp.Maximum:
                    writer.Line("if (" + Number + " && vr.Compare(v, " + NumberLiteral(check.Text!) + ") > 0 && " + Fail(check, Text("must be at most " + check.Text)) + ") return false;");
                    break;
                case CheckOp.ExclusiveMinimum:
                    writer.Line("if (" + Number + " && vr.Compare(v, " + NumberLiteral(check.Text!) + ") <= 0 && " + Fail(check, Text("must be more than " + check.Text)) + ") return false;");
                    break;
                case CheckOp.ExclusiveMaximum:
                    writer.Line("if (" + Number + " && vr.Compare(v, " + NumberLiteral(check.Text!) + ") >= 0 && " + Fail(check, Text("must be less than " + check.Text)) + ") return false;");
                    break;
                case CheckOp.MultipleOf:
                    writer.Line("if (" + Number + " && !vr.MultipleOf(v, " + NumberLiteral(check.Text!) + ") && " + Fail(check, Text("must be a multiple of " + check.Text)) + ") return false;");
                    break;
                case CheckOp.MinLength:
                    writer.Line("if (" + String + " && vr.Length(v) < " + check.Text + " && " + Fail(check, Text("must be at least " + check.Text + " characters long")) + ") return false;");
                    break;
                case CheckOp.MaxLength:
                    writer.Line("if (" + String + " && vr.Length(v) > " + check.Text + " && " + Fail(check, Text("must be at most " + check.Text + " characters long")) + ") return false;");
                    break;
                case CheckOp.Pattern:
                    writer.Line("if (" + String + " && !vr.Matches(R" + suffix + ", v) && " + Fail(check, Text("must match the pattern " + check.Text)) + ") return false;");
                    break;
                case CheckOp.Format:
                    writer.Line("if (" + String + " && !vr.Format(v, " + CSharp.StringLiteral(check.Text!) + ") && " + Fail(check, Text("must be a valid " + check.Text)) + ") return false;");
                    break;
                case CheckOp.MinItems:
                    writer.Line("if (" + Array + " && v.GetArrayLength() < " + check.Text + " && " + Fail(check, Text("must have at least " + check.Text + " items")) + ") return false;");
                    break;
                case CheckOp.MaxItems:
                    writer.Line("if (" + Array + " && v.GetArrayLength() > " + check.Text + " && " + Fail(check, Text("must have at most " + check.Text + " items")) + ") return false;");
                    break;
                case CheckOp.UniqueItems:
                    writer.Line("if (" + Array + " && vr.HasDuplicates(v) && " + Fail(check, Text("must not hold the same item twice")) + ") return false;");
                    break;
                case CheckOp.MinProperties:
                    writer.Line("if (" + Object + " && vr.Count(v) < " + check.Text + " && " + Fail(check, Text("must have at least " + check.Text + " members")) + ") return false;");
                    break;
                case CheckOp.MaxProperties:
                    writer.Line("if (" + Object + " && vr.Count(v) > " + check.Text + " && " + Fail(check, Text("must have at most " + check.Text + " members")) + ") return false;");
                    break;
                case CheckOp.Required:
                    foreach (string member in check.Texts)
                    {
                        writer.Line("if (" + Object + " && !v.TryGetProperty(" + CSharp.StringLiteral(member) + ", out _) && " + Fail(check, Text("misses the required member '" + member + "'")) + ") return false;");
                    }

                    break;
                case CheckOp.DependentRequired:
                    foreach (string member in check.Texts)
                    {
                        writer.Line("if (" + Object + " && v.TryGetProperty(" + CSharp.StringLiteral(check.Text!) + ", out _) && !v.TryGetProperty(" + CSharp.StringLiteral(member) + ", out _) && "
                            + Fail(check, Text("has '" + check.Text + "', so it needs '" + member + "'")) + ") return false;");
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
                    writer.Line("if (c" + suffix + " < " + check.Texts[0] + " && " + Fail(check, Text(check.Texts[0] == "1" ? "must contain a matching item" : "must contain at least " + check.Texts[0] + " matching items"), keyword: check.Texts[0] == "1" ? "contains" : "minContains") + ") return false;");
                    if (check.Texts[1].Length > 0)
                    {
                        writer.Line("if (c" + suffix + " > " + check.Texts[1] + " && " + Fail(check, Text("must contain at most " + check.Texts[1] + " matching items"), keyword: "maxContains") + ") return false;");
                    }

                    writer.Close();
                    break;
                case CheckOp.Properties:
                    writer.Open("if (" + Object + ")");
                    for (int k = 0; k < check.Texts.Count; k++)
                    {
                        string local = "m" + suffix + "_" + Id(k);
                        string literal = CSharp.StringLiteral(check.Texts[k]);
                        writer.Line("if (v.TryGetProperty(" + literal + ", out stj::JsonElement " + local + ") && " + Sub(check.Targets[k], local, "vr.Child(p, " + literal + ")") + ") return false;");
                    }

                    writer.Close();
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
                        ? "if (" + Fail(check, "\"member '\" + m.Name + \"' is not allowed\"", "vr.Child(p, m.Name)") + ") return false;"
                        : "if (" + Sub(check.Targets[0], "m.Value", "vr.Child(p, m.Name)") + ") return false;");
                    writer.Close();
                    writer.Close();
                    break;
                case CheckOp.PropertyNames:
                    writer.Open("if (" + Object + ")");
                    writer.Line("foreach (stj::JsonProperty m in v.EnumerateObject()) if (" + Sub(check.Targets[0], "vr.NameElement(m.Name)", "vr.Child(p, m.Name)") + ") return false;");
                    writer.Close();
                    break;
                case CheckOp.AllOf:
                case CheckOp.Ref:
                    foreach (int target in check.Targets)
                    {
                        writer.Line("if (" + Sub(target) + ") return false;");
                    }

                    break;
                case CheckOp.AnyOf:
                    writer.Line("if (!(" + string.Join(" || ", check.Targets.Select(t => Call(t, errors: "null"))) + ") && " + Fail(check, Text("matches none of the alternatives")) + ") return false;");
                    break;
                case CheckOp.OneOf:
                    writer.Line("if (" + string.Join(" + ", check.Targets.Select(t => "(" + Call(t, errors: "null") + " ? 1 : 0)")) + " != 1 && " + Fail(check, Text("must match exactly one alternative")) + ") return false;");
                    break;
                case CheckOp.Not:
                    writer.Line("if (" + Call(check.Targets[0], errors: "null") + " && " + Fail(check, Text("matches a schema it must not")) + ") return false;");
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

        private static string Short(string json) => json.Length <= 40 ? json : json.Substring(0, 37) + "...";

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
