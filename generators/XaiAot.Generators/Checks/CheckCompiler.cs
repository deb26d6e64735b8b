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
        private readonly RefResolver _refs;
        private readonly DiagnosticBag _diagnostics;
        private readonly bool _formats;
        private readonly Dictionary<JsonTree, int> _typedIds = new(NodeIdentity.Instance);
        private readonly Dictionary<JsonTree, int> _fullIds = new(NodeIdentity.Instance);
        private readonly List<CheckMethodSpec?> _methods = new();
        private readonly List<bool> _typedMethods = new();
        private readonly Queue<(JsonTree Schema, string Pointer, int Id, bool Typed)> _pending = new();

        /// <summary>Whether the method being compiled checks a value the typed reader produced (see <see cref="MethodFor"/>).</summary>
        private bool _typed;

        public CheckCompiler(RefResolver refs, DiagnosticBag diagnostics, bool formats)
        {
            _refs = refs;
            _diagnostics = diagnostics;
            _formats = formats;
        }

        /// <summary>
        /// The id of the method for <paramref name="schema"/>, compiled later (see <see cref="Finish"/>).
        /// A <paramref name="typed"/> method checks JSON written from a generated type, so it leaves out
        /// what the type already guarantees (type, required, additionalProperties false) and, through
        /// properties, items, maps, <c>$ref</c> and <c>allOf</c>, stays typed; the subschemas of
        /// anyOf/oneOf/not/if/contains/propertyNames are full checks, as for any JSON value.
        /// </summary>
        public int MethodFor(JsonTree schema, string pointer, bool typed)
        {
            Dictionary<JsonTree, int> ids = typed ? _typedIds : _fullIds;
            if (ids.TryGetValue(schema, out int id))
            {
                return id;
            }

            id = _methods.Count;
            ids.Add(schema, id);
            _methods.Add(null);
            _typedMethods.Add(typed);
            _pending.Enqueue((schema, pointer, id, typed));
            return id;
        }

        private int Same(JsonTree schema, string pointer) => MethodFor(schema, pointer, _typed);

        private int Full(JsonTree schema, string pointer) => MethodFor(schema, pointer, typed: false);

        /// <summary>In <c>[X, {"type": "null"}]</c> (either order), the index of X.</summary>
        private static int? NullableAlternative(JsonTree alternatives)
        {
            if (alternatives.Items!.Count != 2)
            {
                return null;
            }

            for (int i = 0; i < 2; i++)
            {
                JsonTree candidate = alternatives.Items[i];
                if (candidate.Kind == JsonKind.Object && candidate.Get("type") is { Kind: JsonKind.String, Text: "null" }
                    && candidate.Members!.All(m => m.Name == "type" || Keywords.Classify(m.Name) == KeywordClass.Annotation))
                {
                    return 1 - i;
                }
            }

            return null;
        }

        /// <summary>Compiles every method asked for (and those they call); returns them and which are trivial.</summary>
        public (EquatableArray<CheckMethodSpec> Methods, bool[] Trivial) Finish()
        {
            while (_pending.Count > 0)
            {
                (JsonTree schema, string pointer, int id, bool typed) = _pending.Dequeue();
                _typed = typed;
                _methods[id] = new CheckMethodSpec(id, pointer, Compile(schema, pointer).ToEquatableArray());
            }

            CheckMethodSpec[] methods = _methods.Select(m => m!).ToArray();
            bool[] empty = Empty(methods);
            for (int i = 0; i < methods.Length; i++)
            {
                if (_typedMethods[i])
                {
                    methods[i] = methods[i] with { Checks = Prune(methods[i].Checks, empty) };
                }
            }

            // A method that only forwards ({"$ref": X}, allOf of one part) is skipped: callers call X.
            _forward = new int[methods.Length];
            for (int i = 0; i < methods.Length; i++)
            {
                _forward[i] = i;
            }

            for (int i = 0; i < methods.Length; i++)
            {
                int target = i;
                var seen = new HashSet<int>();
                while (seen.Add(target) && methods[target].Checks.Count == 1 && methods[target].Checks[0] is { Op: CheckOp.Ref or CheckOp.AllOf, Targets.Count: 1 } only)
                {
                    target = only.Targets[0];
                }

                _forward[i] = target;
            }

            for (int i = 0; i < methods.Length; i++)
            {
                methods[i] = methods[i] with { Checks = methods[i].Checks.Select(c => c.Targets.Count == 0 ? c : c with { Targets = c.Targets.Select(t => t < 0 ? t : _forward[t]).ToEquatableArray() }).ToEquatableArray() };
            }

            return (methods.ToEquatableArray(), empty);
        }

        private int[]? _forward;

        /// <summary>The <see cref="CheckSpec.Text"/> of a <c>required</c> check whose names 'properties' does not declare: never left out.</summary>
        private const string UndeclaredRequired = "undeclared";

        /// <summary>The method that does the work of <paramref name="id"/> (after <see cref="Finish"/>: forwarders skipped).</summary>
        public int Resolve(int id) => _forward![id];

        /// <summary>Whether a check of a typed method can be left out: the type guarantees it, or what it calls checks nothing.</summary>
        private static bool Ignorable(CheckSpec check, bool[] empty) =>
            check.Op switch
            {
                CheckOp.Type => true,
                CheckOp.Required => check.Text != UndeclaredRequired,
                CheckOp.Properties or CheckOp.AllOf or CheckOp.Items or CheckOp.AdditionalProperties or CheckOp.Ref or CheckOp.NullOr => check.Targets.All(t => empty[t]),
                _ => false,
            };

        /// <summary>The checks of a typed method without those it can leave out (and properties or allOf parts that check nothing).</summary>
        private static EquatableArray<CheckSpec> Prune(EquatableArray<CheckSpec> checks, bool[] empty)
        {
            var kept = new List<CheckSpec>();
            foreach (CheckSpec check in checks)
            {
                if (Ignorable(check, empty))
                {
                    continue;
                }

                if (check.Op == CheckOp.Properties)
                {
                    var keep = Enumerable.Range(0, check.Targets.Count).Where(k => !empty[check.Targets[k]]).ToList();
                    kept.Add(check with { Texts = keep.Select(k => check.Texts[k]).ToEquatableArray(), Targets = keep.Select(k => check.Targets[k]).ToEquatableArray() });
                }
                else if (check.Op == CheckOp.AllOf)
                {
                    kept.Add(check with { Targets = check.Targets.Where(t => !empty[t]).ToEquatableArray() });
                }
                else
                {
                    kept.Add(check);
                }
            }

            return kept.ToEquatableArray();
        }

        /// <summary>
        /// Which methods check nothing: a full one with no check (the <c>true</c> schema), a typed one
        /// whose checks are all ignorable (<see cref="Ignorable"/>); Validate() of a type whose method
        /// is empty returns at once. Found as a fixpoint, so cycles are empty unless something on them is not.
        /// </summary>
        private bool[] Empty(CheckMethodSpec[] methods)
        {
            bool[] empty = methods.Select((m, i) => m.Checks.Count == 0 || (_typedMethods[i] && m.Checks.All(c => c.Op is CheckOp.Type or CheckOp.Required || IsStructural(c.Op)))).ToArray();
            bool changed = true;
            while (changed)
            {
                changed = false;
                for (int i = 0; i < methods.Length; i++)
                {
                    if (empty[i] && methods[i].Checks.Count > 0 && !methods[i].Checks.All(c => Ignorable(c, empty)))
                    {
                        empty[i] = false;
                        changed = true;
                    }
                }
            }

            return empty;
        }

        private static bool IsStructural(CheckOp op) =>
            op is CheckOp.Properties or CheckOp.AllOf or CheckOp.Items or CheckOp.AdditionalProperties or CheckOp.Ref or CheckOp.NullOr;

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
                // Draft-04 spells an exclusive bound as a boolean beside it ("maximum": 1, "exclusiveMaximum": true).
                case "minimum":
                    Number(schema.Get("exclusiveMinimum") is { Kind: JsonKind.True } ? CheckOp.ExclusiveMinimum : CheckOp.Minimum, member, at, checks);
                    break;
                case "maximum":
                    Number(schema.Get("exclusiveMaximum") is { Kind: JsonKind.True } ? CheckOp.ExclusiveMaximum : CheckOp.Maximum, member, at, checks);
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
                    // A typed object reads a required member that 'properties' declares beside it as a C#
                    // required member (a read error when absent), so that check can be left out there; one
                    // that only 'required' names lands with the unknown members, so it is always checked.
                    JsonTree? declaredProperties = schema.Get("properties");
                    var requiredNames = value.Items.Where(i => i.Kind == JsonKind.String).Select(i => i.Text!).ToList();
                    var undeclared = requiredNames.Where(name => declaredProperties?.Kind != JsonKind.Object || declaredProperties.Get(name) is null).ToList();
                    if (undeclared.Count < requiredNames.Count)
                    {
                        checks.Add(Check(CheckOp.Required, "required", at, texts: requiredNames.Except(undeclared)));
                    }

                    if (undeclared.Count > 0)
                    {
                        checks.Add(Check(CheckOp.Required, "required", at, UndeclaredRequired, texts: undeclared));
                    }

                    break;
                case "items" when value.Kind == JsonKind.Object || value.IsBoolean:
                    int start = schema.Get("prefixItems") is { Kind: JsonKind.Array } prefix ? prefix.Items!.Count : 0;
                    checks.Add(Check(CheckOp.Items, "items", at, start.ToString(CultureInfo.InvariantCulture), targets: new[] { Same(value, at) }));
                    break;
                case "prefixItems" when value.Kind == JsonKind.Array:
                    checks.Add(Check(CheckOp.PrefixItems, "prefixItems", at, targets: value.Items!.Select((item, index) => Full(item, JsonPointer.Append(at, index.ToString(CultureInfo.InvariantCulture))))));
                    break;
                case "contains" when value.Kind == JsonKind.Object || value.IsBoolean:
                    string min = schema.Get("minContains") is { Kind: JsonKind.Number } minContains ? minContains.Text! : "1";
                    string max = schema.Get("maxContains") is { Kind: JsonKind.Number } maxContains ? maxContains.Text! : string.Empty;
                    checks.Add(Check(CheckOp.Contains, "contains", at, texts: new[] { Integer(min), max.Length == 0 ? max : Integer(max) }, targets: new[] { Full(value, at) }));
                    break;
                case "properties" when value.Kind == JsonKind.Object:
                    checks.Add(Check(
                        CheckOp.Properties,
                        "properties",
                        at,
                        texts: value.Members!.Select(m => m.Name),
                        targets: value.Members!.Select(m => Same(m.Value, JsonPointer.Append(at, m.Name)))));
                    break;
                case "patternProperties" when value.Kind == JsonKind.Object:
                    var patterns = new List<string>();
                    var targets = new List<int>();
                    foreach (JsonMember property in value.Members!)
                    {
                        if (EcmaPattern.Translate(property.Name, out _) is { } translated)
                        {
                            patterns.Add(translated);
                            targets.Add(Full(property.Value, JsonPointer.Append(at, property.Name)));
                        }

                        // A pattern .NET cannot compile is reported once, by the typing (XAOT0115).
                    }

                    checks.Add(Check(CheckOp.PatternProperties, "patternProperties", at, texts: patterns, targets: targets));
                    break;
                case "additionalProperties" when value.Kind == JsonKind.Object || value.IsBoolean:
                    IEnumerable<string> declared = schema.Get("properties") is { Kind: JsonKind.Object } properties ? properties.Members!.Select(m => m.Name) : Enumerable.Empty<string>();
                    IEnumerable<string> matched = schema.Get("patternProperties") is { Kind: JsonKind.Object } patternProperties
                        ? patternProperties.Members!.Select(m => EcmaPattern.Translate(m.Name, out _)).Where(p => p is not null).Select(p => p!)
                        : Enumerable.Empty<string>();
                    // Beside allOf the record's members include the parts' properties, which are additional here: not typed.
                    int additional = schema.Get("allOf") is null ? Same(value, at) : Full(value, at);
                    checks.Add(Check(CheckOp.AdditionalProperties, "additionalProperties", at, texts: declared, targets: new[] { additional }) with { Patterns = matched.ToEquatableArray() });
                    break;
                case "propertyNames" when value.Kind == JsonKind.Object || value.IsBoolean:
                    checks.Add(Check(CheckOp.PropertyNames, "propertyNames", at, targets: new[] { Full(value, at) }));
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
                        checks.Add(Check(CheckOp.DependentSchema, "dependentSchemas", dependencyAt, dependency.Name, targets: new[] { Full(dependency.Value, dependencyAt) }));
                    }

                    break;
                case "anyOf" or "oneOf" when _typed && value.Kind == JsonKind.Array && NullableAlternative(value) is int alternative:
                    // `anyOf: [X, {type: null}]` is how a nullable X is written; the typed model reads it as
                    // X? (null, or an X the reader checked), so only X's constraints are left to check.
                    checks.Add(Check(CheckOp.NullOr, member.Name, at, targets: new[] { Same(value.Items![alternative], JsonPointer.Append(at, alternative.ToString(CultureInfo.InvariantCulture))) }));
                    break;
                case "allOf" when value.Kind == JsonKind.Array && value.Items!.Count > 0:
                case "anyOf" when value.Kind == JsonKind.Array && value.Items!.Count > 0:
                case "oneOf" when value.Kind == JsonKind.Array && value.Items!.Count > 0:
                    CheckOp op = member.Name == "allOf" ? CheckOp.AllOf : member.Name == "anyOf" ? CheckOp.AnyOf : CheckOp.OneOf;
                    checks.Add(Check(op, member.Name, at, targets: value.Items!.Select((item, index) => (op == CheckOp.AllOf ? Same(item, JsonPointer.Append(at, index.ToString(CultureInfo.InvariantCulture))) : Full(item, JsonPointer.Append(at, index.ToString(CultureInfo.InvariantCulture)))))));
                    break;
                case "not" when value.Kind == JsonKind.Object || value.IsBoolean:
                    checks.Add(Check(CheckOp.Not, "not", at, targets: new[] { Full(value, at) }));
                    break;
                case "if" when value.Kind == JsonKind.Object || value.IsBoolean:
                    int then = schema.Get("then") is { } thenSchema && (thenSchema.Kind == JsonKind.Object || thenSchema.IsBoolean) ? Full(thenSchema, JsonPointer.Append(pointer, "then")) : -1;
                    int otherwise = schema.Get("else") is { } elseSchema && (elseSchema.Kind == JsonKind.Object || elseSchema.IsBoolean) ? Full(elseSchema, JsonPointer.Append(pointer, "else")) : -1;
                    if (then >= 0 || otherwise >= 0)
                    {
                        checks.Add(Check(CheckOp.IfThenElse, "if", at, targets: new[] { Full(value, at), then, otherwise }));
                    }

                    break;
                case "$ref" when value.Kind == JsonKind.String:
                    if (_refs.Follow(value.Text!) is { } target)
                    {
                        checks.Add(Check(CheckOp.Ref, "$ref", at, targets: new[] { Same(target.Tree, target.Pointer) }));
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
