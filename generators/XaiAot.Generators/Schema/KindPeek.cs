using System.Collections.Generic;
using System.Linq;
using XaiAot.Generators.JsonText;

namespace XaiAot.Generators.Schema
{
    /// <summary>
    /// Looks at a schema without building anything: which JSON kinds it accepts and which string
    /// values it allows. Unions are decided from this before any alternative becomes a type.
    /// </summary>
    internal sealed class KindPeek
    {
        /// <summary>
        /// How many <c>$ref</c>/alternative steps a peek follows before it gives up and answers "any
        /// kind"; peeking is recursive, and a chain of references thousands long must not exhaust the
        /// generator's stack (1 MB on Visual Studio's thread-pool threads). A limit on the input's own
        /// nesting, not on cycles (a visited set stops those): a peek stops at the first schema that
        /// states its kind, so only a chain of hundreds of bare aliases or nested alternatives reaches it.
        /// </summary>
        private const int MaxSteps = 400;

        private readonly RefResolver _refs;

        public KindPeek(RefResolver refs)
        {
            _refs = refs;
        }

        /// <summary>The kind of a JSON value (a <c>const</c> or an <c>enum</c> entry).</summary>
        public static KindSet KindOf(JsonTree value) =>
            value.Kind switch
            {
                JsonKind.String => KindSet.String,
                JsonKind.Number => TypeKeyword.IsIntegerText(value.Text!) ? KindSet.Integer : KindSet.Number,
                JsonKind.True or JsonKind.False => KindSet.Boolean,
                JsonKind.Null => KindSet.Null,
                JsonKind.Array => KindSet.Array,
                _ => KindSet.Object,
            };

        /// <summary>Which JSON kinds a schema accepts, following <c>$ref</c>s.</summary>
        public KindSet Kinds(JsonTree schema) => Kinds(schema, new HashSet<JsonTree>(NodeIdentity.Instance), steps: 0);

        /// <summary>The string values a schema allows (const or enum, through <c>$ref</c>s), or null for any string.</summary>
        public List<string>? Strings(JsonTree schema)
        {
            SchemaLocation? target = _refs.Dereference(schema, string.Empty);
            if (target is null || target.Value.Tree.Kind != JsonKind.Object)
            {
                return null;
            }

            JsonTree resolved = target.Value.Tree;
            if (resolved.Get("const") is { Kind: JsonKind.String } constant)
            {
                return new List<string> { constant.Text! };
            }

            if (resolved.Get("enum") is { Kind: JsonKind.Array } values)
            {
                var strings = values.Items!.Where(value => value.Kind == JsonKind.String).Select(value => value.Text!).ToList();
                return strings.Count > 0 ? strings : null;
            }

            return null;
        }

        private KindSet Kinds(JsonTree schema, HashSet<JsonTree> visited, int steps)
        {
            if (schema.Kind != JsonKind.Object || steps > MaxSteps)
            {
                return KindSet.Any;
            }

            if (!visited.Add(schema))
            {
                return KindSet.Any;
            }

            KindSet nullable = schema.Get("nullable") is { Kind: JsonKind.True } ? KindSet.Null : KindSet.None;
            if (schema.Get("$ref") is { Kind: JsonKind.String } reference)
            {
                SchemaLocation? target = _refs.Follow(reference.Text!);
                return target is null ? KindSet.Any : Kinds(target.Value.Tree, visited, steps + 1) | nullable;
            }

            if (schema.Get("const") is { } constant)
            {
                return KindOf(constant) | nullable;
            }

            if (schema.Get("enum") is { Kind: JsonKind.Array } values)
            {
                KindSet kinds = nullable;
                foreach (JsonTree value in values.Items!)
                {
                    kinds |= KindOf(value);
                }

                return kinds;
            }

            if (Alternatives.Shaping(schema) is { } alternatives)
            {
                KindSet kinds = nullable;
                foreach (JsonTree alternative in alternatives.Value.Items!)
                {
                    kinds |= Kinds(alternative, visited, steps + 1);
                }

                return kinds;
            }

            HashSet<string>? types = TypeKeyword.Names(schema);
            if (types is not null && types.Count > 0)
            {
                KindSet kinds = nullable;
                foreach (string type in types)
                {
                    kinds |= type switch
                    {
                        "string" => KindSet.String,
                        "integer" => KindSet.Integer,
                        "number" => KindSet.Number,
                        "boolean" => KindSet.Boolean,
                        "array" => KindSet.Array,
                        "object" => KindSet.Object,
                        _ => KindSet.Null,
                    };
                }

                return kinds;
            }

            if (schema.Get("properties") is not null || schema.Get("additionalProperties") is not null || schema.Get("required") is not null
                || schema.Get("patternProperties") is not null)
            {
                return KindSet.Object | nullable;
            }

            if (schema.Get("allOf") is { Kind: JsonKind.Array } allOf)
            {
                // The intersection of the parts' kinds; a part that accepts anything does not narrow it.
                KindSet kinds = KindSet.Any;
                foreach (JsonTree part in allOf.Items!)
                {
                    KindSet partKinds = Kinds(part, visited, steps + 1);
                    kinds = (kinds & KindSet.Any) != 0 ? partKinds : kinds & (partKinds | KindSet.Null);
                }

                return kinds | nullable;
            }

            return schema.Get("items") is not null ? KindSet.Array | nullable : KindSet.Any;
        }
    }
}
