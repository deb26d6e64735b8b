using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using XaiAot.Generators.JsonText;
using XaiAot.Generators.Model;
using XaiAot.Generators.Naming;
using XaiAot.Generators.Schema;

namespace XaiAot.Generators.Typing
{
    /// <summary>
    /// <c>oneOf</c>/<c>anyOf</c> and type arrays: decided from the alternatives' JSON kinds before any
    /// of them is built, so the union is registered first and its alternatives are resolved later,
    /// from the work queue (recursive alternatives find it by name).
    /// </summary>
    internal sealed class UnionTyping
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

        private readonly TypeResolver _resolver;
        private readonly TypeTable _table;
        private readonly DiagnosticBag _diagnostics;
        private readonly KindPeek _peek;
        private readonly DiscriminatorSearch _discriminators;
        private readonly EnumTyping _enums;
        private readonly ObjectTyping _objects;

        public UnionTyping(TypeResolver resolver, TypeTable table, DiagnosticBag diagnostics, KindPeek peek, DiscriminatorSearch discriminators, EnumTyping enums, ObjectTyping objects)
        {
            _resolver = resolver;
            _table = table;
            _diagnostics = diagnostics;
            _peek = peek;
            _discriminators = discriminators;
            _enums = enums;
            _objects = objects;
        }

        public TypeRef FromAlternatives(JsonTree schema, string pointer, string hint, JsonMember keyword, bool nullable)
        {
            string keywordPointer = JsonPointer.Append(pointer, keyword.Name);
            var alternatives = new List<UnionAlternativeSchema>();
            for (int index = 0; index < keyword.Value.Items!.Count; index++)
            {
                JsonTree item = keyword.Value.Items[index];
                KindSet kinds = _peek.Kinds(item);
                if ((kinds & KindSet.Null) != 0)
                {
                    nullable = true;
                    kinds &= ~KindSet.Null;
                }

                if (kinds != KindSet.None)
                {
                    alternatives.Add(new UnionAlternativeSchema(item, JsonPointer.Append(keywordPointer, index.ToString(CultureInfo.InvariantCulture)), kinds));
                }
            }

            if (alternatives.Count == 0)
            {
                return TypeRef.Any.AsNullable(true);
            }

            if (alternatives.Count == 1)
            {
                // `anyOf: [X, {type: null}]`: a nullable X, not a union.
                TypeRef single = _resolver.Resolve(alternatives[0].Schema, alternatives[0].Pointer, hint);
                return single.AsNullable(true);
            }

            if (alternatives.Any(alternative => (alternative.Kinds & KindSet.Any) != 0))
            {
                return Ambiguous(keyword, keywordPointer, "because one alternative accepts any JSON value", nullable);
            }

            if (alternatives.All(alternative => alternative.Kinds == KindSet.String))
            {
                return FromStrings(schema, pointer, hint, alternatives, nullable);
            }

            if (alternatives.All(alternative => alternative.Kinds == KindSet.Object))
            {
                Discriminator? discriminator = _discriminators.Find(schema, alternatives);
                return discriminator is null
                    ? Ambiguous(keyword, keywordPointer, "by JSON kind or by a const member", nullable)
                    : FromDiscriminator(schema, pointer, hint, discriminator, nullable);
            }

            return FromMixedKinds(schema, pointer, hint, keyword, keywordPointer, alternatives, nullable);
        }

        /// <summary><c>type: ["string", "integer"]</c>: a union of the listed kinds, each read from the same schema.</summary>
        public TypeRef FromTypeArray(JsonTree schema, string pointer, string hint, HashSet<string> types, bool nullable)
        {
            string name = _table.NameFor(schema, hint);
            TypeRef reference = _table.Register(schema, name, NamedKind.KindUnion, nullable);
            _resolver.Later(() => FillTypeArray(name, schema, pointer, types));
            return reference;
        }

        private void FillTypeArray(string name, JsonTree schema, string pointer, HashSet<string> types)
        {
            var cases = new List<(UnionKind Kind, TypeRef Type)>();
            foreach ((KindSet set, UnionKind kind) in KindOrder)
            {
                string typeName = set == KindSet.String ? "string" : set.ToString().ToLowerInvariant();
                if (types.Contains(typeName))
                {
                    TypeRef type = kind switch
                    {
                        UnionKind.Array => _resolver.FromArray(schema, pointer, name, nullable: false),
                        UnionKind.Object => _objects.FromObjectOrMap(schema, pointer, name + "Object", nullable: false, ownsLocation: false),
                        _ => _resolver.FromSingleType(schema, pointer, name, typeName, nullable: false),
                    };
                    cases.Add((kind, type));
                }
            }

            CompleteKindUnion(name, schema, pointer, cases);
        }

