using System.Collections.Generic;
using System.Text;
using XaiAot.Generators.JsonText;
using XaiAot.Generators.Model;

namespace XaiAot.Generators.Schema
{
    /// <summary>
    /// The JSON Schema each generated type came from, cut out of its document so an API can be sent
    /// exactly the schema the type was generated from: the type's subtree, with local <c>$ref</c>s to
    /// other generated types pointing at <c>#/$defs/{TypeName}</c> (the generated code gathers those
    /// fragments under <c>$defs</c>), <c>$ref</c>s to locations that are not types inlined, and the
    /// document's own <c>$defs</c>/<c>definitions</c> left out (what is used is gathered again).
    /// </summary>
    /// <remarks>
    /// Beside it, the strict form that OpenAI-style structured outputs require: every object closed
    /// (<c>additionalProperties: false</c>) with every property required, the optional ones made
    /// nullable; <c>oneOf</c> as <c>anyOf</c>; OpenAPI-only keywords (<c>nullable</c> becomes a null
    /// type, <c>discriminator</c>, <c>example</c>, <c>xml</c>, ...) and extensions dropped. A type whose
    /// schema cannot take that form (a map, <c>patternProperties</c>, <c>allOf</c>, a schema that
    /// accepts anything) gets no strict form; when the user asked for it (metadata
    /// <c>StrictJsonSchemas</c>), a warning at the place that prevents it says why.
    /// </remarks>
    internal sealed class SchemaFragments
    {
        private static readonly HashSet<string> SchemaValued = new()
        {
            "additionalItems", "additionalProperties", "not", "if", "then", "else", "contains",
            "propertyNames", "unevaluatedItems", "unevaluatedProperties", "items",
        };

        private static readonly HashSet<string> SchemaArrays = new() { "allOf", "anyOf", "oneOf", "prefixItems", "items" };

        private static readonly HashSet<string> SchemaMaps = new() { "properties", "patternProperties", "dependentSchemas" };

        // Keywords that locate or collect, not constrain: gathered again (or meaningless) in a fragment.
        private static readonly HashSet<string> Dropped = new() { "$defs", "definitions", "$schema", "$id", "$anchor", "$dynamicAnchor" };

        // OpenAPI-only keywords strict modes reject as unknown ("nullable" is turned into a null type).
        private static readonly HashSet<string> OpenApiOnly = new() { "nullable", "discriminator", "example", "xml", "externalDocs", "readOnly", "writeOnly" };

        private readonly JsonTree _root;
        private readonly Dictionary<string, int> _typeAt = new();
        private readonly EquatableArray<TypeSpec> _types;
        private readonly HashSet<string> _inlining = new();

        private SchemaFragments(JsonTree root, EquatableArray<TypeSpec> types)
        {
            _root = root;
            _types = types;
            for (int index = 0; index < types.Count; index++)
            {
                if (!_typeAt.ContainsKey(types[index].Pointer))
                {
                    _typeAt.Add(types[index].Pointer, index);
                }
            }
        }

