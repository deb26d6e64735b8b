using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using XaiAot.Generators.Emit;
using XaiAot.Generators.JsonText;
using XaiAot.Generators.Model;
using XaiAot.Generators.Schema;
using XaiAot.Generators.Typing;

namespace XaiAot.Generators
{
    /// <summary>
    /// Compiles every <c>*.schema.json</c> AdditionalFile into records, open enums, unions, their
    /// converters and a JsonSerializerContext. One equatable model per file flows through the
    /// pipeline (never a Collect of all files), and diagnostics travel apart from code, so an
    /// unrelated edit, or a diagnostic that only moved, re-emits nothing.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class SchemaGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<AdditionalText> files = context.AdditionalTextsProvider
                .Where(static file => file.Path.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
                .WithTrackingName(TrackingNames.SchemaFiles);

            IncrementalValuesProvider<SchemaInput> inputs = files
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Select(static (pair, cancellation) => SchemaInput.From(pair.Left, pair.Right, cancellation))
                .WithTrackingName(TrackingNames.SchemaInputs);

            IncrementalValuesProvider<CompiledSchema> compiled = inputs
                .Select(static (input, cancellation) => Compile(input, cancellation))
                .WithTrackingName(TrackingNames.CompiledSchemas);

            context.RegisterSourceOutput(
                compiled.Select(static (schema, _) => schema.Diagnostics).WithTrackingName(TrackingNames.Diagnostics),
                static (output, diagnostics) =>
                {
                    foreach (DiagnosticInfo diagnostic in diagnostics)
                    {
                        output.ReportDiagnostic(diagnostic.ToDiagnostic());
                    }
                });

            // Which file generates which context: tiny, and unchanged by edits to a schema's content,
            // so collecting it costs no caching. Two files must not emit the same hint names (the
            // driver would drop every output of the generator), so the later one reports XAOT0007.
            IncrementalValueProvider<ImmutableArray<ContextKey>> contexts = inputs
                .Select(static (input, _) => new ContextKey(input.Path, input.Namespace, input.ContextName))
                .WithTrackingName(TrackingNames.ContextKeys)
                .Collect();

            // The runtime helpers go into a namespace derived from the assembly name (a string: equal
            // from one compilation to the next, so this step stays cached), and are emitted once per
            // assembly, whatever number of schema files it compiles.
            IncrementalValueProvider<string> runtimeNamespace = context.CompilationProvider
                .Select(static (compilation, _) => RuntimeSource.Namespace(compilation.AssemblyName))
                .WithTrackingName(TrackingNames.RuntimeNamespace);

            // Only when some schema compiled: a broken schema file alone generates nothing.
            IncrementalValueProvider<bool> anySchema = compiled
                .Select(static (schema, _) => schema.Spec is not null)
                .Collect()
                .Select(static (all, _) => all.Contains(true))
                .WithTrackingName(TrackingNames.AnySchema);

            context.RegisterSourceOutput(
                anySchema.Combine(runtimeNamespace),
                static (output, pair) =>
                {
                    if (pair.Left)
                    {
                        output.AddSource(RuntimeSource.HintName, SourceText.From(RuntimeSource.Emit(pair.Right), System.Text.Encoding.UTF8));
                        output.AddSource(RuntimeSource.ValidationHintName, SourceText.From(RuntimeSource.EmitValidation(pair.Right), System.Text.Encoding.UTF8));
                    }
                });

            // DateTimeText (a public type) only where some schema has a date-time; a bool, so cached.
            IncrementalValueProvider<bool> anyDateTime = compiled
                .Select(static (schema, _) => schema.Spec is not null && DateTimeTextSource.Uses(schema.Spec))
                .Collect()
                .Select(static (all, _) => all.Contains(true))
                .WithTrackingName(TrackingNames.AnyDateTime);

            context.RegisterSourceOutput(
                anyDateTime.Combine(runtimeNamespace),
                static (output, pair) =>
                {
                    if (pair.Left)
                    {
                        output.AddSource(DateTimeTextSource.HintName, SourceText.From(DateTimeTextSource.Emit(pair.Right), System.Text.Encoding.UTF8));
                    }
                });

            context.RegisterSourceOutput(
                compiled.Select(static (schema, _) => schema.Spec).WithTrackingName(TrackingNames.Specs).Combine(contexts).Combine(runtimeNamespace),
                static (output, pair) => Emit(output, pair.Left.Left, pair.Left.Right, pair.Right));
        }

