using System;
using System.IO;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace XaiAot.Generators
{
    /// <summary>
    /// One schema file and its options, as plain strings: equal across runs when nothing relevant
    /// changed, so every later step is skipped.
    /// </summary>
    internal sealed record SchemaInput(string Path, string? Text, string Namespace, string ContextName)
    {
        /// <summary>Whether <c>{Context}.JsonSchemas</c> is generated (metadata <c>JsonSchemas="false"</c> turns it off).</summary>
        public bool JsonSchemas { get; init; } = true;

        /// <summary>
        /// The types whose strict schema the user relies on (metadata <c>StrictJsonSchemas="Answer;Step"</c>):
        /// one that cannot take the strict form is then a warning where the schema prevents it.
        /// </summary>
        public string StrictJsonSchemas { get; init; } = string.Empty;

        /// <summary>Whether Validate() asserts <c>format</c> (metadata <c>ValidateFormats="true"</c>); by default a format is an annotation.</summary>
        public bool ValidateFormats { get; init; }

        public static SchemaInput From(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellation)
        {
            AnalyzerConfigOptions fileOptions = options.GetOptions(file);
            string ns = Option(fileOptions, "build_metadata.AdditionalFiles.Namespace")
                ?? Option(options.GlobalOptions, "build_property.RootNamespace")
                ?? string.Empty;
            string context = Option(fileOptions, "build_metadata.AdditionalFiles.ContextName")
                ?? DefaultContextName(file.Path);
            bool schemas = !string.Equals(Option(fileOptions, "build_metadata.AdditionalFiles.JsonSchemas"), "false", StringComparison.OrdinalIgnoreCase);
            return new SchemaInput(file.Path, file.GetText(cancellation)?.ToString(), ns, context)
            {
                JsonSchemas = schemas,
                StrictJsonSchemas = Option(fileOptions, "build_metadata.AdditionalFiles.StrictJsonSchemas") ?? string.Empty,
                ValidateFormats = string.Equals(Option(fileOptions, "build_metadata.AdditionalFiles.ValidateFormats"), "true", StringComparison.OrdinalIgnoreCase),
            };
        }

        /// <summary>The file stem in PascalCase + "JsonContext": <c>xai-chat.schema.json</c> -> <c>XaiChatJsonContext</c>.</summary>
        public static string DefaultContextName(string path)
        {
            string name = System.IO.Path.GetFileName(path);
            int dot = name.IndexOf(".schema.json", StringComparison.OrdinalIgnoreCase);
            string stem = dot > 0 ? name.Substring(0, dot) : name;
            return Naming.Identifiers.ToPascalCase(stem, "Schema").TrimStart('@') + "JsonContext";
        }

        private static string? Option(AnalyzerConfigOptions options, string key) =>
            options.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
    }
}