        /// <summary>One fragment per type of <paramref name="types"/>, in the same order.</summary>
        public static EquatableArray<TypeSchemaSpec> Build(JsonTree root, EquatableArray<TypeSpec> types, ISet<string> wantedStrict, DiagnosticBag diagnostics)
        {
            var fragments = new SchemaFragments(root, types);
            var built = new List<(TypeSpec Type, string Json, List<int> Dependencies, string? Strict, Problem? Problem)>(types.Count);
            foreach (TypeSpec type in types)
            {
                JsonTree? node = JsonPointer.Resolve(root, type.Pointer, out _);
                var dependencies = new List<int>();
                if (node is null)
                {
                    built.Add((type, "{}", dependencies, null, null));
                    continue;
                }

                var json = new StringBuilder();
                fragments.Write(json, node, type.Pointer, dependencies, strict: null);
                var strictJson = new StringBuilder();
                var strict = new StrictState();
                fragments.Write(strictJson, node, type.Pointer, new List<int>(), strict);
                built.Add((type, json.ToString(), dependencies, strict.Problem is null ? strictJson.ToString() : null, strict.Problem));
            }

            // A type is a strict root when it is an object and everything it reaches has a strict form.
            var result = new List<TypeSchemaSpec>(built.Count);
            List<(List<int> Dependencies, bool HasStrict)> reach = built.ConvertAll(b => (b.Dependencies, b.Strict is not null));
            for (int index = 0; index < built.Count; index++)
            {
                (TypeSpec type, string json, List<int> dependencies, string? strictJson, Problem? problem) = built[index];
                string? blocker = problem is null ? FirstWithoutStrict(index, reach) : null;
                bool strictRoot = type is ObjectSpec && strictJson is not null && blocker is null;
                if (wantedStrict.Remove(type.Name) && !strictRoot)
                {
                    JsonTree? node = JsonPointer.Resolve(root, type.Pointer, out _);
                    (TextPosition at, string reason, string where) = type is not ObjectSpec
                        ? (node?.Position ?? default, "a strict answer must be an object, and this type is not one", type.Pointer)
                        : problem is { } own ? (own.At, own.Reason, own.Pointer)
                        : (node?.Position ?? default, "it refers to '" + blocker + "', which has none", type.Pointer);
                    diagnostics.Add(Diagnostics.NoStrictSchema, at, type.Name, reason, JsonPointer.Display(where));
                }

                result.Add(new TypeSchemaSpec(type.Name, json, dependencies.ToEquatableArray(), strictJson, strictRoot));
            }

            foreach (string unknown in wantedStrict)
            {
                diagnostics.Add(Diagnostics.NoStrictSchema, root.Position, unknown, "no type of that name is generated from this schema", "#");
            }

            return result.ToEquatableArray();

            string? FirstWithoutStrict(int start, List<(List<int> Dependencies, bool HasStrict)> all)
            {
                var seen = new HashSet<int> { start };
                var queue = new Queue<int>(all[start].Dependencies);
                while (queue.Count > 0)
                {
                    int next = queue.Dequeue();
                    if (!seen.Add(next))
                    {
                        continue;
                    }

                    if (!all[next].HasStrict)
                    {
                        return types[next].Name;
                    }

                    foreach (int further in all[next].Dependencies)
                    {
                        queue.Enqueue(further);
                    }
                }

                return null;
            }
        }

