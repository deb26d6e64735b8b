using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using XaiAot.Benchmarks.Data;
using XaiAot.Benchmarks.Infrastructure;
using XaiAot.Generators;

namespace XaiAot.Benchmarks;

/// <summary>
/// One cold, full run of the schema generator: a new driver each time (nothing cached), over a
/// compilation prepared once, on the xAI schema and on synthetic 100- and 1,500-definition schemas
/// (issue 13's budget: under 50 ms on the xAI schema, under 1.5 s on 1,500 definitions).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
[BenchmarkCategory("Generator")]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpParseOptions _parseOptions = null!;
    private ImmutableArray<AdditionalText> _texts;
    private AnalyzerConfigOptionsProvider _options = null!;

    [Params("xai-chat", "synthetic-100", "synthetic-1500")]
    public string Schema { get; set; } = "xai-chat";

    [GlobalSetup]
    public void Setup()
    {
        string text = Schema == "xai-chat"
            ? File.ReadAllText(Path.Combine(BenchData.RepositoryRoot(), "schema", "xai-chat.schema.json"))
            : SyntheticSchema.Create(int.Parse(Schema["synthetic-".Length..], System.Globalization.CultureInfo.InvariantCulture));
        string path = Path.Combine(Path.GetTempPath(), Schema + ".schema.json");
        _texts = [new InMemoryAdditionalText(path, text)];
        _options = new OptionsProvider(Schema == "xai-chat" ? "XaiChatJsonContext" : "SyntheticJsonContext");
        _parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        string[] trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        _compilation = CSharpCompilation.Create(
            "GeneratorBench",
            [CSharpSyntaxTree.ParseText("namespace Bench { public static class Anchor { } }", _parseOptions)],
            trusted.Where(p => p.EndsWith(".dll", StringComparison.Ordinal)).Select(p => MetadataReference.CreateFromFile(p)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        GeneratorDriverRunResult result = FullRun();
        Diagnostic[] errors = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        if (errors.Length > 0 || result.GeneratedTrees.Length < 20)
        {
            throw new InvalidOperationException(Schema + ": the generator produced " + result.GeneratedTrees.Length + " files and "
                + string.Join("; ", errors.Select(e => e.ToString())));
        }

        Console.WriteLine("// " + Schema + ": " + result.GeneratedTrees.Length + " generated files, "
            + result.GeneratedTrees.Sum(t => t.Length) + " characters");
    }

    [Benchmark]
    public GeneratorDriverRunResult FullRun()
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new SchemaGenerator().AsSourceGenerator()], _texts, _parseOptions, _options);
        return driver.RunGenerators(_compilation).GetRunResult();
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class OptionsProvider(string contextName) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _file = new(new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.Namespace"] = "Bench.Wire",
            ["build_metadata.AdditionalFiles.ContextName"] = contextName,
        });

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>
        {
            ["build_property.RootNamespace"] = "Bench",
        });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _file;
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new([]);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
