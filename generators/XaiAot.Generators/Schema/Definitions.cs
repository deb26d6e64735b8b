using System.Collections.Generic;
using XaiAot.Generators.JsonText;

namespace XaiAot.Generators.Schema
{
    /// <summary>Where a document keeps its named schemas, and whether its root is a schema of its own.</summary>
    internal static class Definitions
    {
        private static readonly string[] ValueKeywords =
        {
            "type", "properties", "$ref", "oneOf", "anyOf", "allOf", "enum", "const", "items", "additionalProperties",
        };

        /// <summary>
        /// <c>$defs</c>, <c>definitions</c> (drafts 4-7, Swagger 2) and an OpenAPI 3 document's
        /// <c>components/schemas</c>, so a whole API description can be used as is.
        /// </summary>
        public static IEnumerable<(JsonTree Container, string Pointer)> Containers(JsonTree root)
        {
            foreach (string container in new[] { "$defs", "definitions" })
            {
                if (root.Get(container) is { Kind: JsonKind.Object } defs)
                {
                    yield return (defs, "/" + container);
                }
            }

            if (root.Get("components") is { Kind: JsonKind.Object } components && components.Get("schemas") is { Kind: JsonKind.Object } schemas)
            {
                yield return (schemas, "/components/schemas");
            }
        }

        /// <summary>True when the root does more than hold definitions, so it is a type too.</summary>
        public static bool RootDescribesValue(JsonTree root)
        {
            foreach (string keyword in ValueKeywords)
            {
                if (root.Get(keyword) is not null)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
