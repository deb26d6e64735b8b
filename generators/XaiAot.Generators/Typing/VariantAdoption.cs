using System;
using System.Collections.Generic;
using System.Linq;
using XaiAot.Generators.Model;
using XaiAot.Generators.Naming;

namespace XaiAot.Generators.Typing
{
    /// <summary>
    /// The pass over finished specs that turns each discriminated union's variant records into its
    /// derived records: sets their base, exposes the discriminator on the base when every variant
    /// fixes it, and names the record that keeps an unknown variant.
    /// </summary>
    internal static class VariantAdoption
    {
        /// <summary>
        /// <paramref name="specs"/> with the unions' variants adopted. A record has one base, so a
        /// variant already adopted by an earlier union is copied under the name <c>UnionVariant</c>;
        /// copies come last, in the order unions are met, so output is deterministic.
        /// </summary>
        public static List<TypeSpec> Apply(List<TypeSpec> specs, TypeTable table)
        {
            var objects = new Dictionary<string, ObjectSpec>(StringComparer.Ordinal);
            foreach (ObjectSpec spec in specs.OfType<ObjectSpec>())
            {
                objects.Add(spec.Name, spec);
            }

            var copies = new List<string>();
            var adoptedVariants = new Dictionary<string, List<VariantSpec>>(StringComparer.Ordinal);
            List<DiscriminatedUnionSpec> unions = specs.OfType<DiscriminatedUnionSpec>().ToList();
            foreach (DiscriminatedUnionSpec union in unions)
            {
                adoptedVariants.Add(union.Name, Adopt(union, objects, copies, table));
            }

            // Claimed after every schema type is named, so a schema's own names never move.
            var overriddenDiscriminators = new Dictionary<string, string>(StringComparer.Ordinal);
            var finishedUnions = new Dictionary<string, DiscriminatedUnionSpec>(StringComparer.Ordinal);
            foreach (DiscriminatedUnionSpec union in unions)
            {
                List<VariantSpec> variants = adoptedVariants[union.Name];
                string? exposed = ExposedDiscriminator(union, variants, objects);
                if (exposed is not null)
                {
                    foreach (VariantSpec variant in variants)
                    {
                        overriddenDiscriminators[variant.TypeName] = union.DiscriminatorJsonName;
                    }
                }

                finishedUnions.Add(union.Name, union with
                {
                    DiscriminatorCSharpName = exposed,
                    Variants = variants.ToEquatableArray(),
                    UnknownName = table.Claim("Unknown" + union.Name),
                });
            }

            var result = new List<TypeSpec>(specs.Count + copies.Count);
            foreach (TypeSpec spec in specs)
            {
                result.Add(spec switch
                {
                    ObjectSpec record => MarkOverride(objects[record.Name], overriddenDiscriminators),
                    DiscriminatedUnionSpec union => finishedUnions[union.Name],
                    _ => spec,
                });
            }

            foreach (string copy in copies)
            {
                result.Add(MarkOverride(objects[copy], overriddenDiscriminators));
            }

            return result;
        }

        /// <summary>Makes each variant of <paramref name="union"/> derive from it, copying those another union took.</summary>
        private static List<VariantSpec> Adopt(DiscriminatedUnionSpec union, Dictionary<string, ObjectSpec> objects, List<string> copies, TypeTable table)
        {
            var adopted = new Dictionary<string, string>(StringComparer.Ordinal);
            var result = new List<VariantSpec>();
            foreach (VariantSpec variant in union.Variants)
            {
                if (!adopted.TryGetValue(variant.TypeName, out string? actual))
                {
                    ObjectSpec record = objects[variant.TypeName];
                    if (record.BaseName is null || record.BaseName == union.Name)
                    {
                        actual = record.Name;
                    }
                    else
                    {
                        actual = table.Claim(union.Name + record.Name);
                        copies.Add(actual);
                    }

                    objects[actual] = record with { Name = actual, BaseName = union.Name };
                    adopted[variant.TypeName] = actual;
                }

                result.Add(new VariantSpec(variant.Value, actual));
            }

            return result;
        }

        /// <summary>
        /// The base record exposes the discriminator (<c>message.Role</c>) when every variant fixes it
        /// to one string constant under the same C# name; each variant then overrides it.
        /// </summary>
        private static string? ExposedDiscriminator(DiscriminatedUnionSpec union, List<VariantSpec> variants, Dictionary<string, ObjectSpec> objects)
        {
            string? csharpName = null;
            foreach (VariantSpec variant in variants)
            {
                PropertySpec? property = objects[variant.TypeName].Properties.FirstOrDefault(candidate => candidate.JsonName == union.DiscriminatorJsonName);
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

            if (csharpName is null || ReservedNames.ObjectMembers.Contains(csharpName) || csharpName == union.Name)
            {
                return null;
            }

            return csharpName;
        }

        private static ObjectSpec MarkOverride(ObjectSpec record, Dictionary<string, string> overriddenDiscriminators)
        {
            string? overridden = overriddenDiscriminators.TryGetValue(record.Name, out string? jsonName) ? jsonName : null;
            return record with
            {
                Properties = record.Properties.Select(property => property.JsonName == overridden ? property with { OverridesDiscriminator = true } : property).ToEquatableArray(),
            };
        }
    }
}