        internal static CompiledSchema Compile(SchemaInput input, System.Threading.CancellationToken cancellation)
        {
            if (input.Text is null)
            {
                var diagnostics = new DiagnosticBag(input.Path);
                diagnostics.Add(Diagnostics.InvalidJson, default, System.IO.Path.GetFileName(input.Path), "the file could not be read");
                return new CompiledSchema(null, diagnostics.Items.ToEquatableArray());
            }

            try
            {
                CompiledSchema compiled = SchemaCompiler.Compile(input.Path, input.Text, input.Namespace, input.ContextName, cancellation, input.ValidateFormats);
                return compiled.Spec is null || !input.JsonSchemas ? compiled : WithSchemas(compiled, input);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A bug of ours must surface as a diagnostic on the schema, never as AD0001.
                var diagnostics = new DiagnosticBag(input.Path);
                diagnostics.Add(Diagnostics.InternalError, default, System.IO.Path.GetFileName(input.Path), ex.GetType().Name + ": " + ex.Message);
                return new CompiledSchema(null, diagnostics.Items.ToEquatableArray());
            }
        }

        /// <summary>Adds each type's own JSON Schema (and its strict form) to a compiled spec.</summary>
        private static CompiledSchema WithSchemas(CompiledSchema compiled, SchemaInput input)
        {
            var diagnostics = new DiagnosticBag(input.Path);
            var wanted = new System.Collections.Generic.HashSet<string>(
                input.StrictJsonSchemas.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
            wanted.Remove(string.Empty);
            EquatableArray<TypeSchemaSpec> schemas = SchemaFragments.Build(JsonTreeReader.Parse(input.Text!), compiled.Spec!.Types, wanted, diagnostics);
            var all = new System.Collections.Generic.List<DiagnosticInfo>(compiled.Diagnostics);
            all.AddRange(diagnostics.Items);
            return new CompiledSchema(compiled.Spec with { Schemas = schemas }, all.ToEquatableArray());
        }

        private static void Emit(SourceProductionContext output, GenerationSpec? spec, ImmutableArray<ContextKey> contexts, string runtimeNamespace)
        {
            if (spec is null)
            {
                return;
            }

            Location file = Location.Create(spec.SchemaPath, default, default);
            foreach (ContextKey other in contexts)
            {
                if (other.Namespace == spec.Namespace && other.ContextName == spec.ContextName
                    && string.CompareOrdinal(other.Path, spec.SchemaPath) < 0)
                {
                    output.ReportDiagnostic(Diagnostic.Create(
                        Diagnostics.InvalidOption,
                        file,
                        "ContextName",
                        spec.ContextName,
                        spec.SchemaFileName,
                        "class name here: '" + other.Path + "' generates a context of that name in namespace '" + spec.Namespace + "'"));
                    return;
                }
            }

            try
            {
                foreach (GeneratedFile generated in SourceEmitter.Emit(spec, runtimeNamespace))
                {
                    output.CancellationToken.ThrowIfCancellationRequested();
                    output.AddSource(generated.HintName, SourceText.From(generated.Source, System.Text.Encoding.UTF8));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                output.ReportDiagnostic(Diagnostic.Create(Diagnostics.InternalError, file, spec.SchemaFileName, ex.GetType().Name + ": " + ex.Message));
            }
        }
    }
}