        /// <summary>Writes the schema <paramref name="node"/> (at <paramref name="pointer"/>); strict when <paramref name="strict"/> is given.</summary>
        private void Write(StringBuilder json, JsonTree node, string pointer, List<int> dependencies, StrictState? strict, bool nullable = false)
        {
            if (node.Kind != JsonKind.Object)
            {
                if (strict is not null && node.Kind == JsonKind.True)
                {
                    strict.Fail(node, pointer, "a schema that accepts any value");
                }

                json.Append(nullable ? "{\"anyOf\":[" + JsonTreeWriter.ToJson(node) + ",{\"type\":\"null\"}]}" : JsonTreeWriter.ToJson(node));
                return;
            }

            if (node.Get("$ref") is { Kind: JsonKind.String } reference && node.Members!.Count == 1 && Inlined(reference.Text!) is { } target)
            {
                // A reference to a place that is not a type stands for that place.
                Write(json, target.Node, target.Pointer, dependencies, strict, nullable);
                _inlining.Remove(target.Pointer);
                return;
            }

            if (strict is not null && nullable && !CanTakeNullType(node))
            {
                // No plain "type" to add "null" to: the null goes beside the schema.
                json.Append("{\"anyOf\":[");
                Write(json, node, pointer, dependencies, strict);
                json.Append(",{\"type\":\"null\"}]}");
                return;
            }

            bool isObject = strict is not null && IsObjectSchema(node);
            if (strict is not null)
            {
                CheckStrict(node, pointer, strict, isObject);
            }

            json.Append('{');
            bool first = true;
            foreach (JsonMember member in node.Members!)
            {
                string name = member.Name;
                if (Dropped.Contains(name)
                    || (strict is not null && (OpenApiOnly.Contains(name) || name.StartsWith("x-", System.StringComparison.Ordinal)
                        || (isObject && (name == "required" || name == "additionalProperties")))))
                {
                    continue;
                }

                string memberPointer = JsonPointer.Append(pointer, name);
                Separate(json, ref first);
                if (name == "$ref" && member.Value.Kind == JsonKind.String && Inlined(member.Value.Text!) is { } beside)
                {
                    // A reference beside other keywords, to a place that is not a type: both apply.
                    json.Append("\"allOf\":[");
                    Write(json, beside.Node, beside.Pointer, dependencies, strict);
                    _inlining.Remove(beside.Pointer);
                    json.Append(']');
                    continue;
                }

                json.Append(JsonTreeWriter.Quote(strict is not null && name == "oneOf" ? "anyOf" : name)).Append(':');
                if (name == "$ref" && member.Value.Kind == JsonKind.String)
                {
                    json.Append(JsonTreeWriter.Quote(Rewrite(member.Value.Text!, dependencies)));
                }
                else if (name == "type" && strict is not null && (nullable || IsOpenApiNullable(node)) && member.Value.Kind is JsonKind.String or JsonKind.Array)
                {
                    WriteNullableType(json, member.Value);
                }
                else if (SchemaMaps.Contains(name) && member.Value.Kind == JsonKind.Object)
                {
                    WriteMap(json, member.Value, memberPointer, dependencies, strict, name == "properties" && isObject ? Required(node) : null);
                }
                else if (SchemaArrays.Contains(name) && member.Value.Kind == JsonKind.Array)
                {
                    json.Append('[');
                    for (int i = 0; i < member.Value.Items!.Count; i++)
                    {
                        json.Append(i > 0 ? "," : string.Empty);
                        Write(json, member.Value.Items[i], JsonPointer.Append(memberPointer, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), dependencies, strict);
                    }

                    json.Append(']');
                }
                else if (SchemaValued.Contains(name))
                {
                    Write(json, member.Value, memberPointer, dependencies, strict);
                }
                else
                {
                    json.Append(JsonTreeWriter.ToJson(member.Value));
                }
            }

            if (isObject)
            {
                // Strict: closed, and every property required (the optional ones were made nullable).
                Separate(json, ref first);
                json.Append("\"additionalProperties\":false");
                json.Append(",\"required\":[");
                bool firstName = true;
                foreach (JsonMember property in node.Get("properties")?.Members ?? new List<JsonMember>())
                {
                    json.Append(firstName ? string.Empty : ",").Append(JsonTreeWriter.Quote(property.Name));
                    firstName = false;
                }

                json.Append(']');
            }

            json.Append('}');
        }

        private void WriteMap(StringBuilder json, JsonTree map, string pointer, List<int> dependencies, StrictState? strict, HashSet<string>? required)
        {
            json.Append('{');
            bool first = true;
            foreach (JsonMember entry in map.Members!)
            {
                Separate(json, ref first);
                json.Append(JsonTreeWriter.Quote(entry.Name)).Append(':');
                Write(json, entry.Value, JsonPointer.Append(pointer, entry.Name), dependencies, strict, nullable: required is not null && !required.Contains(entry.Name));
            }

            json.Append('}');
        }

        /// <summary>A local reference to a generated type becomes <c>#/$defs/{TypeName}</c>; others stay as written.</summary>
        private string Rewrite(string reference, List<int> dependencies)
        {
            (string document, string fragment) = JsonPointer.SplitRef(reference);
            if (document.Length == 0 && _typeAt.TryGetValue(fragment, out int index))
            {
                if (!dependencies.Contains(index))
                {
                    dependencies.Add(index);
                }

                return "#/$defs/" + _types[index].Name;
            }

            return reference;
        }

