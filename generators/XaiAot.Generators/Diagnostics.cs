using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace XaiAot.Generators
{
    /// <summary>
    /// Every diagnostic the generator reports, in one place, with stable ids. Errors stop a schema
    /// (or part of it) from generating; warnings say what was ignored and how the result differs.
    /// Every message names the keyword or value and its JSON pointer; the location is its line and column.
    /// </summary>
    internal static class Diagnostics
    {
        private const string Category = "XaiAot.Schema";

        /// <summary>Text of the schema quoted in a message, cut to <paramref name="max"/> characters: a message is one line, not a pasted fragment.</summary>
        public static string Excerpt(string text, int max = 60) => text.Length <= max ? text : text.Substring(0, max - 1) + "…";

        public static readonly DiagnosticDescriptor InvalidJson = new(
            "XAOT0001",
            "Schema file is not valid JSON",
            "Schema file '{0}' is not valid JSON: {1}",
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor UnresolvedRef = new(
            "XAOT0002",
            "$ref does not resolve",
            "$ref '{0}' at '{1}' does not resolve: {2}",
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor InvalidType = new(
            "XAOT0003",
            "Not a JSON Schema type",
            "'{0}' at '{1}' is not a JSON Schema type; expected one of string, integer, number, boolean, object, array, null",
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor InvalidKeywordValue = new(
            "XAOT0004",
            "Keyword has a value of the wrong kind",
            "Keyword '{0}' at '{1}' must be {2}, but is {3}",
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor InvalidSchema = new(
            "XAOT0005",
            "Not a schema",
            "'{0}' must be a JSON Schema (an object or a boolean), but is {1}",
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor RefCycle = new(
            "XAOT0006",
            "$ref cycle without a type",
            "$ref '{0}' at '{1}' leads back to itself without reaching a type; it is generated as JsonElement",
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor InvalidOption = new(
            "XAOT0007",
            "Invalid generator option",
            "The {0} '{1}' given for schema file '{2}' is not a valid C# {3}",
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor NestingTooDeep = new(
            "XAOT0008",
            "References nest too deeply",
            "The schema at '{0}' is reached through more than {1} nested references and subschemas; it is generated as JsonElement",
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor UnsupportedKeyword = new(
            "XAOT0101",
            "Keyword is not supported",
            "Keyword '{0}' at '{1}' is not supported by the generator and is ignored; the generated type may accept a different shape",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true);

        // Info, not a warning: JSON Schema treats an unknown keyword as an annotation, so the generated
        // code handles data exactly as the schema says (SchemaStore's vector.json alone has 3,145 of
        // them, for its own '_metadata'). Still shown by an IDE, where a typo such as 'min_items' is caught.
        public static readonly DiagnosticDescriptor UnknownKeyword = new(
            "XAOT0102",
            "Unknown keyword",
            "'{0}' at '{1}' is not a JSON Schema keyword; it is ignored",
            Category,
            DiagnosticSeverity.Info,
            isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor AmbiguousUnion = new(
            "XAOT0104",
            "Union cannot be told apart",
            "The alternatives of '{0}' at '{1}' cannot be told apart {2}; the value is kept as JsonElement",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true);

        // Info: the member is less precisely typed (long, JsonElement), but reading keeps every value
        // and Validate() checks it against the enum or const, so data is handled as the schema says.
        public static readonly DiagnosticDescriptor UnsupportedEnum = new(
            "XAOT0105",
            "Enum or const of non-string values",
            "'{0}' at '{1}' holds {2}; only string values become open enums, so it is generated as {3}",
            Category,
            DiagnosticSeverity.Info,
            isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor RemoteRef = new(
            "XAOT0106",
            "Remote $ref is not supported",
            "$ref '{0}' at '{1}' points outside this file; only local references ('#/...') are supported, so the value is kept as JsonElement",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true);

        // Info: Validate() checks the member is present, and reading is lenient for every keyword.
        public static readonly DiagnosticDescriptor RequiredNotDeclared = new(
            "XAOT0107",
            "Required member is not declared",
            "'required' at '{0}' names '{1}', which 'properties' does not declare; it is read with the unknown members and Validate() checks it is there",
            Category,
            DiagnosticSeverity.Info,
            isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor IgnoredBesideKeyword = new(
            "XAOT0108",
            "Keyword ignored beside another",
            "Keyword '{0}' at '{1}' is ignored because '{2}' decides the type here",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor AllOfConflict = new(
            "XAOT0109",
            "allOf part is not an object",
            "'allOf' at '{0}' merges object schemas only, but part {1} is {2}; that part is ignored",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor NoStrictSchema = new(
            "XAOT0110",
            "No strict structured-output schema",
            "Type '{0}' is listed in StrictJsonSchemas but has no strict structured-output schema: {1} at '{2}'",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor InvalidPattern = new(
            "XAOT0111",
            "Pattern cannot be compiled",
            "Pattern '{0}' at '{1}' cannot be compiled as a .NET regular expression ({2}); Validate() does not check it",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor PatternNotCompiled = new(
            "XAOT0115",
            "patternProperties pattern cannot be compiled",
            "The pattern '{0}' at '{1}' is not a regular expression .NET can compile ({2}); the object's unnamed members are kept as JsonElement",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor InternalError = new(
            "XAOT9999",
            "Schema generator failed",
            "The schema generator failed on '{0}': {1}. Please report this with the schema.",
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true);

        private static readonly Dictionary<string, DiagnosticDescriptor> All = Index(
            InvalidJson, UnresolvedRef, InvalidType, InvalidKeywordValue, InvalidSchema, RefCycle, InvalidOption, NestingTooDeep,
            UnsupportedKeyword, UnknownKeyword, AmbiguousUnion,
            UnsupportedEnum, RemoteRef, RequiredNotDeclared, IgnoredBesideKeyword, AllOfConflict, NoStrictSchema, InvalidPattern, PatternNotCompiled, InternalError);

        public static DiagnosticDescriptor ById(string id) => All[id];

        private static Dictionary<string, DiagnosticDescriptor> Index(params DiagnosticDescriptor[] descriptors)
        {
            var index = new Dictionary<string, DiagnosticDescriptor>();
            foreach (DiagnosticDescriptor descriptor in descriptors)
            {
                index.Add(descriptor.Id, descriptor);
            }

            return index;
        }
    }
}
