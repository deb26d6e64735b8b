namespace XaiAot.Generators.Model
{
    /// <summary>
    /// The JSON Schema one generated type came from, as a fragment: its own subtree of the document,
    /// with every local <c>$ref</c> to another generated type rewritten to <c>#/$defs/{TypeName}</c>
    /// and that type's index in <see cref="Dependencies"/>. The generated code joins a fragment and
    /// the fragments it reaches into one self-contained schema on first use: stored whole per type,
    /// a large document's schemas would grow with the square of its size.
    /// </summary>
    /// <param name="TypeName">The generated type, and its key under <c>$defs</c>.</param>
    /// <param name="Json">The fragment as compact JSON.</param>
    /// <param name="Dependencies">Indexes (in <see cref="GenerationSpec.Schemas"/>) of the types the fragment refers to.</param>
    /// <param name="StrictJson">
    /// The fragment in the form structured-output strict modes require (every property required,
    /// optional ones nullable, <c>additionalProperties: false</c>), or null when it cannot take that form.
    /// </param>
    /// <param name="StrictRoot">Whether the type can be the root of a strict answer: an object whose fragment and every fragment it reaches have a strict form.</param>
    internal sealed record TypeSchemaSpec(
        string TypeName,
        string Json,
        EquatableArray<int> Dependencies,
        string? StrictJson,
        bool StrictRoot);
}
