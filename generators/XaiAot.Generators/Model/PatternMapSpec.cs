namespace XaiAot.Generators.Model
{
    /// <summary>
    /// One typed map of an object for the members that <c>patternProperties</c> matches: the patterns
    /// whose values have this type (in document order), the property that holds them, and the type.
    /// </summary>
    internal sealed record PatternMapSpec(string PropertyName, EquatableArray<PatternSpec> Patterns, TypeRef ValueType);

    /// <summary>
    /// A regular expression of <c>patternProperties</c>, and whether .NET compiles it with
    /// <c>RegexOptions.ECMAScript</c> (JSON Schema's dialect); a pattern ECMAScript mode rejects
    /// (<c>\p{L}</c>, lookbehind) is compiled with .NET's own syntax instead.
    /// </summary>
    internal sealed record PatternSpec(string Pattern, bool EcmaScript);
}
