using System;
using System.Collections.Generic;
using System.Linq;
using XaiAot.Generators.JsonText;
using XaiAot.Generators.Model;
using XaiAot.Generators.Naming;

namespace XaiAot.Generators.Typing
{
    /// <summary>
    /// The types of one schema file as they are found: the type names in use, what each schema
    /// location resolved to, and each type's finished spec. A named type is registered (its name
    /// and <see cref="TypeRef"/> handed out, so recursive references find it) before its spec is
    /// complete; the spec is added once, when its members are known (from the work queue).
    /// </summary>
    internal sealed class TypeTable
    {
        private readonly NameScope _typeNames;
        private readonly Dictionary<JsonTree, string> _reservedNames = new(NodeIdentity.Instance);
        private readonly Dictionary<JsonTree, TypeRef> _resolved = new(NodeIdentity.Instance);
        private readonly List<string> _registrationOrder = new();
        private readonly Dictionary<string, TypeSpec> _specs = new(StringComparer.Ordinal);
        private readonly HashSet<string> _objectNames = new(StringComparer.Ordinal);

        public TypeTable(string contextName)
        {
            // The context's own files ("<Context>.g.cs", "<Context>.SchemaRuntime.g.cs") share the hint-name space.
            _typeNames = new NameScope(new[] { contextName, "SchemaRuntime" }, ignoreCase: true);
        }

        /// <summary>Claims a name for a schema before any type is built (definitions and the root keep theirs).</summary>
        public string Reserve(JsonTree schema, string wanted)
        {
            string name = _typeNames.Claim(wanted);
            _reservedNames[schema] = name;
            return name;
        }

        /// <summary>Claims a type name that no schema location owns (a union's unknown variant, an adopted copy).</summary>
        public string Claim(string wanted) => _typeNames.Claim(wanted);

        /// <summary>The name a schema reserved, else a fresh one from <paramref name="hint"/> (always fresh without a schema).</summary>
        public string NameFor(JsonTree? schema, string hint) =>
            schema is not null && _reservedNames.TryGetValue(schema, out string? reserved) ? reserved : _typeNames.Claim(TypeNames.FromSchemaName(hint));

        /// <summary>The hint for a <c>$ref</c> target: its reserved name, else one made from its pointer.</summary>
        public string HintFor(JsonTree target, string pointer) =>
            _reservedNames.TryGetValue(target, out string? reserved) ? reserved : TypeNames.FromPointer(pointer);

        public TypeRef? Resolved(JsonTree schema) => _resolved.TryGetValue(schema, out TypeRef? known) ? known : null;

        public void Remember(JsonTree schema, TypeRef type) => _resolved[schema] = type;

        /// <summary>
        /// Hands out the reference to a named type whose spec follows later. Without a schema the type
        /// does not stand for its location (the object branch of <c>type: [object, string]</c>).
        /// </summary>
        public TypeRef Register(JsonTree? schema, string name, NamedKind kind, bool nullable)
        {
            var reference = new TypeRef(ValueKind.Named, nullable, name, kind);
            if (schema is not null)
            {
                _resolved[schema] = reference;
            }

            _registrationOrder.Add(name);
            if (kind == NamedKind.Object)
            {
                _objectNames.Add(name);
            }

            return reference;
        }

        /// <summary>Adds the finished spec of a registered type.</summary>
        public void Complete(TypeSpec spec) => _specs.Add(spec.Name, spec);

        public bool IsObject(string name) => _objectNames.Contains(name);

        public List<TypeSpec> InRegistrationOrder() => _registrationOrder.Select(name => _specs[name]).ToList();
    }
}
