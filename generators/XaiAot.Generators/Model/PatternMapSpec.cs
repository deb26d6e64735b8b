namespace XaiAot.Generators.Model
{
    /// <summary>
    /// One typed map of an object for the members that <c>patternProperties</c> matches: the patterns
    /// whose values have this type (in document order), the property that holds them, and the type.
    /// </summary>
    internal sealed record PatternMapSpec(string PropertyName, EquatableArray<PatternSpec> Patterns, TypeRef ValueType);

    /// <summary>
    /// A regular expression of <c>patternProperties</c> as the schema wrote it (ECMA-262, for messages)
    /// and translated to .NET's dialect by <c>Checks.EcmaPattern</c> (what the runtime compiles).
    /// </summary>
    internal sealed record PatternSpec(string Pattern, string DotNetPattern);
}
