using XaiAot.Generators.JsonText;

namespace XaiAot.Generators.Schema
{
    /// <summary>
    /// <c>oneOf</c>/<c>anyOf</c>: whether they shape a value (a union) or only constrain an object
    /// (the JSON Schema idiom for "at least one of these members").
    /// </summary>
    internal static class Alternatives
    {
        private static readonly string[] ShapingKeywords = { "oneOf", "anyOf" };

        /// <summary>The <c>oneOf</c> (else <c>anyOf</c>) that decides the type, skipping constraint-only ones.</summary>
        public static JsonMember? Shaping(JsonTree schema)
        {
            foreach (string keyword in ShapingKeywords)
            {
                if (schema.Member(keyword) is { Value: { Kind: JsonKind.Array, Items.Count: > 0 } } member && !IsConstraintOnly(member.Value))
                {
                    return member;
                }
            }

            return null;
        }

        /// <summary>
        /// True for alternatives that only add constraints (<c>required</c>, validation keywords,
        /// annotations) and so do not change the shape: <c>anyOf: [{required: [a]}, {required: [b]}]</c>.
        /// </summary>
        public static bool IsConstraintOnly(JsonTree alternatives)
        {
            if (alternatives.Kind != JsonKind.Array || alternatives.Items!.Count == 0)
            {
                return false;
            }

            foreach (JsonTree alternative in alternatives.Items)
            {
                if (alternative.Kind != JsonKind.Object)
                {
                    return false;
                }

                foreach (JsonMember member in alternative.Members!)
                {
                    bool constraint = member.Name == "required"
                        || Keywords.Classify(member.Name) is KeywordClass.Enforced or KeywordClass.Annotation or KeywordClass.Unknown;
                    if (!constraint)
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }
}
