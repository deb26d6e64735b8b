using System.Collections.Generic;
using System.Linq;
using XaiAot.Generators.Model;

namespace XaiAot.Generators.Parsing
{
    /// <summary>The last step: unions adopt their variants, then every builder becomes an immutable spec.</summary>
    internal sealed partial class SchemaCompiler
    {
        private EquatableArray<TypeSpec> Freeze()
        {
            var unions = new List<(DiscriminatedUnionBuilder Union, List<(string Value, ObjectBuilder Variant)> Variants, string? Exposed, string UnknownName)>();
            foreach (DiscriminatedUnionBuilder union in _builders.OfType<DiscriminatedUnionBuilder>().ToList())
            {
                unions.Add((union, AdoptVariants(union), null, string.Empty));
            }

            // Claimed after every schema type is named, so a schema's own names never move.
            for (int i = 0; i < unions.Count; i++)
            {
                unions[i] = (unions[i].Union, unions[i].Variants, ExposeDiscriminator(unions[i].Union, unions[i].Variants), _typeNames.Claim("Unknown" + unions[i].Union.Name));
            }

            var specs = new List<TypeSpec>(_builders.Count);
            foreach (TypeBuilder builder in _builders)
            {
                switch (builder)
                {
                    case ObjectBuilder o:
                        specs.Add(new ObjectSpec(
                            o.Name,
                            o.Doc,
                            o.Deprecated,
                            o.Pointer,
                            o.Properties.Select(p => p.JsonName == o.OverriddenDiscriminator ? p with { OverridesDiscriminator = true } : p).ToEquatableArray(),
                            o.Additional,
                            o.AdditionalType,
                            o.AdditionalPropertyName,
                            o.BaseName));
                        break;
                    case EnumBuilder e:
                        var names = new NameScope(EnumReservedMembers);
                        names.Claim(e.Name);
                        specs.Add(new EnumSpec(
                            e.Name,
                            e.Doc,
                            e.Deprecated,
                            e.Pointer,
                            e.Values.Select(v => new EnumValueSpec(v, names.Claim(Identifiers.ToPascalCase(v, "Empty")))).ToEquatableArray()));
                        break;
                    case KindUnionBuilder k:
                        var cases = new NameScope(new[] { k.Name });
                        specs.Add(new KindUnionSpec(
                            k.Name,
                            k.Doc,
                            k.Deprecated,
                            k.Pointer,
                            k.Alternatives.Select(a => new UnionAlternative(a.Kind, a.Type, ClaimCase(cases, k.Name, CaseName(a.Kind, a.Type)))).ToEquatableArray()));
                        break;
                    case DiscriminatedUnionBuilder d:
                        var entry = unions.First(u => ReferenceEquals(u.Union, d));
                        specs.Add(new DiscriminatedUnionSpec(
                            d.Name,
                            d.Doc,
                            d.Deprecated,
                            d.Pointer,
                            d.Discriminator,
                            entry.Exposed,
                            entry.Variants.Select(v => new VariantSpec(v.Value, v.Variant.Name)).ToEquatableArray(),
                            entry.UnknownName));
                        break;
                }
            }

            return specs.ToEquatableArray();
        }

        /// <summary>
        /// Makes each variant derive from the union. A record has one base, so a variant already
        /// adopted by an earlier union is copied under the name <c>UnionVariant</c> (deterministic:
        /// unions adopt in the order they were met).
        /// </summary>
        private List<(string Value, ObjectBuilder Variant)> AdoptVariants(DiscriminatedUnionBuilder union)
        {
            var adopted = new Dictionary<ObjectBuilder, ObjectBuilder>();
            var result = new List<(string, ObjectBuilder)>();
            foreach ((string value, ObjectBuilder variant) in union.Variants)
            {
                if (!adopted.TryGetValue(variant, out ObjectBuilder? actual))
                {
                    if (variant.BaseName is null || variant.BaseName == union.Name)
                    {
                        actual = variant;
                    }
                    else
                    {
                        actual = variant.CloneAs(_typeNames.Claim(union.Name + variant.Name));
                        _builders.Add(actual);
                        _objects[actual.Name] = actual;
                    }

                    actual.BaseName = union.Name;
                    adopted[variant] = actual;
                }

                result.Add((value, actual));
            }

            return result;
        }

        /// <summary>
        /// The base record exposes the discriminator (<c>message.Role</c>) when every variant fixes it
        /// to one string constant under the same C# name; each variant then overrides it.
        /// </summary>
        private static string? ExposeDiscriminator(DiscriminatedUnionBuilder union, List<(string Value, ObjectBuilder Variant)> variants)
        {
            string? csharpName = null;
            foreach ((string _, ObjectBuilder variant) in variants)
            {
                PropertySpec? property = variant.Properties.FirstOrDefault(p => p.JsonName == union.Discriminator);
                if (property is not { Type: { Kind: ValueKind.Const, Const.Kind: ValueKind.String } } || property.Type.Nullable)
                {
                    return null;
                }

                if (csharpName is not null && csharpName != property.CSharpName)
                {
                    return null;
                }

                csharpName = property.CSharpName;
            }

            if (csharpName is null || ObjectReservedMembers.Contains(csharpName) || csharpName == union.Name)
            {
                return null;
            }

            foreach ((string _, ObjectBuilder variant) in variants)
            {
                variant.OverriddenDiscriminator = union.Discriminator;
            }

            return csharpName;
        }

        /// <summary>A case name whose Is/As/TryGet members are not named like the union itself (CS0542).</summary>
        private static string ClaimCase(NameScope cases, string unionName, string wanted)
        {
            while (unionName == "Is" + wanted || unionName == "As" + wanted || unionName == "TryGet" + wanted)
            {
                wanted += "Value";
            }

            return cases.Claim(wanted);
        }

        private static string CaseName(UnionKind kind, TypeRef type) =>
            type.Kind == ValueKind.Named ? type.Name! : kind.ToString();
    }
}
