using System.Collections.Generic;
using System.Threading;
using XaiAot.Generators.JsonText;
using XaiAot.Generators.Model;
using XaiAot.Generators.Naming;
using XaiAot.Generators.Schema;

namespace XaiAot.Generators.Typing
{
    /// <summary>
    /// Object schemas: a record with properties merged across <c>allOf</c>, required members and
    /// additional members; or, with no properties, a typed map or a free-form object.
    /// </summary>
    internal sealed class ObjectTyping
    {
        private readonly TypeResolver _resolver;
        private readonly TypeTable _table;
        private readonly DiagnosticBag _diagnostics;
        private readonly AllOfMerge _merge;
        private readonly CancellationToken _cancellation;

        public ObjectTyping(TypeResolver resolver, TypeTable table, DiagnosticBag diagnostics, AllOfMerge merge, CancellationToken cancellation)
        {
            _resolver = resolver;
            _table = table;
            _diagnostics = diagnostics;
            _merge = merge;
            _cancellation = cancellation;
        }

        /// <param name="ownsLocation">False when the schema node already stands for another type (the
        /// object branch of <c>type: [object, string]</c>), so this record gets its own name.</param>
        public TypeRef FromObjectOrMap(JsonTree schema, string pointer, string hint, bool nullable, bool ownsLocation = true)
        {
            bool hasProperties = schema.Get("properties") is { Kind: JsonKind.Object } properties && properties.Members!.Count > 0;
            if (!hasProperties && schema.Get("allOf") is null && schema.Get("patternProperties") is not { Kind: JsonKind.Object })
            {
                JsonTree? additional = schema.Get("additionalProperties");
                if (additional is { Kind: JsonKind.Object })
                {
                    _resolver.EnterContainer(schema);
                    TypeRef value = _resolver.Resolve(additional, JsonPointer.Append(pointer, "additionalProperties"), hint + "Value");
                    return new TypeRef(ValueKind.Map, nullable, Element: value);
                }

                if (additional is not { Kind: JsonKind.False })
                {
                    // A free-form object: JsonElement keeps it whole and exactly as sent.
                    return new TypeRef(ValueKind.AnyObject, nullable);
                }
            }

            return FromObject(schema, pointer, hint, nullable, ownsLocation);
        }

        /// <summary>Registers a record for <paramref name="schema"/>; its members are filled from the work queue.</summary>
        public TypeRef FromObject(JsonTree schema, string pointer, string hint, bool nullable, bool ownsLocation = true)
        {
            JsonTree? location = ownsLocation ? schema : null;
            string name = _table.NameFor(location, hint);
            TypeRef reference = _table.Register(location, name, NamedKind.Object, nullable);
            _resolver.Later(() => Fill(name, schema, pointer));
            return reference;
        }

        /// <summary>Resolves the members of the registered record <paramref name="name"/> and completes its spec.</summary>
        public void Fill(string name, JsonTree schema, string pointer)
        {
            ObjectParts parts = _merge.Collect(schema, pointer);

            var members = new NameScope(ReservedNames.ObjectMembers);
            members.Claim(name);
            var properties = new List<PropertySpec>(parts.Properties.Count);
            foreach (DeclaredProperty property in parts.Properties)
            {
                _cancellation.ThrowIfCancellationRequested();
                TypeRef type = _resolver.Resolve(property.Schema, property.Pointer, name + TypeNames.FromSchemaName(property.Name));
                string? defaultJson = property.Schema.Get("default") is { } defaultValue ? JsonTreeWriter.ToJson(defaultValue) : null;
                properties.Add(new PropertySpec(
                    property.Name,
                    members.Claim(Identifiers.ToPascalCase(property.Name)),
                    type,
                    parts.Required.ContainsKey(property.Name),
                    Annotations.Doc(property.Schema),
                    defaultJson,
                    Annotations.IsDeprecated(property.Schema),
                    OverridesDiscriminator: false));
            }

            foreach (KeyValuePair<string, (JsonTree At, string Pointer)> required in parts.Required)
            {
                if (!parts.Has(required.Key))
                {
                    _diagnostics.Add(Diagnostics.RequiredNotDeclared, required.Value.At.Position, JsonPointer.Display(required.Value.Pointer), required.Key);
                }
            }

            EquatableArray<PatternMapSpec> patternMaps = PatternTyping.Resolve(_resolver, _diagnostics, name, parts, members, out bool patternLost);

            AdditionalMembers additional = AdditionalMembers.Capture;
            TypeRef? additionalType = null;
            if (patternLost)
            {
                // A pattern .NET cannot compile (XAOT0115): which members it matches is unknown, so none is rejected or mistyped.
            }
            else if (parts.Additional is { Kind: JsonKind.False })
            {
                additional = AdditionalMembers.Reject;
            }
            else if (parts.Additional is { Kind: JsonKind.Object } additionalSchema)
            {
                additional = AdditionalMembers.Typed;
                additionalType = _resolver.Resolve(additionalSchema, parts.AdditionalPointer!, name + "Value");
            }

            _table.Complete(new ObjectSpec(
                name,
                Annotations.Doc(schema),
                Annotations.IsDeprecated(schema),
                pointer,
                properties.ToEquatableArray(),
                additional,
                additionalType,
                members.Claim("AdditionalProperties"),
                BaseName: null)
            {
                PatternMaps = patternMaps,
            });
        }
    }
}
