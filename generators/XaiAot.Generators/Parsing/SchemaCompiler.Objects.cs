using System.Collections.Generic;
using System.Globalization;
using XaiAot.Generators.Model;

namespace XaiAot.Generators.Parsing
{
    /// <summary>Objects: properties merged across <c>allOf</c>, required members, additional members.</summary>
    internal sealed partial class SchemaCompiler
    {
        private TypeRef BuildObjectOrMap(JsonTree schema, string pointer, string hint, bool nullable, bool registerNode = true)
        {
            bool hasProperties = schema.Get("properties") is { Kind: JsonKind.Object } properties && properties.Members!.Count > 0;
            if (!hasProperties && schema.Get("allOf") is null)
            {
                JsonTree? additional = schema.Get("additionalProperties");
                if (additional is { Kind: JsonKind.Object })
                {
                    TypeRef value = Resolve(additional, JsonPointer.Append(pointer, "additionalProperties"), hint + "Value");
                    return new TypeRef(ValueKind.Map, nullable, Element: value);
                }

                if (additional is not { Kind: JsonKind.False })
                {
                    // A free-form object: JsonElement keeps it whole and exactly as sent.
                    return new TypeRef(ValueKind.AnyObject, nullable);
                }
            }

            return BuildObject(schema, pointer, hint, nullable, registerNode);
        }

        /// <param name="registerNode">False when the schema node already stands for another type (the
        /// object branch of <c>type: [object, string]</c>), so this record gets its own name.</param>
        private TypeRef BuildObject(JsonTree schema, string pointer, string hint, bool nullable, bool registerNode = true)
        {
            string name = registerNode ? NameFor(schema, hint) : _typeNames.Claim(TypeName(hint));
            var builder = Describe(new ObjectBuilder(name, pointer), schema);
            var reference = new TypeRef(ValueKind.Named, nullable, builder.Name, NamedKind.Object);
            Register(registerNode ? schema : null, builder, reference);
            if (_depth > DeferObjectsDepth)
            {
                // A long chain of object types (A.next: B, B.next: C, ...) is finished from a queue
                // rather than by recursion, so no schema can exhaust the compiler's stack.
                _pendingObjects.Enqueue(() => FillObject(builder, schema, pointer));
            }
            else
            {
                FillObject(builder, schema, pointer);
            }

            return reference;
        }

        private void FillObject(ObjectBuilder builder, JsonTree schema, string pointer)
        {
            var parts = new ObjectParts();
            CollectParts(schema, pointer, parts, new HashSet<JsonTree>(ReferenceEqualityComparer.Instance), isOwn: true);

            var members = new NameScope(ObjectReservedMembers);
            members.Claim(builder.Name);
            foreach (RawProperty property in parts.Properties)
            {
                _cancellation.ThrowIfCancellationRequested();
                TypeRef type = Resolve(property.Schema, property.Pointer, builder.Name + TypeName(property.Name));
                string? defaultJson = property.Schema.Get("default") is { } defaultValue ? JsonTreeWriter.ToJson(defaultValue) : null;
                builder.Properties.Add(new PropertySpec(
                    property.Name,
                    members.Claim(Identifiers.ToPascalCase(property.Name)),
                    type,
                    parts.Required.ContainsKey(property.Name),
                    DocOf(property.Schema),
                    defaultJson,
                    IsDeprecated(property.Schema),
                    OverridesDiscriminator: false));
            }

            foreach (KeyValuePair<string, (JsonTree At, string Pointer)> required in parts.Required)
            {
                if (!parts.Has(required.Key))
                {
                    _diagnostics.Add(Diagnostics.RequiredNotDeclared, required.Value.At.Position, JsonPointer.Display(required.Value.Pointer), required.Key);
                }
            }

            if (parts.Additional is { Kind: JsonKind.False })
            {
                builder.Additional = AdditionalMembers.Reject;
            }
            else if (parts.Additional is { Kind: JsonKind.Object } additional)
            {
                builder.Additional = AdditionalMembers.Typed;
                builder.AdditionalType = Resolve(additional, parts.AdditionalPointer!, builder.Name + "Value");
            }

            builder.AdditionalPropertyName = members.Claim("AdditionalProperties");
        }

