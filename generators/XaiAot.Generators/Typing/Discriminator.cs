using System.Collections.Generic;

namespace XaiAot.Generators.Typing
{
    /// <summary>The member that tells object alternatives apart, and the values that pick each one.</summary>
    internal sealed record Discriminator(string Property, List<(UnionAlternativeSchema Alternative, List<string> Values)> Variants);
}
