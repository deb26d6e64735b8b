namespace XaiAot.Generators
{
    /// <summary>Names of the pipeline steps, so tests can assert each one is cached.</summary>
    internal static class TrackingNames
    {
        public const string SchemaFiles = nameof(SchemaFiles);
        public const string SchemaInputs = nameof(SchemaInputs);
        public const string CompiledSchemas = nameof(CompiledSchemas);
        public const string Diagnostics = nameof(Diagnostics);
        public const string Specs = nameof(Specs);
        public const string ContextKeys = nameof(ContextKeys);
        public const string RuntimeNamespace = nameof(RuntimeNamespace);
        public const string AnySchema = nameof(AnySchema);
        public const string AnyDateTime = nameof(AnyDateTime);
    }
}
