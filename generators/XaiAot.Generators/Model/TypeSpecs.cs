namespace XaiAot.Generators.Model
{
    /// <summary>One emitted type. Records of strings and equatable arrays only: no Roslyn symbols.</summary>
    internal abstract record TypeSpec(string Name, string? Doc, bool Deprecated, string Pointer);

    /// <summary>How an object treats members its schema does not name.</summary>
    internal enum AdditionalMembers
    {
        /// <summary>Captured into <c>AdditionalProperties</c> as JsonElement and written back.</summary>
        Capture,

        /// <summary>Captured into a typed <c>AdditionalProperties</c> dictionary.</summary>
        Typed,

        /// <summary><c>additionalProperties: false</c>: an unknown member is a read error.</summary>
        Reject,
    }

    internal sealed record PropertySpec(
        string JsonName,
        string CSharpName,
        TypeRef Type,
        bool Required,
        string? Doc,
        string? DefaultJson,
        bool Deprecated,
        bool OverridesDiscriminator);

    internal sealed record ObjectSpec(
        string Name,
        string? Doc,
        bool Deprecated,
        string Pointer,
        EquatableArray<PropertySpec> Properties,
        AdditionalMembers Additional,
        TypeRef? AdditionalType,
        string AdditionalPropertyName,
        string? BaseName)
        : TypeSpec(Name, Doc, Deprecated, Pointer)
    {
        /// <summary>Typed maps for members matched by <c>patternProperties</c>, read before <see cref="Additional"/> applies.</summary>
        public EquatableArray<PatternMapSpec> PatternMaps { get; init; }
    }

    internal sealed record EnumValueSpec(string Value, string CSharpName);

    internal sealed record EnumSpec(string Name, string? Doc, bool Deprecated, string Pointer, EquatableArray<EnumValueSpec> Values)
        : TypeSpec(Name, Doc, Deprecated, Pointer);

    /// <summary>The JSON kinds a kind union tells apart.</summary>
    internal enum UnionKind
    {
        String,
        Integer,
        Number,
        Boolean,
        Array,
        Object,
    }

    internal sealed record UnionAlternative(UnionKind Kind, TypeRef Type, string CaseName);

    internal sealed record KindUnionSpec(string Name, string? Doc, bool Deprecated, string Pointer, EquatableArray<UnionAlternative> Alternatives)
        : TypeSpec(Name, Doc, Deprecated, Pointer);

    internal sealed record VariantSpec(string Value, string TypeName);

    /// <summary>
    /// An abstract base record and its variants; <see cref="UnknownName"/> is the derived record that
    /// keeps, whole, an object whose discriminator names no known variant (a server's new kind).
    /// </summary>
    internal sealed record DiscriminatedUnionSpec(
        string Name,
        string? Doc,
        bool Deprecated,
        string Pointer,
        string DiscriminatorJsonName,
        string? DiscriminatorCSharpName,
        EquatableArray<VariantSpec> Variants,
        string UnknownName)
        : TypeSpec(Name, Doc, Deprecated, Pointer);

    /// <summary>Everything one schema file turns into: the input of the emit step.</summary>
    internal sealed record GenerationSpec(
        string SchemaPath,
        string SchemaFileName,
        string Namespace,
        string ContextName,
        EquatableArray<TypeSpec> Types)
    {
        /// <summary>The JSON Schema of each type, in the order of <see cref="Types"/>.</summary>
        public EquatableArray<TypeSchemaSpec> Schemas { get; init; }

        /// <summary>The assembly's runtime namespace (set by the emit step), where shared public types such as <c>DateTimeText</c> live.</summary>
        public string RuntimeNamespace { get; init; } = "XaiAot.Generated.ThisAssembly";

        /// <summary>The compiled checks behind each type's Validate() and the context's Validators.</summary>
        public ValidationSpec? Validation { get; init; }
    }

    /// <summary>The result of compiling one schema file: code to emit and diagnostics to report, kept apart.</summary>
    internal sealed record CompiledSchema(GenerationSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
}
