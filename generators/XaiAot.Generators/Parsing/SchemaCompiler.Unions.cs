using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using XaiAot.Generators.Model;

namespace XaiAot.Generators.Parsing
{
    /// <summary>
    /// <c>oneOf</c>/<c>anyOf</c> (and type arrays): decided from the alternatives' JSON kinds before
    /// any of them is built, so the union can be registered first and recursive alternatives find it.
    /// </summary>
    internal sealed partial class SchemaCompiler
    {
        private static readonly (KindSet Set, UnionKind Kind)[] KindOrder =
        {
            (KindSet.String, UnionKind.String),
            (KindSet.Integer, UnionKind.Integer),
            (KindSet.Number, UnionKind.Number),
            (KindSet.Boolean, UnionKind.Boolean),
            (KindSet.Array, UnionKind.Array),
            (KindSet.Object, UnionKind.Object),
        };

        private TypeRef BuildUnion(JsonTree schema, string pointer, string hint, JsonMember keyword, bool nullable)
        {
            string keywordPointer = JsonPointer.Append(pointer, keyword.Name);
            var alternatives = new List<Alternative>();
            for (int i = 0; i < keyword.Value.Items!.Count; i++)
            {
                JsonTree item = keyword.Value.Items[i];
                KindSet kinds = PeekKinds(item, new HashSet<JsonTree>(ReferenceEqualityComparer.Instance));
                if ((kinds & KindSet.Null) != 0)
                {
                    nullable = true;
                    kinds &= ~KindSet.Null;
                }

                if (kinds != KindSet.None)
                {
                    alternatives.Add(new Alternative(item, JsonPointer.Append(keywordPointer, i.ToString(CultureInfo.InvariantCulture)), kinds));
                }
            }

            if (alternatives.Count == 0)
            {
                return TypeRef.Any.AsNullable(true);
            }

            if (alternatives.Count == 1)
            {
                // `anyOf: [X, {type: null}]`: a nullable X, not a union.
                TypeRef single = Resolve(alternatives[0].Schema, alternatives[0].Pointer, hint);
                return single.AsNullable(true);
            }

            if (alternatives.Any(a => (a.Kinds & KindSet.Any) != 0))
            {
                return Ambiguous(keyword, keywordPointer, "because one alternative accepts any JSON value", nullable);
            }

            if (alternatives.All(a => a.Kinds == KindSet.String))
            {
                return BuildStringUnion(schema, pointer, hint, alternatives, nullable);
            }

            if (alternatives.All(a => a.Kinds == KindSet.Object))
            {
                Discriminator? discriminator = FindDiscriminator(schema, alternatives);
                return discriminator is null
                    ? Ambiguous(keyword, keywordPointer, "by JSON kind or by a const member", nullable)
                    : BuildDiscriminatedUnion(schema, pointer, hint, discriminator, nullable);
            }

            // Mixed kinds: every kind must be claimed by one alternative, except strings (merged
            // into one open enum) and objects (told apart by a discriminator).
            var byKind = new Dictionary<UnionKind, List<Alternative>>();
            var order = new List<UnionKind>();
            foreach (Alternative alternative in alternatives)
            {
                if (alternative.Kinds.Count() != 1)
                {
                    return Ambiguous(keyword, keywordPointer, "because one alternative accepts several JSON kinds", nullable);
                }

                UnionKind kind = KindOrder.First(k => k.Set == alternative.Kinds).Kind;
                if (!byKind.TryGetValue(kind, out List<Alternative>? list))
                {
                    byKind[kind] = list = new List<Alternative>();
                    order.Add(kind);
                }

                list.Add(alternative);
            }

            if (byKind.TryGetValue(UnionKind.Array, out List<Alternative>? arrays) && arrays.Count > 1)
            {
                return Ambiguous(keyword, keywordPointer, "because several alternatives are arrays", nullable);
            }

            Discriminator? objects = null;
            if (byKind.TryGetValue(UnionKind.Object, out List<Alternative>? objectAlternatives) && objectAlternatives.Count > 1)
            {
                objects = FindDiscriminator(schema, objectAlternatives);
                if (objects is null)
                {
                    return Ambiguous(keyword, keywordPointer, "because several alternatives are objects without a const member to tell them apart", nullable);
                }
            }

            var union = Describe(new KindUnionBuilder(NameFor(schema, hint), pointer), schema);
            var reference = new TypeRef(ValueKind.Named, nullable, union.Name, NamedKind.KindUnion);
            Register(schema, union, reference);
            foreach (UnionKind kind in order)
            {
                List<Alternative> group = byKind[kind];
                TypeRef type = kind switch
                {
                    UnionKind.String when group.Count > 1 => BuildStringUnion(null, pointer, union.Name + "String", group, nullable: false),
                    UnionKind.Object when objects is not null => BuildDiscriminatedUnion(null, pointer, union.Name + "Object", objects, nullable: false),
                    _ => Resolve(group[0].Schema, group[0].Pointer, union.Name + kind),
                };
                union.Alternatives.Add((kind, type.AsNullable(false)));
            }

            return reference;
        }

