using System.Collections.Generic;

namespace XaiAot.Generators.Schema
{
    /// <summary>How the generator treats each keyword it may meet in a schema object.</summary>
    internal enum KeywordClass
    {
        /// <summary>Shapes the generated type.</summary>
        Supported,

        /// <summary>Documentation only (descriptions, examples, comments).</summary>
        Annotation,

        /// <summary>Constrains values without changing their shape; enforced by the generated Validate() (no warning).</summary>
        Enforced,

        /// <summary>Would change the shape, but is not supported; ignored (warning XAOT0101).</summary>
        UnsupportedStructure,

        /// <summary>Not a JSON Schema keyword, nor an annotation real schemas use (Info XAOT0102: JSON Schema makes it an annotation).</summary>
        Unknown,
    }

    internal static class Keywords
    {
        private static readonly Dictionary<string, KeywordClass> Classes = new()
        {
            // The supported subset (see DESIGN.md, "Type mapping").
            ["$schema"] = KeywordClass.Supported,
            ["$id"] = KeywordClass.Supported,
            ["$defs"] = KeywordClass.Supported,
            ["definitions"] = KeywordClass.Supported,
            ["$ref"] = KeywordClass.Supported,
            ["type"] = KeywordClass.Supported,
            ["properties"] = KeywordClass.Supported,
            ["required"] = KeywordClass.Supported,
            ["additionalProperties"] = KeywordClass.Supported,
            ["patternProperties"] = KeywordClass.Supported,
            ["items"] = KeywordClass.Supported,
            ["enum"] = KeywordClass.Supported,
            ["const"] = KeywordClass.Supported,
            ["oneOf"] = KeywordClass.Supported,
            ["anyOf"] = KeywordClass.Supported,
            ["allOf"] = KeywordClass.Supported,
            ["format"] = KeywordClass.Supported,
            ["deprecated"] = KeywordClass.Supported,
            ["default"] = KeywordClass.Supported,

            // OpenAPI 3.0 spellings that real API schemas are full of; cheap to honour.
            ["nullable"] = KeywordClass.Supported,
            ["discriminator"] = KeywordClass.Supported,

            ["title"] = KeywordClass.Annotation,
            ["description"] = KeywordClass.Annotation,
            ["examples"] = KeywordClass.Annotation,
            ["$comment"] = KeywordClass.Annotation,

            // 2020-12 meta-data vocabulary: annotations, not assertions (they change nothing on the wire).
            ["readOnly"] = KeywordClass.Annotation,
            ["writeOnly"] = KeywordClass.Annotation,

            // OpenAPI's documentation-only keywords, on nearly every schema of a real API document.
            ["example"] = KeywordClass.Annotation,
            ["externalDocs"] = KeywordClass.Annotation,
            ["xml"] = KeywordClass.Annotation,

            // 2020-12's content vocabulary annotates by default (a validator asserts it only when asked).
            ["contentEncoding"] = KeywordClass.Annotation,
            ["contentMediaType"] = KeywordClass.Annotation,
            ["contentSchema"] = KeywordClass.Annotation,

            // Meta-schema and draft-04 bookkeeping: nothing to generate, nothing lost.
            ["$vocabulary"] = KeywordClass.Annotation,
            ["id"] = KeywordClass.Annotation,

            // Editor hints that SchemaStore schemas carry for VS Code and JetBrains IDEs: documentation only.
            ["markdownDescription"] = KeywordClass.Annotation,
            ["markdownEnumDescriptions"] = KeywordClass.Annotation,
            ["enumDescriptions"] = KeywordClass.Annotation,
            ["deprecationMessage"] = KeywordClass.Annotation,
            ["errorMessage"] = KeywordClass.Annotation,
            ["patternErrorMessage"] = KeywordClass.Annotation,
            ["defaultSnippets"] = KeywordClass.Annotation,
            ["doNotSuggest"] = KeywordClass.Annotation,
            ["suggestSortText"] = KeywordClass.Annotation,
            ["allowComments"] = KeywordClass.Annotation,
            ["allowTrailingCommas"] = KeywordClass.Annotation,

            ["pattern"] = KeywordClass.Enforced,
            ["minLength"] = KeywordClass.Enforced,
            ["maxLength"] = KeywordClass.Enforced,
            ["minimum"] = KeywordClass.Enforced,
            ["maximum"] = KeywordClass.Enforced,
            ["exclusiveMinimum"] = KeywordClass.Enforced,
            ["exclusiveMaximum"] = KeywordClass.Enforced,
            ["multipleOf"] = KeywordClass.Enforced,
            ["minItems"] = KeywordClass.Enforced,
            ["maxItems"] = KeywordClass.Enforced,
            ["uniqueItems"] = KeywordClass.Enforced,
            ["minProperties"] = KeywordClass.Enforced,
            ["maxProperties"] = KeywordClass.Enforced,
            ["minContains"] = KeywordClass.Enforced,
            ["maxContains"] = KeywordClass.Enforced,
            ["dependentRequired"] = KeywordClass.Enforced,

            // Applicators that only assert: Validate() checks them; the shape does not depend on them.
            ["if"] = KeywordClass.Enforced,
            ["then"] = KeywordClass.Enforced,
            ["else"] = KeywordClass.Enforced,
            ["not"] = KeywordClass.Enforced,
            ["propertyNames"] = KeywordClass.Enforced,
            ["contains"] = KeywordClass.Enforced,

            // Validate() checks these too, but the typed model does not follow them (their members or
            // items are read as JsonElement, or as additional members), so they still warn.
            ["dependentSchemas"] = KeywordClass.UnsupportedStructure,
            ["dependencies"] = KeywordClass.UnsupportedStructure,
            ["prefixItems"] = KeywordClass.UnsupportedStructure,
            ["additionalItems"] = KeywordClass.UnsupportedStructure,
            ["unevaluatedProperties"] = KeywordClass.UnsupportedStructure,
            ["unevaluatedItems"] = KeywordClass.UnsupportedStructure,
            ["$dynamicRef"] = KeywordClass.UnsupportedStructure,
            ["$dynamicAnchor"] = KeywordClass.UnsupportedStructure,
            ["$recursiveRef"] = KeywordClass.UnsupportedStructure,
            ["$recursiveAnchor"] = KeywordClass.UnsupportedStructure,
            ["$anchor"] = KeywordClass.UnsupportedStructure,
        };

        /// <remarks><c>x-</c> extensions (OpenAPI's, Kubernetes', an IDE's) are annotations by definition: they are silent.</remarks>
        public static KeywordClass Classify(string keyword) =>
            Classes.TryGetValue(keyword, out KeywordClass result) ? result
            : keyword.StartsWith("x-", System.StringComparison.Ordinal) ? KeywordClass.Annotation
            : KeywordClass.Unknown;

        /// <summary>
        /// Keywords that may stand beside <c>$ref</c> without changing what it means here: annotations, and
        /// assertions Validate() checks beside the reference (<c>enum</c>, <c>const</c>, constraints), which
        /// narrow what the referenced type reads but never widen it.
        /// </summary>
        public static bool IsRefCompanion(string keyword) =>
            keyword is "$ref" or "description" or "title" or "deprecated" or "default" or "examples" or "$comment" or "nullable" or "format" or "enum" or "const"
            || Classify(keyword) is KeywordClass.Enforced or KeywordClass.Unknown;
    }
}
