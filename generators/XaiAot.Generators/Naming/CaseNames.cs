using XaiAot.Generators.Model;

namespace XaiAot.Generators.Naming
{
    /// <summary>The case names of a kind union (<c>IsString</c>, <c>AsFoo</c>, ...).</summary>
    internal static class CaseNames
    {
        /// <summary>A named alternative is called by its type's name; any other by its JSON kind.</summary>
        public static string For(UnionKind kind, TypeRef type) =>
            type.Kind == ValueKind.Named ? type.Name! : kind.ToString();

        /// <summary>A case name whose Is/As/TryGet members are not named like the union itself (CS0542).</summary>
        public static string Claim(NameScope cases, string unionName, string wanted)
        {
            while (unionName == "Is" + wanted || unionName == "As" + wanted || unionName == "TryGet" + wanted)
            {
                wanted += "Value";
            }

            return cases.Claim(wanted);
        }
    }
}