        /// <summary><c>type: ["string", "integer"]</c>: a union of the listed kinds, each read from the same schema.</summary>
        private TypeRef BuildTypeArrayUnion(JsonTree schema, string pointer, string hint, HashSet<string> types, bool nullable)
        {
            var union = Describe(new KindUnionBuilder(NameFor(schema, hint), pointer), schema);
            var reference = new TypeRef(ValueKind.Named, nullable, union.Name, NamedKind.KindUnion);
            Register(schema, union, reference);
            foreach ((KindSet set, UnionKind kind) in KindOrder)
            {
                string typeName = set == KindSet.String ? "string" : set.ToString().ToLowerInvariant();
                if (types.Contains(typeName))
                {
                    TypeRef type = kind switch
                    {
                        UnionKind.Array => BuildArray(schema, pointer, union.Name, nullable: false),
                        UnionKind.Object => BuildObjectOrMap(schema, pointer, union.Name + "Object", nullable: false, registerNode: false),
                        _ => BuildSingleType(schema, pointer, union.Name, typeName, nullable: false),
                    };
                    union.Alternatives.Add((kind, type));
                }
            }

            return reference;
        }

        private TypeRef BuildStringUnion(JsonTree? schema, string pointer, string hint, List<Alternative> alternatives, bool nullable)
        {
            var values = new List<string>();
            Alternative? namedEnum = null;
            int withValues = 0;
            foreach (Alternative alternative in alternatives)
            {
                List<string>? known = PeekStrings(alternative.Schema);
                if (known is null)
                {
                    continue;
                }

                withValues++;
                if (alternative.Schema.Get("$ref") is not null)
                {
                    namedEnum = alternative;
                }

                foreach (string value in known)
                {
                    if (!values.Contains(value))
                    {
                        values.Add(value);
                    }
                }
            }

            if (values.Count == 0)
            {
                // Several plain strings (perhaps with different formats): a string.
                return new TypeRef(ValueKind.String, nullable);
            }

            if (withValues == 1 && namedEnum is not null)
            {
                // `anyOf: [{type: string}, {$ref: KnownModels}]`: the named enum is already open.
                TypeRef named = Resolve(namedEnum.Schema, namedEnum.Pointer, hint);
                if (named is { Kind: ValueKind.Named, NamedKind: NamedKind.Enum })
                {
                    return named.AsNullable(nullable);
                }
            }

            return NewEnum(schema, pointer, hint, values, nullable);
        }

        private TypeRef BuildDiscriminatedUnion(JsonTree? schema, string pointer, string hint, Discriminator discriminator, bool nullable)
        {
            var union = new DiscriminatedUnionBuilder(schema is null ? _typeNames.Claim(TypeName(hint)) : NameFor(schema, hint), pointer, discriminator.Property);
            if (schema is not null)
            {
                Describe(union, schema);
            }

            var reference = new TypeRef(ValueKind.Named, nullable, union.Name, NamedKind.DiscriminatedUnion);
            Register(schema, union, reference);
            foreach ((Alternative alternative, List<string> values) in discriminator.Variants)
            {
                TypeRef variant = Resolve(alternative.Schema, alternative.Pointer, union.Name + TypeName(values[0]));
                if (variant is { Kind: ValueKind.Named, NamedKind: NamedKind.Object } && _objects.TryGetValue(variant.Name!, out ObjectBuilder? builder))
                {
                    foreach (string value in values)
                    {
                        union.Variants.Add((value, builder));
                    }
                }
                else
                {
                    _diagnostics.Add(Diagnostics.AmbiguousUnion, alternative.Schema.Position, union.Name, JsonPointer.Display(alternative.Pointer), "because this alternative is not an object type; its values are rejected");
                }
            }

            return reference;
        }

        private TypeRef Ambiguous(JsonMember keyword, string pointer, string why, bool nullable)
        {
            _diagnostics.Add(Diagnostics.AmbiguousUnion, keyword.NamePosition, keyword.Name, JsonPointer.Display(pointer), why);
            return TypeRef.Any.AsNullable(nullable);
        }

