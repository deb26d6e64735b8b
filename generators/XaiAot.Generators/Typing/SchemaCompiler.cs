using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
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
    /// them depth-first (<see cref="DepthFirstOrder"/>), then adopt union variants
    /// (<see cref="VariantAdoption"/>). Every <c>$defs</c> entry (and the root, when it describes a
    /// value) becomes a type; inline object, enum and union schemas become types named
    /// from their path. Never throws for bad input: problems become diagnostics and the affected value
    /// degrades to <c>JsonElement</c>, which still round-trips whatever arrives.
    /// </summary>
    internal static class SchemaCompiler
    {
        /// <summary>Compiles <paramref name="text"/>; all problems are returned as diagnostics.</summary>
        public static CompiledSchema Compile(string filePath, string text, string ns, string contextName, CancellationToken cancellation)
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
                }

                return new CompiledSchema(
                    new GenerationSpec(filePath, fileName, ns, contextName, EquatableArray<TypeSpec>.Empty),
                    diagnostics.Items.ToEquatableArray());
            }

            string? rootId = root.Get("$id") is { Kind: JsonKind.String } id ? id.Text : null;
            new SchemaWalker(root, rootId, diagnostics).Walk();
            var table = new TypeTable(contextName);
            var resolver = new TypeResolver(table, new RefResolver(root, rootId), diagnostics, cancellation);
            List<TypeRef> topLevel = ResolveTypes(root, fileName, table, resolver, cancellation);
            List<TypeSpec> types = VariantAdoption.Apply(DepthFirstOrder.Apply(table.InRegistrationOrder(), topLevel), table);
            return new CompiledSchema(new GenerationSpec(filePath, fileName, ns, contextName, types.ToEquatableArray()), diagnostics.Items.ToEquatableArray());
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

        /// <summary>Resolves the root (when it describes a value) and every definition; returns their types in that order.</summary>
        private static List<TypeRef> ResolveTypes(JsonTree root, string fileName, TypeTable table, TypeResolver resolver, CancellationToken cancellation)
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
                string rootName = root.Get("title") is { Kind: JsonKind.String } title
                    ? TypeNames.FromSchemaName(title.Text!)
                    : TypeNames.FromSchemaName(TypeNames.FileStem(fileName));
                table.Reserve(root, rootName);
                topLevel.Add(resolver.ResolveAll(root, string.Empty, rootName));
            }

            foreach ((JsonTree schema, string pointer, string name) in definitions)
            {
                cancellation.ThrowIfCancellationRequested();
                topLevel.Add(resolver.ResolveAll(schema, pointer, name));
            }

            return topLevel;
        }
    }
}
