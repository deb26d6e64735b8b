using System.Collections.Generic;
using XaiAot.Generators.JsonText;

namespace XaiAot.Generators.Schema
{
    /// <summary>Whether a schema can be merged into an object through <c>allOf</c>, and how to say why not.</summary>
    internal static class ObjectShape
    {
        public static bool IsObjectLike(JsonTree schema)
        {
            if (schema.Kind != JsonKind.Object)
            {
                return schema.Kind == JsonKind.True;
            }

            if (Alternatives.Shaping(schema) is not null || schema.Get("enum") is not null || schema.Get("const") is not null)
            {
                return false;
            }

            HashSet<string>? types = TypeKeyword.Names(schema);
            return types is null || types.Count == 0 || types.Contains("object");
        }

        /// <summary>What a schema that is not object-like is instead, for the allOf conflict diagnostic.</summary>
        public static string DescribeNonObject(JsonTree schema)
        {
            if (schema.Kind != JsonKind.Object)
            {
                return SchemaWalker.Article(schema);
            }

            // Said in a few words: a diagnostic is one line, never a pasted schema.
            foreach (string keyword in new[] { "oneOf", "anyOf", "enum", "const", "type" })
            {
                if (schema.Get(keyword) is not { } value)
                {
                    continue;
                }

                return value.Kind == JsonKind.Array && keyword != "type"
                    ? "a schema with '" + keyword + "' of " + value.Items!.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + (keyword == "enum" ? " values" : " schemas")
                    : "a schema with '" + keyword + "' " + Diagnostics.Excerpt(JsonTreeWriter.ToJson(value), 40);
            }

            return "not an object schema";
        }
    }
}