        /// <summary>
        /// Mixed kinds: every kind must be claimed by one alternative, except strings (merged into one
        /// open enum) and objects (told apart by a discriminator).
        /// </summary>
        private TypeRef FromMixedKinds(JsonTree schema, string pointer, string hint, JsonMember keyword, string keywordPointer, List<UnionAlternativeSchema> alternatives, bool nullable)
        {
            var byKind = new Dictionary<UnionKind, List<UnionAlternativeSchema>>();
            var order = new List<UnionKind>();
            foreach (UnionAlternativeSchema alternative in alternatives)
            {
                if (alternative.Kinds.Count() != 1)
                {
                    return Ambiguous(keyword, keywordPointer, "because one alternative accepts several JSON kinds", nullable);
                }

                UnionKind kind = KindOrder.First(entry => entry.Set == alternative.Kinds).Kind;
                if (!byKind.TryGetValue(kind, out List<UnionAlternativeSchema>? group))
                {
                    byKind[kind] = group = new List<UnionAlternativeSchema>();
                    order.Add(kind);
                }

                group.Add(alternative);
            }

            if (byKind.TryGetValue(UnionKind.Array, out List<UnionAlternativeSchema>? arrays) && arrays.Count > 1)
            {
                return Ambiguous(keyword, keywordPointer, "because several alternatives are arrays", nullable);
            }

            Discriminator? objects = null;
            if (byKind.TryGetValue(UnionKind.Object, out List<UnionAlternativeSchema>? objectAlternatives) && objectAlternatives.Count > 1)
            {
                objects = _discriminators.Find(schema, objectAlternatives);
                if (objects is null)
                {
                    return Ambiguous(keyword, keywordPointer, "because several alternatives are objects without a const member to tell them apart", nullable);
                }
            }

            string name = _table.NameFor(schema, hint);
            TypeRef reference = _table.Register(schema, name, NamedKind.KindUnion, nullable);
            _resolver.Later(() => FillMixedKinds(name, schema, pointer, order, byKind, objects));
            return reference;
        }

        private void FillMixedKinds(string name, JsonTree schema, string pointer, List<UnionKind> order, Dictionary<UnionKind, List<UnionAlternativeSchema>> byKind, Discriminator? objects)
        {
            var cases = new List<(UnionKind Kind, TypeRef Type)>();
            foreach (UnionKind kind in order)
            {
                List<UnionAlternativeSchema> group = byKind[kind];
                TypeRef type = kind switch
                {
                    UnionKind.String when group.Count > 1 => FromStrings(null, pointer, name + "String", group, nullable: false),
                    UnionKind.Object when objects is not null => FromDiscriminator(null, pointer, name + "Object", objects, nullable: false),
                    _ => _resolver.Resolve(group[0].Schema, group[0].Pointer, name + kind),
                };
                cases.Add((kind, type.AsNullable(false)));
            }

            CompleteKindUnion(name, schema, pointer, cases);
        }

        /// <summary>Adds the finished spec of the kind union <paramref name="name"/>.</summary>
        public void CompleteKindUnion(string name, JsonTree schema, string pointer, List<(UnionKind Kind, TypeRef Type)> cases)
        {
            var caseNames = new NameScope(new[] { name });
            _table.Complete(new KindUnionSpec(
                name,
                Annotations.Doc(schema),
                Annotations.IsDeprecated(schema),
                pointer,
                cases.Select(entry => new UnionAlternative(entry.Kind, entry.Type, CaseNames.Claim(caseNames, name, CaseNames.For(entry.Kind, entry.Type)))).ToEquatableArray()));
        }

        /// <summary>String alternatives: their known values merged into one open enum, or a plain string.</summary>
        private TypeRef FromStrings(JsonTree? schema, string pointer, string hint, List<UnionAlternativeSchema> alternatives, bool nullable)
        {
            var values = new List<string>();
            UnionAlternativeSchema? namedEnum = null;
            int withValues = 0;
            foreach (UnionAlternativeSchema alternative in alternatives)
            {
                List<string>? known = _peek.Strings(alternative.Schema);
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
                TypeRef named = _resolver.Resolve(namedEnum.Schema, namedEnum.Pointer, hint);
                if (named is { Kind: ValueKind.Named, NamedKind: NamedKind.Enum })
                {
                    return named.AsNullable(nullable);
                }
            }

            return _enums.NewEnum(schema, pointer, hint, values, nullable);
        }

        /// <summary>
        /// Object alternatives told apart by a discriminator: an abstract base record whose variants
        /// are the alternatives' records; <see cref="VariantAdoption"/> makes them derive from it.
        /// </summary>
        public TypeRef FromDiscriminator(JsonTree? schema, string pointer, string hint, Discriminator discriminator, bool nullable)
        {
            string name = _table.NameFor(schema, hint);
            TypeRef reference = _table.Register(schema, name, NamedKind.DiscriminatedUnion, nullable);
            _resolver.Later(() => FillDiscriminated(name, schema, pointer, discriminator));
            return reference;
        }

        private void FillDiscriminated(string name, JsonTree? schema, string pointer, Discriminator discriminator)
        {
            var variants = new List<VariantSpec>();
            foreach ((UnionAlternativeSchema alternative, List<string> values) in discriminator.Variants)
            {
                TypeRef variant = _resolver.Resolve(alternative.Schema, alternative.Pointer, name + TypeNames.FromSchemaName(values[0]));
                if (variant is { Kind: ValueKind.Named, NamedKind: NamedKind.Object } && _table.IsObject(variant.Name!))
                {
                    foreach (string value in values)
                    {
                        variants.Add(new VariantSpec(value, variant.Name!));
                    }
                }
                else
                {
                    _diagnostics.Add(Diagnostics.AmbiguousUnion, alternative.Schema.Position, name, JsonPointer.Display(alternative.Pointer), "because this alternative is not an object type; its values are kept whole as JSON, as the unknown variant");
                }
            }

            // The adoption pass fills in the exposed discriminator and the unknown variant's name.
            _table.Complete(new DiscriminatedUnionSpec(
                name,
                schema is null ? null : Annotations.Doc(schema),
                schema is not null && Annotations.IsDeprecated(schema),
                pointer,
                discriminator.Property,
                DiscriminatorCSharpName: null,
                variants.ToEquatableArray(),
                UnknownName: string.Empty));
        }

        private TypeRef Ambiguous(JsonMember keyword, string pointer, string why, bool nullable)
        {
            _diagnostics.Add(Diagnostics.AmbiguousUnion, keyword.NamePosition, keyword.Name, JsonPointer.Display(pointer), why);
            return TypeRef.Any.AsNullable(nullable);
        }
    }
}
