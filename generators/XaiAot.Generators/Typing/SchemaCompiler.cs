using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using XaiAot.Generators.Checks;
using XaiAot.Generators.JsonText;
using XaiAot.Generators.Model;
using XaiAot.Generators.Naming;
using XaiAot.Generators.Schema;

namespace XaiAot.Generators.Typing
{
    /// <summary>
    /// Compiles one schema file into a <see cref="GenerationSpec"/>, as a pipeline: check the options,
    /// read the JSON, check every keyword (<see cref="SchemaWalker"/>), reserve the definitions' names,
    /// resolve the root and each definition into specs (<see cref="TypeResolver"/>, a work queue), order
    /// them depth-first (<see cref="DepthFirstOrder"/>), adopt union variants
    /// (<see cref="VariantAdoption"/>), then compile the checks behind each type's Validate()
    /// (<see cref="CheckCompiler"/>). Every <c>$defs</c> entry (and the root, when it describes a
    /// value) becomes a type; inline object, enum and union schemas become types named
    /// from their path. Never throws for bad input: problems become diagnostics and the affected value
    /// degrades to <c>JsonElement</c>, which still round-trips whatever arrives.
    /// </summary>
    internal static class SchemaCompiler
    {
        /// <summary>Compiles <paramref name="text"/>; all problems are returned as diagnostics.</summary>
        public static CompiledSchema Compile(string filePath, string text, string ns, string contextName, CancellationToken cancellation, bool validateFormats = false)
        {
            var diagnostics = new DiagnosticBag(filePath);
            string fileName = System.IO.Path.GetFileName(filePath);
            CheckOptions(diagnostics, fileName, ns, contextName);
            if (diagnostics.HasErrors)
            {
                return new CompiledSchema(null, diagnostics.Items.ToEquatableArray());
            }

            JsonTree root;
            try
            {
                root = JsonTreeReader.Parse(text);
            }
            catch (JsonSyntaxException ex)
            {
                diagnostics.Add(Diagnostics.InvalidJson, ex.Position, fileName, ex.Message);
                return new CompiledSchema(null, diagnostics.Items.ToEquatableArray());
            }

            if (root.Kind != JsonKind.Object)
            {
                if (!root.IsBoolean)
                {
                    diagnostics.Add(Diagnostics.InvalidSchema, root.Position, "#", SchemaWalker.Article(root));
                    return new CompiledSchema(
                        new GenerationSpec(filePath, fileName, ns, contextName, EquatableArray<TypeSpec>.Empty),
                        diagnostics.Items.ToEquatableArray());
                }

                // `true` or `false`: no type, but a validator (the test suite's boolean schemas).
                var checks = new CheckCompiler(new RefResolver(root, null), diagnostics, validateFormats);
                var entries = new List<(string Name, JsonTree Schema, string Pointer, bool Named)> { (RootName(root, fileName), root, string.Empty, false) };
                return new CompiledSchema(
                    new GenerationSpec(filePath, fileName, ns, contextName, EquatableArray<TypeSpec>.Empty) { Validation = Validation(checks, root, new List<TypeSpec>(), entries) },
                    diagnostics.Items.ToEquatableArray());
            }

            string? rootId = root.Get("$id") is { Kind: JsonKind.String } id ? id.Text : null;
            new SchemaWalker(root, rootId, diagnostics).Walk();
            var table = new TypeTable(contextName);
            var resolver = new TypeResolver(table, new RefResolver(root, rootId), diagnostics, cancellation);
            var topLevelSchemas = new List<(string Name, JsonTree Schema, string Pointer, bool Named)>();
            List<TypeRef> topLevel = ResolveTypes(root, fileName, table, resolver, cancellation, topLevelSchemas);
            List<TypeSpec> types = VariantAdoption.Apply(DepthFirstOrder.Apply(table.InRegistrationOrder(), topLevel), table);
            ValidationSpec validation = Validation(new CheckCompiler(new RefResolver(root, rootId), diagnostics, validateFormats), root, types, topLevelSchemas);
            return new CompiledSchema(
                new GenerationSpec(filePath, fileName, ns, contextName, types.ToEquatableArray()) { Validation = validation },
                diagnostics.Items.ToEquatableArray());
        }

        private static void CheckOptions(DiagnosticBag diagnostics, string fileName, string ns, string contextName)
        {
            var fileStart = new TextPosition(0, 0, 0, 0);
            if (!Identifiers.IsValidNamespace(ns))
            {
                diagnostics.Add(Diagnostics.InvalidOption, fileStart, "Namespace", ns, fileName, "namespace");
            }

            if (!Identifiers.IsValidIdentifier(contextName))
            {
                diagnostics.Add(Diagnostics.InvalidOption, fileStart, "ContextName", contextName, fileName, "class name");
            }
            else if (Array.IndexOf(ReservedNames.ContextMembers, contextName) >= 0 || contextName.StartsWith("_", StringComparison.Ordinal))
            {
                // The context declares these members itself (and a field "_" + each type name); a class
                // cannot have a member named like itself (CS0542).
                diagnostics.Add(Diagnostics.InvalidOption, fileStart, "ContextName", contextName, fileName, "class name here: the context declares a member of that name");
            }
            else if (contextName.All(character => character >= 'a' && character <= 'z'))
            {
                diagnostics.Add(Diagnostics.InvalidOption, fileStart, "ContextName", contextName, fileName, "class name without warning CS8981: lower-case type names are reserved for the language");
            }
        }

