using XaiAot.Generators.JsonText;
using XaiAot.Generators.Schema;

namespace XaiAot.Generators.Typing
{
    /// <summary>One alternative of a <c>oneOf</c>/<c>anyOf</c> and the JSON kinds it accepts.</summary>
    internal sealed record UnionAlternativeSchema(JsonTree Schema, string Pointer, KindSet Kinds);
}
