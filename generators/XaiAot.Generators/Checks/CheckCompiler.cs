using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using XaiAot.Generators.JsonText;
using XaiAot.Generators.Model;
using XaiAot.Generators.Schema;

namespace XaiAot.Generators.Checks
{
    /// <summary>
    /// Compiles the assertions of a schema file into checks: one <see cref="CheckMethodSpec"/> per schema
    /// location that some type or top-level schema reaches (through subschemas and <c>$ref</c>), each a
    /// list of keyword checks over the JSON value. Locations are compiled once (a <c>$ref</c> to one
    /// already met is a call), so recursive schemas give recursive methods and no depth guard is needed.
    /// </summary>
    internal sealed class CheckCompiler
    {
        /// <summary>Keywords whose meaning the typed reader already enforces (a type made of only these needs no check at run time).</summary>
        private static readonly HashSet<CheckOp> Structural = new()
        {
            CheckOp.Type, CheckOp.Properties, CheckOp.Required, CheckOp.Items, CheckOp.AdditionalProperties, CheckOp.Ref,
        };

        private readonly RefResolver _refs;
        private readonly DiagnosticBag _diagnostics;
        private readonly bool _formats;
        private readonly Dictionary<JsonTree, int> _ids = new(NodeIdentity.Instance);
        private readonly List<CheckMethodSpec?> _methods = new();
        private readonly Queue<(JsonTree Schema, string Pointer, int Id)> _pending = new();

        public CheckCompiler(RefResolver refs, DiagnosticBag diagnostics, bool formats)
        {
            _refs = refs;
            _diagnostics = diagnostics;
            _formats = formats;
        }

        /// <summary>The id of the method for <paramref name="schema"/>, compiled later (see <see cref="Finish"/>).</summary>
        public int MethodFor(JsonTree schema, string pointer)
        {
            if (_ids.TryGetValue(schema, out int id))
            {
                return id;
            }

            id = _methods.Count;
            _ids.Add(schema, id);
            _methods.Add(null);
            _pending.Enqueue((schema, pointer, id));
            return id;
        }

        /// <summary>Compiles every method asked for (and those they call); returns them and which are trivial.</summary>
        public (EquatableArray<CheckMethodSpec> Methods, bool[] Trivial) Finish()
        {
            while (_pending.Count > 0)
            {
                (JsonTree schema, string pointer, int id) = _pending.Dequeue();
                _methods[id] = new CheckMethodSpec(id, pointer, Compile(schema, pointer).ToEquatableArray());
            }

            CheckMethodSpec[] methods = _methods.Select(m => m!).ToArray();
            return (methods.ToEquatableArray(), Trivial(methods));
        }

        /// <summary>
        /// A method is trivial when it and everything it calls hold only what the typed reader enforces
        /// (type, properties, required, items, additionalProperties, $ref): Validate() of such a type
        /// returns at once. Found as a fixpoint, so cycles are trivial unless something on them is not.
        /// </summary>
        private static bool[] Trivial(CheckMethodSpec[] methods)
        {
            bool[] trivial = methods.Select(m => m.Checks.All(c => Structural.Contains(c.Op))).ToArray();
            bool changed = true;
            while (changed)
            {
                changed = false;
                for (int i = 0; i < methods.Length; i++)
                {
                    if (trivial[i] && methods[i].Checks.Any(c => c.Targets.Any(t => t >= 0 && !trivial[t])))
                    {
                        trivial[i] = false;
                        changed = true;
                    }
                }
            }

            return trivial;
        }

        /// <summary>The methods <paramref name="entries"/> call, directly or not.</summary>
        public static bool[] Reachable(EquatableArray<CheckMethodSpec> methods, IEnumerable<int> entries)
        {
            bool[] reached = new bool[methods.Count];
            var stack = new Stack<int>(entries);
            while (stack.Count > 0)
            {
                int id = stack.Pop();
                if (id < 0 || reached[id])
                {
                    continue;
                }

                reached[id] = true;
                foreach (CheckSpec check in methods[id].Checks)
                {
                    foreach (int target in check.Targets)
                    {
                        stack.Push(target);
                    }
                }
            }

            return reached;
        }

