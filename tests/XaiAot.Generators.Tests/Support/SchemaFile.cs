using System.Collections.Generic;

namespace XaiAot.Generators.Tests.Support;

/// <summary>One schema handed to the generator, with the item metadata MSBuild would attach.</summary>
internal sealed record SchemaFile(string Path, string Text, string? Namespace = null, string? ContextName = null, IReadOnlyDictionary<string, string>? Metadata = null);
