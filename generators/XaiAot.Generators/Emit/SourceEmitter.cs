using System.Collections.Generic;
using XaiAot.Generators.Model;

namespace XaiAot.Generators.Emit
{
    /// <summary>One generated file: its hint name and its text.</summary>
    internal sealed record GeneratedFile(string HintName, string Source);

    /// <summary>A spec -> the files of its schema: one per type and the context.</summary>
    internal static class SourceEmitter
    {
        /// <summary>The files of one schema; the runtime helpers they call are emitted once per assembly (<see cref="RuntimeSource"/>).</summary>
        public static List<GeneratedFile> Emit(GenerationSpec spec, string runtimeNamespace = "XaiAot.Generated.ThisAssembly")
        {
            spec = spec with { RuntimeNamespace = runtimeNamespace };
            var files = new List<GeneratedFile>(spec.Types.Count + 1);
            string runtime = RuntimeSource.TypeName(runtimeNamespace);
            // The namespace keeps two schemas of the same file name (v1/api.schema.json, v2/api.schema.json)
            // apart: hint names are unique per generator, not per schema file.
            string prefix = (spec.Namespace.Length == 0 ? string.Empty : spec.Namespace + ".") + spec.ContextName + ".";
            foreach (TypeSpec type in spec.Types)
            {
                string converter = ContextEmitter.ConverterName(spec, type.Name);
                string source = type switch
                {
                    ObjectSpec o => ObjectEmitter.Emit(spec, o, runtime, converter),
                    EnumSpec e => EnumEmitter.Emit(spec, e, runtime, converter),
                    KindUnionSpec k => KindUnionEmitter.Emit(spec, k, runtime, converter),
                    DiscriminatedUnionSpec d => DiscriminatedUnionEmitter.Emit(spec, d, runtime, converter),
                    _ => string.Empty,
                };
                files.Add(new GeneratedFile(prefix + type.Name + ".g.cs", source));
            }

            files.Add(new GeneratedFile(prefix + "g.cs", ContextEmitter.Emit(spec, runtime)));
            if (spec.Schemas.Count > 0)
            {
                files.Add(new GeneratedFile(prefix + "JsonSchemas.g.cs", JsonSchemasEmitter.Emit(spec, runtime)));
            }

            if (spec.Validation is { } validation)
            {
                files.Add(new GeneratedFile(prefix + "Validation.g.cs", ValidateEmitter.Emit(spec, validation, runtime)));
            }

            return files;
        }
    }
}