        // ---------------------------------------------------------------- peeking

        /// <summary>Which JSON kinds a schema accepts, following $refs, without building anything.</summary>
        private KindSet PeekKinds(JsonTree schema, HashSet<JsonTree> visited, int depth = 0)
        {
            if (schema.Kind != JsonKind.Object || depth > MaxResolveDepth)
            {
                return KindSet.Any;
            }

            if (!visited.Add(schema))
            {
                return KindSet.Any;
            }

            KindSet nullable = schema.Get("nullable") is { Kind: JsonKind.True } ? KindSet.Null : KindSet.None;
            if (schema.Get("$ref") is { Kind: JsonKind.String } reference)
            {
                (JsonTree Tree, string Pointer)? target = FollowRef(reference.Text!);
                return target is null ? KindSet.Any : PeekKinds(target.Value.Tree, visited, depth + 1) | nullable;
            }

            if (schema.Get("const") is { } constant)
            {
                return KindOf(constant) | nullable;
            }

            if (schema.Get("enum") is { Kind: JsonKind.Array } values)
            {
                KindSet kinds = nullable;
                foreach (JsonTree value in values.Items!)
                {
                    kinds |= KindOf(value);
                }

                return kinds;
            }

            if (ShapingAlternatives(schema) is { } alternatives)
            {
                KindSet kinds = nullable;
                foreach (JsonTree alternative in alternatives.Value.Items!)
                {
                    kinds |= PeekKinds(alternative, visited, depth + 1);
                }

                return kinds;
            }

            HashSet<string>? types = TypeNamesOf(schema);
            if (types is not null && types.Count > 0)
            {
                KindSet kinds = nullable;
                foreach (string type in types)
                {
                    kinds |= type switch
                    {
                        "string" => KindSet.String,
                        "integer" => KindSet.Integer,
                        "number" => KindSet.Number,
                        "boolean" => KindSet.Boolean,
                        "array" => KindSet.Array,
                        "object" => KindSet.Object,
                        _ => KindSet.Null,
                    };
                }

                return kinds;
            }

            if (schema.Get("properties") is not null || schema.Get("additionalProperties") is not null || schema.Get("required") is not null)
            {
                return KindSet.Object | nullable;
            }

            if (schema.Get("allOf") is { Kind: JsonKind.Array } allOf)
            {
                KindSet kinds = KindSet.Any;
                foreach (JsonTree part in allOf.Items!)
                {
                    KindSet partKinds = PeekKinds(part, visited, depth + 1);
                    kinds = (kinds & KindSet.Any) != 0 ? partKinds : kinds & (partKinds | KindSet.Null);
                }

                return kinds | nullable;
            }

            return schema.Get("items") is not null ? KindSet.Array | nullable : KindSet.Any;
        }

        private static KindSet KindOf(JsonTree value) =>
            value.Kind switch
            {
                JsonKind.String => KindSet.String,
                JsonKind.Number => value.Text!.IndexOfAny(new[] { '.', 'e', 'E' }) < 0 ? KindSet.Integer : KindSet.Number,
                JsonKind.True or JsonKind.False => KindSet.Boolean,
                JsonKind.Null => KindSet.Null,
                JsonKind.Array => KindSet.Array,
                _ => KindSet.Object,
            };

        /// <summary>The string values a schema allows (const or enum, through $refs), or null for any string.</summary>
        private List<string>? PeekStrings(JsonTree schema)
        {
            (JsonTree Tree, string Pointer)? target = Dereference(schema, string.Empty);
            if (target is null || target.Value.Tree.Kind != JsonKind.Object)
            {
                return null;
            }

            JsonTree resolved = target.Value.Tree;
            if (resolved.Get("const") is { Kind: JsonKind.String } constant)
            {
                return new List<string> { constant.Text! };
            }

            if (resolved.Get("enum") is { Kind: JsonKind.Array } values)
            {
                var strings = values.Items!.Where(v => v.Kind == JsonKind.String).Select(v => v.Text!).ToList();
                return strings.Count > 0 ? strings : null;
            }

            return null;
        }

        // ---------------------------------------------------------------- discriminators