        private List<CheckSpec> Compile(JsonTree schema, string pointer)
        {
            var checks = new List<CheckSpec>();
            if (schema.Kind == JsonKind.False)
            {
                checks.Add(Check(CheckOp.False, "false", pointer));
                return checks;
            }

            if (schema.Kind != JsonKind.Object)
            {
                return checks;
            }

            foreach (JsonMember member in schema.Members!)
            {
                Keyword(schema, member, pointer, checks);
            }

            return checks;
        }

        private void Keyword(JsonTree schema, JsonMember member, string pointer, List<CheckSpec> checks)
        {
            JsonTree value = member.Value;
            string at = JsonPointer.Append(pointer, member.Name);
            switch (member.Name)
            {
                case "type":
                    var names = value.Kind == JsonKind.String ? new List<string> { value.Text! }
                        : value.Kind == JsonKind.Array ? value.Items!.Where(i => i.Kind == JsonKind.String).Select(i => i.Text!).ToList()
                        : null;
                    if (names is { Count: > 0 })
                    {
                        if (schema.Get("nullable") is { Kind: JsonKind.True } && !names.Contains("null"))
                        {
                            names.Add("null"); // OpenAPI 3.0
                        }

                        checks.Add(Check(CheckOp.Type, "type", at, texts: names));
                    }

                    break;
                case "enum" when value.Kind == JsonKind.Array:
                    checks.Add(Check(CheckOp.Enum, "enum", at, JsonTreeWriter.ToJson(value)));
                    break;
                case "const":
                    checks.Add(Check(CheckOp.Const, "const", at, JsonTreeWriter.ToJson(value)));
                    break;
                case "minimum":
                    Number(CheckOp.Minimum, member, at, checks);
                    break;
                case "maximum":
                    Number(CheckOp.Maximum, member, at, checks);
                    break;
                case "exclusiveMinimum":
                    Number(CheckOp.ExclusiveMinimum, member, at, checks);
                    break;
                case "exclusiveMaximum":
                    Number(CheckOp.ExclusiveMaximum, member, at, checks);
                    break;
                case "multipleOf" when value.Kind == JsonKind.Number && value.Text!.TrimStart('-') != "0" && !value.Text.StartsWith("-", System.StringComparison.Ordinal):
                    checks.Add(Check(CheckOp.MultipleOf, "multipleOf", at, value.Text));
                    break;
                case "minLength":
                    Count(CheckOp.MinLength, member, at, checks);
                    break;
                case "maxLength":
                    Count(CheckOp.MaxLength, member, at, checks);
                    break;
                case "minItems":
                    Count(CheckOp.MinItems, member, at, checks);
                    break;
                case "maxItems":
                    Count(CheckOp.MaxItems, member, at, checks);
                    break;
                case "minProperties":
                    Count(CheckOp.MinProperties, member, at, checks);
                    break;
                case "maxProperties":
                    Count(CheckOp.MaxProperties, member, at, checks);
                    break;
                case "uniqueItems" when value.Kind == JsonKind.True:
                    checks.Add(Check(CheckOp.UniqueItems, "uniqueItems", at));
                    break;
                case "pattern" when value.Kind == JsonKind.String:
                    if (Pattern(value, at) is { } pattern)
                    {
                        checks.Add(Check(CheckOp.Pattern, "pattern", at, pattern));
                    }

                    break;
                case "format" when _formats && value.Kind == JsonKind.String:
                    checks.Add(Check(CheckOp.Format, "format", at, value.Text));
                    break;
                case "required" when value.Kind == JsonKind.Array && value.Items!.Count > 0:
                    checks.Add(Check(CheckOp.Required, "required", at, texts: value.Items.Where(i => i.Kind == JsonKind.String).Select(i => i.Text!)));
                    break;
                case "items" when value.Kind == JsonKind.Object || value.IsBoolean:
                    int start = schema.Get("prefixItems") is { Kind: JsonKind.Array } prefix ? prefix.Items!.Count : 0;
                    checks.Add(Check(CheckOp.Items, "items", at, start.ToString(CultureInfo.InvariantCulture), targets: new[] { MethodFor(value, at) }));
                    break;
                case "prefixItems" when value.Kind == JsonKind.Array:
                    checks.Add(Check(CheckOp.PrefixItems, "prefixItems", at, targets: value.Items!.Select((item, index) => MethodFor(item, JsonPointer.Append(at, index.ToString(CultureInfo.InvariantCulture))))));
                    break;
                case "contains" when value.Kind == JsonKind.Object || value.IsBoolean:
                    string min = schema.Get("minContains") is { Kind: JsonKind.Number } minContains ? minContains.Text! : "1";
                    string max = schema.Get("maxContains") is { Kind: JsonKind.Number } maxContains ? maxContains.Text! : string.Empty;
                    checks.Add(Check(CheckOp.Contains, "contains", at, texts: new[] { Integer(min), max.Length == 0 ? max : Integer(max) }, targets: new[] { MethodFor(value, at) }));
                    break;
                case "properties" when value.Kind == JsonKind.Object:
                    checks.Add(Check(
                        CheckOp.Properties,
                        "properties",
                        at,
                        texts: value.Members!.Select(m => m.Name),
                        targets: value.Members!.Select(m => MethodFor(m.Value, JsonPointer.Append(at, m.Name)))));
                    break;
                case "patternProperties" when value.Kind == JsonKind.Object:
                    var patterns = new List<string>();
                    var targets = new List<int>();
                    foreach (JsonMember property in value.Members!)
                    {
                        if (EcmaPattern.Translate(property.Name, out string? error) is { } translated)
                        {
                            patterns.Add(translated);
                            targets.Add(MethodFor(property.Value, JsonPointer.Append(at, property.Name)));
                        }
                        else
                        {
                            _diagnostics.Add(Diagnostics.InvalidPattern, property.NamePosition, property.Name, JsonPointer.Display(at), error!);
                        }
                    }

                    checks.Add(Check(CheckOp.PatternProperties, "patternProperties", at, texts: patterns, targets: targets));
                    break;
                case "additionalProperties" when value.Kind == JsonKind.Object || value.IsBoolean:
                    IEnumerable<string> declared = schema.Get("properties") is { Kind: JsonKind.Object } properties ? properties.Members!.Select(m => m.Name) : Enumerable.Empty<string>();
                    IEnumerable<string> matched = schema.Get("patternProperties") is { Kind: JsonKind.Object } patternProperties
                        ? patternProperties.Members!.Select(m => EcmaPattern.Translate(m.Name, out _)).Where(p => p is not null).Select(p => p!)
                        : Enumerable.Empty<string>();
                    checks.Add(Check(CheckOp.AdditionalProperties, "additionalProperties", at, texts: declared, targets: new[] { MethodFor(value, at) }) with { Patterns = matched.ToEquatableArray() });
                    break;
                case "propertyNames" when value.Kind == JsonKind.Object || value.IsBoolean:
                    checks.Add(Check(CheckOp.PropertyNames, "propertyNames", at, targets: new[] { MethodFor(value, at) }));
                    break;
                case "dependentRequired" when value.Kind == JsonKind.Object:
                    foreach (JsonMember dependency in value.Members!)
                    {
                        if (dependency.Value.Kind == JsonKind.Array && dependency.Value.Items!.Count > 0)
                        {
                            checks.Add(Check(CheckOp.DependentRequired, "dependentRequired", JsonPointer.Append(at, dependency.Name), dependency.Name, texts: dependency.Value.Items.Where(i => i.Kind == JsonKind.String).Select(i => i.Text!)));
                        }
                    }

                    break;
                case "dependentSchemas" when value.Kind == JsonKind.Object:
                    foreach (JsonMember dependency in value.Members!)
                    {
                        string dependencyAt = JsonPointer.Append(at, dependency.Name);
                        checks.Add(Check(CheckOp.DependentSchema, "dependentSchemas", dependencyAt, dependency.Name, targets: new[] { MethodFor(dependency.Value, dependencyAt) }));
                    }

                    break;
                case "allOf" when value.Kind == JsonKind.Array:
                case "anyOf" when value.Kind == JsonKind.Array:
                case "oneOf" when value.Kind == JsonKind.Array:
                    CheckOp op = member.Name == "allOf" ? CheckOp.AllOf : member.Name == "anyOf" ? CheckOp.AnyOf : CheckOp.OneOf;
                    checks.Add(Check(op, member.Name, at, targets: value.Items!.Select((item, index) => MethodFor(item, JsonPointer.Append(at, index.ToString(CultureInfo.InvariantCulture))))));
                    break;
                case "not" when value.Kind == JsonKind.Object || value.IsBoolean:
                    checks.Add(Check(CheckOp.Not, "not", at, targets: new[] { MethodFor(value, at) }));
                    break;
                case "if" when value.Kind == JsonKind.Object || value.IsBoolean:
                    int then = schema.Get("then") is { } thenSchema && (thenSchema.Kind == JsonKind.Object || thenSchema.IsBoolean) ? MethodFor(thenSchema, JsonPointer.Append(pointer, "then")) : -1;
                    int otherwise = schema.Get("else") is { } elseSchema && (elseSchema.Kind == JsonKind.Object || elseSchema.IsBoolean) ? MethodFor(elseSchema, JsonPointer.Append(pointer, "else")) : -1;
                    if (then >= 0 || otherwise >= 0)
                    {
                        checks.Add(Check(CheckOp.IfThenElse, "if", at, targets: new[] { MethodFor(value, at), then, otherwise }));
                    }

                    break;
                case "$ref" when value.Kind == JsonKind.String:
                    if (_refs.Follow(value.Text!) is { } target)
                    {
                        checks.Add(Check(CheckOp.Ref, "$ref", at, targets: new[] { MethodFor(target.Tree, target.Pointer) }));
                    }

                    break;
            }
        }