        /// <summary>
        /// Gathers properties, required names and additionalProperties from a schema and its
        /// <c>allOf</c> parts (through <c>$ref</c>s), parts first, in document order; a later
        /// declaration of the same name replaces the earlier one in place.
        /// </summary>
        private void CollectParts(JsonTree schema, string pointer, ObjectParts parts, HashSet<JsonTree> visited, bool isOwn, int depth = 0)
        {
            if (!visited.Add(schema))
            {
                return;
            }

            if (depth > MaxResolveDepth)
            {
                _diagnostics.Add(Diagnostics.NestingTooDeep, schema.Position, JsonPointer.Display(pointer), MaxResolveDepth.ToString(CultureInfo.InvariantCulture));
                return;
            }

            if (schema.Get("allOf") is { Kind: JsonKind.Array } allOf)
            {
                for (int i = 0; i < allOf.Items!.Count; i++)
                {
                    string partPointer = JsonPointer.Append(JsonPointer.Append(pointer, "allOf"), i.ToString(CultureInfo.InvariantCulture));
                    (JsonTree Tree, string Pointer)? part = Dereference(allOf.Items[i], partPointer);
                    if (part is null)
                    {
                        continue;
                    }

                    if (!IsObjectLike(part.Value.Tree))
                    {
                        _diagnostics.Add(
                            Diagnostics.AllOfConflict,
                            allOf.Items[i].Position,
                            JsonPointer.Display(JsonPointer.Append(pointer, "allOf")),
                            i.ToString(CultureInfo.InvariantCulture),
                            DescribeShape(part.Value.Tree));
                        continue;
                    }

                    CollectParts(part.Value.Tree, part.Value.Pointer, parts, visited, isOwn: false, depth + 1);
                }
            }

            if (schema.Get("properties") is { Kind: JsonKind.Object } properties)
            {
                foreach (JsonMember member in properties.Members!)
                {
                    parts.Add(new RawProperty(member.Name, member.Value, JsonPointer.Append(JsonPointer.Append(pointer, "properties"), member.Name)));
                }
            }

            if (schema.Get("required") is { Kind: JsonKind.Array } required)
            {
                foreach (JsonTree name in required.Items!)
                {
                    if (name.Kind == JsonKind.String && !parts.Required.ContainsKey(name.Text!))
                    {
                        parts.Required.Add(name.Text!, (name, JsonPointer.Append(pointer, "required")));
                    }
                }
            }

            if (schema.Get("additionalProperties") is { } additional && (isOwn || parts.Additional is null))
            {
                parts.Additional = additional;
                parts.AdditionalPointer = JsonPointer.Append(pointer, "additionalProperties");
            }
        }

        /// <summary>Follows a chain of <c>$ref</c>s to the schema that does the work.</summary>
        private (JsonTree Tree, string Pointer)? Dereference(JsonTree schema, string pointer)
        {
            var seen = new HashSet<JsonTree>(ReferenceEqualityComparer.Instance);
            while (schema.Kind == JsonKind.Object && schema.Get("$ref") is { Kind: JsonKind.String } reference)
            {
                if (!seen.Add(schema))
                {
                    return null;
                }

                (JsonTree Tree, string Pointer)? target = FollowRef(reference.Text!);
                if (target is null)
                {
                    return null;
                }

                (schema, pointer) = target.Value;
            }

            return (schema, pointer);
        }

        private static bool IsObjectLike(JsonTree schema)
        {
            if (schema.Kind != JsonKind.Object)
            {
                return schema.Kind == JsonKind.True;
            }

            if (ShapingAlternatives(schema) is not null || schema.Get("enum") is not null || schema.Get("const") is not null)
            {
                return false;
            }

            HashSet<string>? types = TypeNamesOf(schema);
            return types is null || types.Count == 0 || types.Contains("object");
        }

        private static string DescribeShape(JsonTree schema)
        {
            if (schema.Kind != JsonKind.Object)
            {
                return SchemaWalker.Article(schema);
            }

            foreach (string keyword in new[] { "oneOf", "anyOf", "enum", "const", "type" })
            {
                if (schema.Get(keyword) is { } value)
                {
                    return "a schema with '" + keyword + "' " + JsonTreeWriter.ToJson(value);
                }
            }

            return "not an object schema";
        }

        private sealed class RawProperty
        {
            public RawProperty(string name, JsonTree schema, string pointer)
            {
                Name = name;
                Schema = schema;
                Pointer = pointer;
            }

            public string Name { get; }

            public JsonTree Schema { get; }

            public string Pointer { get; }
        }

        private sealed class ObjectParts
        {
            private readonly Dictionary<string, int> _index = new(System.StringComparer.Ordinal);

            public List<RawProperty> Properties { get; } = new();

            public Dictionary<string, (JsonTree At, string Pointer)> Required { get; } = new(System.StringComparer.Ordinal);

            public JsonTree? Additional { get; set; }

            public string? AdditionalPointer { get; set; }

            public bool Has(string name) => _index.ContainsKey(name);

            public void Add(RawProperty property)
            {
                if (_index.TryGetValue(property.Name, out int at))
                {
                    Properties[at] = property;
                }
                else
                {
                    _index.Add(property.Name, Properties.Count);
                    Properties.Add(property);
                }
            }
        }
    }
}