        /// <summary>
        /// Finds the member that tells object alternatives apart: the OpenAPI <c>discriminator</c>
        /// if given, else the first member that every alternative fixes to distinct string values
        /// (<c>const</c> or <c>enum</c>), with OpenAPI <c>mapping</c> and schema names as fallbacks.
        /// </summary>
        private Discriminator? FindDiscriminator(JsonTree schema, List<Alternative> alternatives)
        {
            JsonTree? keyword = schema.Get("discriminator");
            string? declared = keyword?.Get("propertyName") is { Kind: JsonKind.String } name ? name.Text : null;
            JsonTree? mapping = keyword?.Get("mapping") is { Kind: JsonKind.Object } map ? map : null;

            var properties = new List<Dictionary<string, JsonTree>>();
            foreach (Alternative alternative in alternatives)
            {
                (JsonTree Tree, string Pointer)? target = Dereference(alternative.Schema, alternative.Pointer);
                if (target is null || !IsObjectLike(target.Value.Tree) || target.Value.Tree.Kind != JsonKind.Object)
                {
                    return null;
                }

                var parts = new ObjectParts();
                CollectRawParts(target.Value.Tree, parts, new HashSet<JsonTree>(ReferenceEqualityComparer.Instance));
                var byName = new Dictionary<string, JsonTree>(StringComparer.Ordinal);
                foreach (RawProperty property in parts.Properties)
                {
                    byName[property.Name] = property.Schema;
                }

                properties.Add(byName);
            }

            IEnumerable<string> candidates = declared is not null
                ? new[] { declared }
                : properties[0].Keys;
            foreach (string candidate in candidates)
            {
                var variants = new List<(Alternative, List<string>)>();
                var taken = new HashSet<string>(StringComparer.Ordinal);
                bool ok = true;
                for (int i = 0; i < alternatives.Count && ok; i++)
                {
                    List<string>? values = properties[i].TryGetValue(candidate, out JsonTree? property) ? PeekStrings(property) : null;
                    values ??= MappedValues(mapping, alternatives[i].Schema);
                    if (values is null && keyword is not null && alternatives[i].Schema.Get("$ref") is { Kind: JsonKind.String } reference)
                    {
                        // OpenAPI's implicit mapping: the value is the referenced schema's name.
                        string fragment = JsonPointer.SplitRef(reference.Text!).Fragment;
                        values = new List<string> { fragment.Substring(fragment.LastIndexOf('/') + 1) };
                    }

                    ok = values is not null && values.All(taken.Add);
                    if (ok)
                    {
                        variants.Add((alternatives[i], values!));
                    }
                }

                if (ok)
                {
                    return new Discriminator(candidate, variants);
                }
            }

            return null;
        }

        private List<string>? MappedValues(JsonTree? mapping, JsonTree alternative)
        {
            if (mapping is null || alternative.Get("$ref") is not { Kind: JsonKind.String } reference)
            {
                return null;
            }

            JsonTree? target = FollowRef(reference.Text!)?.Tree;
            var values = new List<string>();
            foreach (JsonMember entry in mapping.Members!)
            {
                if (entry.Value.Kind == JsonKind.String && target is not null && ReferenceEquals(FollowRef(entry.Value.Text!)?.Tree, target))
                {
                    values.Add(entry.Name);
                }
            }

            return values.Count > 0 ? values : null;
        }

        /// <summary>Like <see cref="CollectParts"/> but silent: used only to look for discriminators.</summary>
        private void CollectRawParts(JsonTree schema, ObjectParts parts, HashSet<JsonTree> visited, int depth = 0)
        {
            if (depth > MaxResolveDepth || !visited.Add(schema))
            {
                return;
            }

            if (schema.Get("allOf") is { Kind: JsonKind.Array } allOf)
            {
                foreach (JsonTree item in allOf.Items!)
                {
                    (JsonTree Tree, string Pointer)? part = Dereference(item, string.Empty);
                    if (part is not null && part.Value.Tree.Kind == JsonKind.Object && IsObjectLike(part.Value.Tree))
                    {
                        CollectRawParts(part.Value.Tree, parts, visited, depth + 1);
                    }
                }
            }

            if (schema.Get("properties") is { Kind: JsonKind.Object } properties)
            {
                foreach (JsonMember member in properties.Members!)
                {
                    parts.Add(new RawProperty(member.Name, member.Value, string.Empty));
                }
            }
        }

        private sealed class Alternative
        {
            public Alternative(JsonTree schema, string pointer, KindSet kinds)
            {
                Schema = schema;
                Pointer = pointer;
                Kinds = kinds;
            }

            public JsonTree Schema { get; }

            public string Pointer { get; }

            public KindSet Kinds { get; }
        }

        private sealed class Discriminator
        {
            public Discriminator(string property, List<(Alternative, List<string>)> variants)
            {
                Property = property;
                Variants = variants;
            }

            public string Property { get; }

            public List<(Alternative Alternative, List<string> Values)> Variants { get; }
        }
    }
}
