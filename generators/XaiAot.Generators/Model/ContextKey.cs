namespace XaiAot.Generators.Model
{
    /// <summary>Which schema file generates which context (for hint-name clashes between files).</summary>
    internal sealed record ContextKey(string Path, string Namespace, string ContextName);
}
