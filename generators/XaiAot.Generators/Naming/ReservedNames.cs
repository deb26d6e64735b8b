namespace XaiAot.Generators.Naming
{
    /// <summary>Names the emitted code declares itself, so no schema name may take them.</summary>
    internal static class ReservedNames
    {
        /// <summary>Members every generated record has (from <c>record</c> or from the emitter).</summary>
        public static readonly string[] ObjectMembers =
        {
            "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct", "GetType",
            "MemberwiseClone", "Finalize", "Clone", "JsonRead", "JsonWrite", "IsNamedMember", "Validate",
        };

        /// <summary>Members every generated open enum struct has.</summary>
        public static readonly string[] EnumMembers =
        {
            "Value", "IsKnown", "KnownValues", "Equals", "GetHashCode", "ToString", "GetType", "JsonRead", "JsonWrite", "Validate",
        };

        /// <summary>Members the generated context declares, which it therefore cannot be named.</summary>
        public static readonly string[] ContextMembers =
        {
            "Default", "Options", "Converters", "SchemaRuntime", "CreateTypeInfo", "GetTypeInfo", "GeneratedSerializerOptions", "s_default", "Validators", "Checks",
        };
    }
}
