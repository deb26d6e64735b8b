using System.Collections.Generic;
using XaiAot.Generators.JsonText;
using XaiAot.Generators.Model;
using XaiAot.Generators.Schema;

namespace XaiAot.Generators.Typing
{
    /// <summary>
    /// OpenAPI's polymorphism by inheritance: a base object schema with a <c>discriminator</c> whose
    /// <c>mapping</c> names the schemas that extend it (each <c>allOf</c>s the base), and no
    /// <c>oneOf</c>. The base becomes a discriminated union of the mapped records (which still merge
    /// the base's members), so a member typed as the base reads the subtype the discriminator names;
    /// any other value (the base itself, a subtype added later) is kept whole as the unknown variant.
    /// </summary>
    internal static class InheritanceTyping
    {
        /// <summary>The mapped subtypes of <paramref name="schema"/>, or null when it is not such a base.</summary>
        public static Discriminator? Find(JsonTree schema, RefResolver refs)
        {
            if (Alternatives.Shaping(schema) is not null
                || schema.Get("discriminator") is not { Kind: JsonKind.Object } keyword
                || keyword.Get("propertyName") is not { Kind: JsonKind.String } property
                || keyword.Get("mapping") is not { Kind: JsonKind.Object } mapping)
            {
                return null;
            }

            var variants = new List<(UnionAlternativeSchema Alternative, List<string> Values)>();
            foreach (JsonMember entry in mapping.Members!)
            {
                if (entry.Value.Kind != JsonKind.String || DiscriminatorMapping.Target(entry.Value.Text!, refs) is not { } target
                    || ReferenceEquals(target.Tree, schema) || target.Tree.Kind != JsonKind.Object || !ObjectShape.IsObjectLike(target.Tree))
                {
                    // The base itself, or no record: such values are kept whole as the unknown variant.
                    continue;
                }

                int at = variants.FindIndex(variant => ReferenceEquals(variant.Alternative.Schema, target.Tree));
                if (at < 0)
                {
                    variants.Add((new UnionAlternativeSchema(target.Tree, target.Pointer, KindSet.Object), new List<string> { entry.Name }));
                }
                else
                {
                    variants[at].Values.Add(entry.Name);
                }
            }

            return variants.Count == 0 ? null : new Discriminator(property.Text!, variants);
        }
    }
}
