namespace XaiAot.Generators.Model
{
    /// <summary>What one compiled check tests; its data travels in <see cref="CheckSpec"/>.</summary>
    internal enum CheckOp
    {
        /// <summary>The <c>false</c> schema: nothing is valid.</summary>
        False,

        /// <summary><c>type</c>: <see cref="CheckSpec.Texts"/> are the allowed type names.</summary>
        Type,

        /// <summary><c>enum</c>: <see cref="CheckSpec.Text"/> is the JSON array of values.</summary>
        Enum,

        /// <summary><c>const</c>: <see cref="CheckSpec.Text"/> is the JSON value.</summary>
        Const,

        Minimum,
        Maximum,
        ExclusiveMinimum,
        ExclusiveMaximum,
        MultipleOf,
        MinLength,
        MaxLength,

        /// <summary><c>pattern</c>: <see cref="CheckSpec.Text"/> is the .NET pattern (translated from ECMA-262).</summary>
        Pattern,

        /// <summary><c>format</c> (only when format assertions are asked for).</summary>
        Format,
        MinItems,
        MaxItems,
        UniqueItems,

        /// <summary><c>items</c> (from index <see cref="CheckSpec.Text"/>, after <c>prefixItems</c>): target 0.</summary>
        Items,

        /// <summary><c>prefixItems</c>: one target per position.</summary>
        PrefixItems,

        /// <summary><c>contains</c>: target 0; <see cref="CheckSpec.Texts"/> = [minContains, maxContains or ""].</summary>
        Contains,
        MinProperties,
        MaxProperties,

        /// <summary><c>required</c>: <see cref="CheckSpec.Texts"/> are the names.</summary>
        Required,

        /// <summary><c>properties</c>: <see cref="CheckSpec.Texts"/> names, one target each.</summary>
        Properties,

        /// <summary><c>patternProperties</c>: <see cref="CheckSpec.Texts"/> .NET patterns, one target each.</summary>
        PatternProperties,

        /// <summary><c>additionalProperties</c>: target 0; <see cref="CheckSpec.Texts"/> declared names, <see cref="CheckSpec.Patterns"/> the patterns.</summary>
        AdditionalProperties,

        /// <summary><c>propertyNames</c>: target 0 applied to each name as a string.</summary>
        PropertyNames,

        /// <summary><c>dependentRequired</c>: <see cref="CheckSpec.Text"/> the member, <see cref="CheckSpec.Texts"/> the members it needs.</summary>
        DependentRequired,

        /// <summary><c>dependentSchemas</c>: <see cref="CheckSpec.Text"/> the member, target 0 the schema.</summary>
        DependentSchema,
        AllOf,
        AnyOf,
        OneOf,
        Not,

        /// <summary><c>if</c>: targets [if, then or -1, else or -1].</summary>
        IfThenElse,

        /// <summary><c>$ref</c>: target 0.</summary>
        Ref,

        /// <summary><c>anyOf</c>/<c>oneOf</c> of X and null, on a typed value: null, or target 0.</summary>
        NullOr,
    }

    /// <summary>One keyword of one schema location, compiled: <see cref="Location"/> is its JSON pointer in the schema file.</summary>
    internal sealed record CheckSpec(CheckOp Op, string Keyword, string Location, string? Text, EquatableArray<string> Texts, EquatableArray<int> Targets)
    {
        public EquatableArray<string> Patterns { get; init; }
    }

    /// <summary>The checks of one schema location: a static method <c>V{Id}</c> over a JsonElement.</summary>
    internal sealed record CheckMethodSpec(int Id, string Location, EquatableArray<CheckSpec> Checks);

    /// <summary>A named entry point: a generated type's <c>Validate()</c> or a top-level schema's validator.</summary>
    internal sealed record CheckEntry(string Name, int Method, bool Trivial, string Location);

    /// <summary>Everything Validate() is made of for one schema file: only the methods some non-trivial entry reaches.</summary>
    internal sealed record ValidationSpec(
        EquatableArray<CheckMethodSpec> Methods,
        EquatableArray<CheckEntry> Types,
        EquatableArray<CheckEntry> Schemas);
}