        private string? Pattern(JsonTree value, string at)
        {
            string? translated = EcmaPattern.Translate(value.Text!, out string? error);
            if (translated is null)
            {
                _diagnostics.Add(Diagnostics.InvalidPattern, value.Position, value.Text!, JsonPointer.Display(at), error!);
            }

            return translated;
        }

        private static void Number(CheckOp op, JsonMember member, string at, List<CheckSpec> checks)
        {
            if (member.Value.Kind == JsonKind.Number)
            {
                checks.Add(Check(op, member.Name, at, member.Value.Text));
            }
        }

        private static void Count(CheckOp op, JsonMember member, string at, List<CheckSpec> checks)
        {
            if (member.Value.Kind == JsonKind.Number)
            {
                checks.Add(Check(op, member.Name, at, Integer(member.Value.Text!)));
            }
        }

        /// <summary>A count keyword's value as an int literal (<c>2.0</c> is 2; beyond int, the largest int).</summary>
        private static string Integer(string number) =>
            double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
                ? (value >= int.MaxValue ? int.MaxValue : value <= 0 ? 0 : (int)System.Math.Ceiling(value)).ToString(CultureInfo.InvariantCulture)
                : "0";

        private static CheckSpec Check(CheckOp op, string keyword, string at, string? text = null, IEnumerable<string>? texts = null, IEnumerable<int>? targets = null) =>
            new(op, keyword, JsonPointer.Display(at), text, (texts ?? Enumerable.Empty<string>()).ToEquatableArray(), (targets ?? Enumerable.Empty<int>()).ToEquatableArray());
    }
}
