namespace XaiAot.Generators.Model
{
    /// <summary>What a schema position holds on the wire and, with it, which C# type stands for it.</summary>
    internal enum ValueKind
    {
        /// <summary><c>string</c>.</summary>
        String,

        /// <summary><c>long</c> (JSON Schema <c>integer</c>).</summary>
        Integer,

        /// <summary><c>double</c> (JSON Schema <c>number</c>).</summary>
        Number,

        /// <summary><c>bool</c>.</summary>
        Boolean,

        /// <summary><c>DateTimeOffset</c> (<c>format: date-time</c>).</summary>
        DateTime,

        /// <summary><c>JsonElement</c>: any JSON value, kept as it came.</summary>
        Any,

        /// <summary><c>JsonElement</c> that must be a JSON object (a free-form object schema).</summary>
        AnyObject,

        /// <summary>A fixed value (<c>const</c> or a one-value <c>enum</c>).</summary>
        Const,

        /// <summary>A type this generator emits (see <see cref="NamedKind"/>).</summary>
        Named,

        /// <summary><c>IReadOnlyList&lt;Element&gt;</c>.</summary>
        Array,

        /// <summary><c>IReadOnlyDictionary&lt;string, Element&gt;</c> (typed <c>additionalProperties</c>).</summary>
        Map,
    }

    /// <summary>The four shapes of emitted types.</summary>
    internal enum NamedKind
    {
        /// <summary>A sealed record (or a derived record of a discriminated union).</summary>
        Object,

        /// <summary>An abstract base record whose derived records are told apart by a const member.</summary>
        DiscriminatedUnion,

        /// <summary>An open string enum: a readonly struct that keeps unknown values.</summary>
        Enum,

        /// <summary>A readonly struct holding one of several JSON kinds (string | array | object | ...).</summary>
        KindUnion,
    }

    /// <summary>A fixed JSON value: its kind (String, Integer, Number or Boolean) and its JSON text.</summary>
    internal sealed record ConstValue(ValueKind Kind, string Json, string? StringValue);

    /// <summary>
    /// A reference to a type at one use site. Equatable and free of Roslyn symbols so that models
    /// holding it cache across generator runs.
    /// </summary>
    internal sealed record TypeRef(
        ValueKind Kind,
        bool Nullable = false,
        string? Name = null,
        NamedKind NamedKind = NamedKind.Object,
        TypeRef? Element = null,
        ConstValue? Const = null)
    {
        public static readonly TypeRef Any = new(ValueKind.Any);

        public TypeRef AsNullable(bool nullable = true) => nullable == Nullable ? this : this with { Nullable = nullable };

        /// <summary>True when the C# type is a value type (so <c>?</c> means Nullable&lt;T&gt;).</summary>
        public bool IsValueType =>
            Kind switch
            {
                ValueKind.Integer or ValueKind.Number or ValueKind.Boolean or ValueKind.DateTime or ValueKind.Any or ValueKind.AnyObject => true,
                ValueKind.Named => NamedKind is NamedKind.Enum or NamedKind.KindUnion,
                ValueKind.Const => Const!.Kind is ValueKind.Integer or ValueKind.Number or ValueKind.Boolean,
                _ => false,
            };
    }
}