        /// <summary>The target of a local reference that is not a generated type (and not already being inlined: a cycle keeps its $ref).</summary>
        private (JsonTree Node, string Pointer)? Inlined(string reference)
        {
            (string document, string fragment) = JsonPointer.SplitRef(reference);
            if (document.Length != 0 || _typeAt.ContainsKey(fragment) || _inlining.Contains(fragment)
                || JsonPointer.Resolve(_root, fragment, out _) is not { } target)
            {
                return null;
            }

            _inlining.Add(fragment);
            return (target, fragment);
        }

        private static void CheckStrict(JsonTree node, string pointer, StrictState strict, bool isObject)
        {
            if (node.Members!.Count == 0)
            {
                strict.Fail(node, pointer, "a schema that accepts any value");
            }
            else if (node.Member("patternProperties") is { } patterns)
            {
                strict.Fail(patterns.Value, JsonPointer.Append(pointer, "patternProperties"), "'patternProperties' (strict objects name every member)");
            }
            else if (node.Member("allOf") is { } allOf)
            {
                strict.Fail(allOf.Value, JsonPointer.Append(pointer, "allOf"), "'allOf' (closed parts cannot be combined)");
            }
            else if (node.Member("unevaluatedProperties") is { } unevaluated)
            {
                strict.Fail(unevaluated.Value, JsonPointer.Append(pointer, "unevaluatedProperties"), "'unevaluatedProperties'");
            }
            else if (isObject && node.Get("properties") is null && node.Get("additionalProperties")?.Kind is null or JsonKind.True)
            {
                strict.Fail(node, pointer, "an open object with no named members");
            }
            else if (isObject && node.Member("additionalProperties") is { Value: { Kind: JsonKind.Object } extra })
            {
                strict.Fail(extra, JsonPointer.Append(pointer, "additionalProperties"), node.Get("properties") is null
                    ? "a map ('additionalProperties' with a schema); strict objects name every member"
                    : "'additionalProperties' with a schema beside named properties");
            }
        }

        private static bool IsObjectSchema(JsonTree node)
        {
            if (node.Get("properties") is not null)
            {
                return true;
            }

            JsonTree? type = node.Get("type");
            if (type?.Kind == JsonKind.String)
            {
                return type.Text == "object";
            }

            return type?.Kind == JsonKind.Array && type.Items!.Exists(item => item.Text == "object");
        }

        private static bool CanTakeNullType(JsonTree node) =>
            node.Get("type") is { Kind: JsonKind.String or JsonKind.Array } && node.Get("enum") is null && node.Get("const") is null;

        private static bool IsOpenApiNullable(JsonTree node) => node.Get("nullable")?.Kind == JsonKind.True;

        private static void WriteNullableType(StringBuilder json, JsonTree type)
        {
            if (type.Kind == JsonKind.String)
            {
                json.Append('[').Append(JsonTreeWriter.Quote(type.Text!)).Append(type.Text == "null" ? "]" : ",\"null\"]");
                return;
            }

            bool hasNull = type.Items!.Exists(item => item.Text == "null");
            json.Append('[');
            for (int i = 0; i < type.Items.Count; i++)
            {
                json.Append(i > 0 ? "," : string.Empty).Append(JsonTreeWriter.ToJson(type.Items[i]));
            }

            json.Append(hasNull ? "]" : (type.Items.Count > 0 ? "," : string.Empty) + "\"null\"]");
        }

        private static HashSet<string> Required(JsonTree node)
        {
            var names = new HashSet<string>();
            foreach (JsonTree item in node.Get("required")?.Items ?? new List<JsonTree>())
            {
                if (item.Kind == JsonKind.String)
                {
                    names.Add(item.Text!);
                }
            }

            return names;
        }

        private static void Separate(StringBuilder json, ref bool first)
        {
            if (!first)
            {
                json.Append(',');
            }

            first = false;
        }

        private sealed record Problem(TextPosition At, string Pointer, string Reason);

        /// <summary>The first reason a fragment has no strict form.</summary>
        private sealed class StrictState
        {
            public Problem? Problem { get; private set; }

            public void Fail(JsonTree at, string pointer, string reason) => Problem ??= new Problem(at.Position, pointer, reason);
        }
    }
}
