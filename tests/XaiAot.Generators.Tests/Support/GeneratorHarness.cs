using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace XaiAot.Generators.Tests.Support;

/// <summary>
/// Runs <see cref="SchemaGenerator"/> through <see cref="CSharpGeneratorDriver"/> with step tracking on,
/// and compiles what it produced the way a consuming project would (nullable on, every warning wave).
/// </summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static readonly string RootNamespace = "Test.Root";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    private static readonly CSharpCompilationOptions CompilationOptions = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            warningLevel: 9999,
            deterministic: true)
        .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
        {
            // Assembly unification notes that the SDK silences too (NoWarn 1701;1702).
            ["CS1701"] = ReportDiagnostic.Suppress,
            ["CS1702"] = ReportDiagnostic.Suppress,
        });

    /// <summary>The test project's source folder (schemas and snapshots live beside the tests).</summary>
    public static string SourceDirectory() => Path.GetDirectoryName(Path.GetDirectoryName(ThisFile())!)!;

    /// <summary>A schema of the test project's Schemas/ folder (the same files compiled into this assembly).</summary>
    public static SchemaFile Schema(string fileName, string? ns = null, string? contextName = null) =>
        new(Path.Combine(SourceDirectory(), "Schemas", fileName), File.ReadAllText(Path.Combine(SourceDirectory(), "Schemas", fileName)), ns, contextName);

    public static GeneratorDriver CreateDriver(IEnumerable<SchemaFile> schemas, Dictionary<string, string>? global = null)
    {
        var texts = new List<AdditionalText>();
        var perFile = new Dictionary<string, Dictionary<string, string>>();
        foreach (SchemaFile schema in schemas)
        {
            texts.Add(new InMemoryAdditionalText(schema.Path, schema.Text));
            var metadata = new Dictionary<string, string>();
            if (schema.Namespace is not null)
            {
                metadata["build_metadata.AdditionalFiles.Namespace"] = schema.Namespace;
            }

            if (schema.ContextName is not null)
            {
                metadata["build_metadata.AdditionalFiles.ContextName"] = schema.ContextName;
            }

            foreach (KeyValuePair<string, string> item in schema.Metadata ?? new Dictionary<string, string>())
            {
                metadata["build_metadata.AdditionalFiles." + item.Key] = item.Value;
            }

            perFile[schema.Path] = metadata;
        }

        global ??= new Dictionary<string, string> { ["build_property.RootNamespace"] = RootNamespace };
        return CSharpGeneratorDriver.Create(
            new[] { new SchemaGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            new TestOptionsProvider(global, perFile),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            (sources.Length == 0 ? new[] { "internal static class Consumer { }" } : sources).Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            References.Value,
            CompilationOptions);

    /// <summary>Runs the generator once over <paramref name="schemas"/>.</summary>
    public static GeneratorRun Run(params SchemaFile[] schemas) => Run(CreateDriver(schemas), CreateCompilation());

    public static GeneratorRun Run(string schemaText, string fileName = "test.schema.json", string? ns = "Test.Gen", string? contextName = null) =>
        Run(new SchemaFile("/schemas/" + fileName, schemaText, ns, contextName));

    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> driverDiagnostics);
        return new GeneratorRun(driver, compilation, output, driverDiagnostics);
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The shared framework only: what a net10.0 project compiles against.
        string[] trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        string runtimeDirectory = Path.GetDirectoryName(trusted.First(p => Path.GetFileName(p) == "System.Private.CoreLib.dll"))!;
        return trusted
            .Where(p => string.Equals(Path.GetDirectoryName(p), runtimeDirectory, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Where(p => !Path.GetFileName(p).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}

/// <summary>The outcome of one generator run.</summary>
internal sealed class GeneratorRun
{
    private ImmutableArray<Diagnostic>? _compileDiagnostics;

    public GeneratorRun(GeneratorDriver driver, Compilation input, Compilation output, ImmutableArray<Diagnostic> driverDiagnostics)
    {
        Driver = driver;
        Input = input;
        Output = output;
        DriverDiagnostics = driverDiagnostics;
        Result = driver.GetRunResult().Results.Single();
    }

    public GeneratorDriver Driver { get; }

    public Compilation Input { get; }

    public Compilation Output { get; }

    /// <summary>Diagnostics the driver reported (generator diagnostics plus CS8784/CS8785 when a generator throws).</summary>
    public ImmutableArray<Diagnostic> DriverDiagnostics { get; }

    public GeneratorRunResult Result { get; }

    /// <summary>What the generator itself reported.</summary>
    public ImmutableArray<Diagnostic> Diagnostics => Result.Diagnostics;

    public IReadOnlyList<(string HintName, string Source)> Sources =>
        Result.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();

    public string Source(string hintSuffix) =>
        Sources.Single(s => s.HintName.EndsWith(hintSuffix, StringComparison.Ordinal)).Source;

    /// <summary>Warnings and errors of compiling the generated code (nullable on, all warning waves).</summary>
    public ImmutableArray<Diagnostic> CompileDiagnostics =>
        _compileDiagnostics ??= Output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToImmutableArray();

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>No exception escaped, no internal-error diagnostic.</summary>
    public void AssertNoCrash()
    {
        Assert.Null(Result.Exception);
        Assert.DoesNotContain(DriverDiagnostics, d => d.Id is "CS8784" or "CS8785" or "AD0001" or "XAOT9999");
        Assert.DoesNotContain(Diagnostics, d => d.Id == "XAOT9999");
    }

    /// <summary>The generated code compiles with zero warnings and errors.</summary>
    public void AssertCompiles()
    {
        AssertNoCrash();
        ImmutableArray<Diagnostic> problems = CompileDiagnostics;
        Assert.True(problems.IsEmpty, "Generated code does not compile cleanly:\n" + string.Join("\n", problems.Take(20).Select(Format)));
    }

    /// <summary>No error or warning from the generator and clean generated code.</summary>
    public void AssertClean()
    {
        Assert.True(
            Diagnostics.All(d => d.Severity < DiagnosticSeverity.Warning),
            "Unexpected generator diagnostics:\n" + string.Join("\n", Diagnostics.Select(Format)));
        AssertCompiles();
    }

    public static string Format(Diagnostic d)
    {
        string where = d.Location.IsInSource || d.Location.Kind == LocationKind.ExternalFile
            ? d.Location.GetLineSpan().Path + "(" + (d.Location.GetLineSpan().StartLinePosition.Line + 1) + "," + (d.Location.GetLineSpan().StartLinePosition.Character + 1) + ")"
            : "?";
        string excerpt = string.Empty;
        if (d.Location.IsInSource)
        {
            var lines = d.Location.SourceTree!.GetText().Lines;
            excerpt = "\n    " + lines[d.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim();
        }

        return where + ": " + d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) + excerpt;
    }
}