        /// <summary>
        /// The checks behind every Validate(): one per generated type (a derived variant inherits its
        /// base's, which checks the whole union) and one validator per top-level schema (the root, when
        /// it says anything about a value, and each definition), whatever its C# type.
        /// </summary>
        private static ValidationSpec Validation(CheckCompiler checks, JsonTree root, List<TypeSpec> types, List<(string Name, JsonTree Schema, string Pointer, bool Named)> topLevel)
        {
            var typeMethods = new List<(string Name, int Method)>();
            foreach (TypeSpec type in types)
            {
                if (type is ObjectSpec { BaseName: not null })
                {
                    continue;
                }

                if (JsonPointer.Resolve(root, type.Pointer, out _) is { } schema)
                {
                    typeMethods.Add((type.Name, checks.MethodFor(schema, type.Pointer, typed: true)));
                }
            }

            // Named types are validated through their Validate(); a validator over JsonElement is generated
            // for the top-level schemas that become no type of their own (a constrained string, an array).
            var schemaMethods = new List<(string Name, int Method)>();
            var names = new NameScope(new[] { "Validators", "Equals", "ReferenceEquals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize" });
            foreach ((string name, JsonTree schema, string pointer, bool named) in topLevel)
            {
                if (!named)
                {
                    schemaMethods.Add((names.Claim(name), checks.MethodFor(schema, pointer, typed: false)));
                }
            }

            (EquatableArray<CheckMethodSpec> methods, bool[] trivial) = checks.Finish();
            var entries = typeMethods.Select(t => new CheckEntry(t.Name, checks.Resolve(t.Method), trivial[t.Method], methods[checks.Resolve(t.Method)].Location)).ToList();
            var validators = schemaMethods.Select(t => new CheckEntry(t.Name, checks.Resolve(t.Method), false, methods[checks.Resolve(t.Method)].Location)).ToList();
            bool[] reached = CheckCompiler.Reachable(methods, entries.Concat(validators).Where(e => !e.Trivial).Select(e => e.Method));
            return new ValidationSpec(
                methods.Where(m => reached[m.Id]).ToEquatableArray(),
                entries.ToEquatableArray(),
                validators.ToEquatableArray());
        }

        private static string RootName(JsonTree root, string fileName) =>
            root.Get("title") is { Kind: JsonKind.String } title
                ? TypeNames.FromSchemaName(title.Text!)
                : TypeNames.FromSchemaName(TypeNames.FileStem(fileName));

        /// <summary>True when the root holds a keyword other than definitions and annotations (so it has a validator of its own).</summary>
        private static bool RootAsserts(JsonTree root) =>
            root.Members!.Any(m => m.Name is not ("$defs" or "definitions" or "components" or "$schema" or "$id" or "openapi" or "info" or "paths" or "servers" or "tags" or "security" or "webhooks" or "jsonSchemaDialect")
                && Keywords.Classify(m.Name) != KeywordClass.Annotation && Keywords.Classify(m.Name) != KeywordClass.Unknown);

        /// <summary>Resolves the root (when it describes a value) and every definition; returns their types in that order.</summary>
        private static List<TypeRef> ResolveTypes(JsonTree root, string fileName, TypeTable table, TypeResolver resolver, CancellationToken cancellation, List<(string Name, JsonTree Schema, string Pointer, bool Named)> topLevelSchemas)
        {
            var topLevel = new List<TypeRef>();
            var definitions = new List<(JsonTree Schema, string Pointer, string Name)>();
            foreach ((JsonTree container, string containerPointer) in Definitions.Containers(root))
            {
                foreach (JsonMember member in container.Members!)
                {
                    // Definitions claim their names first, so inline types never take a name the
                    // schema author chose, and adding an inline type never renames a definition.
                    string name = table.Reserve(member.Value, TypeNames.FromSchemaName(member.Name));
                    definitions.Add((member.Value, JsonPointer.Append(containerPointer, member.Name), name));
                }
            }

            if (Definitions.RootDescribesValue(root))
            {
                string rootName = RootName(root, fileName);
                string reserved = table.Reserve(root, rootName);
                topLevel.Add(resolver.ResolveAll(root, string.Empty, rootName));
                topLevelSchemas.Add((reserved, root, string.Empty, topLevel[topLevel.Count - 1] is { Kind: ValueKind.Named } rootType && rootType.Name == reserved));
            }
            else if (RootAsserts(root))
            {
                topLevelSchemas.Add((RootName(root, fileName), root, string.Empty, false));
            }

            foreach ((JsonTree schema, string pointer, string name) in definitions)
            {
                cancellation.ThrowIfCancellationRequested();
                topLevel.Add(resolver.ResolveAll(schema, pointer, name));
                topLevelSchemas.Add((name, schema, pointer, topLevel[topLevel.Count - 1] is { Kind: ValueKind.Named } type && type.Name == name));
            }

            return topLevel;
        }
    }
}
