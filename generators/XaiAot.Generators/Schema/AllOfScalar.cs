using System.Collections.Generic;
using XaiAot.Generators.JsonText;

namespace XaiAot.Generators.Schema
{
    /// <summary>
    /// <c>allOf</c> around one value that is not an object: <c>allOf: [{type: string}, {nullable: false}]</c>
    /// or <c>allOf: [{$ref: Count}, {description: ...}]</c>, the way OpenAPI generators attach
    /// constraints and documentation to a scalar. The value keeps the type of that one part; the
    /// other parts only constrain or document it, so nothing is merged.
    /// </summary>
    internal static class AllOfScalar
    {
        /// <summary>Keywords that give a schema its shape; a part without any of them only constrains or documents.</summary>
        private static readonly HashSet<string> Shaping = new(System.StringComparer.Ordinal)
        {
            "$ref", "type", "properties", "additionalProperties", "patternProperties", "items", "prefixItems", "enum", "const",
            "oneOf", "anyOf", "allOf", "required", "discriminator", "not", "if", "then", "else", "dependentSchemas",
            "propertyNames", "unevaluatedProperties", "unevaluatedItems",
        };

        /// <summary>
        /// The index of the one part that is not an object schema when every other part shapes nothing
        /// and the schema declares no members of its own; null otherwise (objects are merged as before).
        /// <paramref name="nullable"/> is true when a constraint-only part says <c>nullable: true</c>.
        /// </summary>
        public static int? SinglePart(JsonTree schema, JsonTree allOf, RefResolver refs, out bool nullable)
        {
            nullable = false;
            if (schema.Get("properties") is not null || schema.Get("additionalProperties") is not null
                || schema.Get("required") is not null || schema.Get("patternProperties") is not null)
            {
                return null;
            }

            int? single = null;
            for (int index = 0; index < allOf.Items!.Count; index++)
            {
                JsonTree part = allOf.Items[index];
                if (IsShapeless(part))
                {
                    nullable |= part.Kind == JsonKind.Object && part.Get("nullable") is { Kind: JsonKind.True };
                    continue;
                }

                if (single is not null)
                {
                    return null;
                }

                SchemaLocation? target = refs.Dereference(part, string.Empty);
                if (target is null || ObjectShape.IsObjectLike(target.Value.Tree))
                {
                    return null;
                }

                single = index;
            }

            return single;
        }

        private static bool IsShapeless(JsonTree part)
        {
            if (part.Kind != JsonKind.Object)
            {
                return part.Kind == JsonKind.True;
            }

            foreach (JsonMember member in part.Members!)
            {
                if (Shaping.Contains(member.Name))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
