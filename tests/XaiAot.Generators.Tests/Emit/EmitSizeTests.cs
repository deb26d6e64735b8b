using System;
using System.IO;
using System.Linq;
using System.Text;
using XaiAot.Generators.Tests.Support;
using Xunit.Abstractions;

namespace XaiAot.Generators.Tests;

/// <summary>
/// Generated code volume: a consumer compiles and trim-analyses all of it, so bytes per type is a
/// budget. Measured on the xAI schema and on a 1,000-definition synthetic schema. Set
/// XAIAOT_SYNTHETIC_SCHEMA to a path to also write the synthetic schema there (for timing a build),
/// and XAIAOT_DUMP_GENERATED to a folder to write the generated files there.
/// </summary>
public sealed class EmitSizeTests
{
    private readonly ITestOutputHelper _output;

    public EmitSizeTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void XaiSchemaBytesPerType()
    {
        string path = Path.Combine(GeneratorHarness.SourceDirectory(), "..", "..", "schema", "xai-chat.schema.json");
        GeneratorRun run = GeneratorHarness.Run(new SchemaFile(path, File.ReadAllText(path), "XaiAot.Chat", "XaiChatJsonContext"));
        run.AssertClean();
        Report("xai-chat", run);
    }

    [Fact]
    public void SyntheticSchemaBytesPerType()
    {
        string schema = SyntheticSchema.Generate(1000);
        string? target = Environment.GetEnvironmentVariable("XAIAOT_SYNTHETIC_SCHEMA");
        if (!string.IsNullOrEmpty(target))
        {
            File.WriteAllText(target, schema);
        }

        GeneratorRun run = GeneratorHarness.Run(new SchemaFile("/schemas/synthetic.schema.json", schema, "Synthetic.Api"));
        run.AssertCompiles();

        // Budget: half of the 17,251 bytes per type generated before the emit rewrite (now about 6,500).
        Assert.True(Report("synthetic", run) <= 8625, "generated code grew past its budget");

        // The schemas are data, not code per type: a switch arm per fragment made this project's
        // build take over 20 minutes (the compiler and the trim analyzers walk such a method arm by
        // arm, and not linearly). Per type, JsonSchemas holds at most two accessors (a field and a property each) and one table row.
        string schemas = run.Sources.Single(s => s.HintName.EndsWith(".JsonSchemas.g.cs", StringComparison.Ordinal)).Source;
        Assert.DoesNotContain(" switch", schemas, StringComparison.Ordinal);
        int types = run.Sources.Count(s => s.HintName.Count(c => c == '.') >= 2 && !s.HintName.EndsWith("JsonContext.g.cs", StringComparison.Ordinal) && !s.HintName.Contains("SchemaRuntime", StringComparison.Ordinal));
        int semicolons = schemas.Count(c => c == ';');
        Assert.True(semicolons <= (4 * types) + 60, "JsonSchemas has " + semicolons + " statements for " + types + " types: code per type crept back");
    }

    private long Report(string label, GeneratorRun run)
    {
        var sources = run.Sources;
        string? dump = Environment.GetEnvironmentVariable("XAIAOT_DUMP_GENERATED");
        if (!string.IsNullOrEmpty(dump))
        {
            Directory.CreateDirectory(Path.Combine(dump, label));
            foreach ((string hint, string source) in sources)
            {
                File.WriteAllText(Path.Combine(dump, label, hint), source);
            }
        }

        long total = sources.Sum(s => (long)Encoding.UTF8.GetByteCount(s.Source));
        int types = sources.Count(s => s.HintName.Count(c => c == '.') >= 2 && !s.HintName.EndsWith("JsonContext.g.cs", StringComparison.Ordinal) && !s.HintName.Contains("SchemaRuntime", StringComparison.Ordinal));
        string line = label + ": " + types + " types, " + total + " bytes, " + (total / Math.Max(types, 1)) + " bytes per type";
        _output.WriteLine(line);
        File.AppendAllText(Path.Combine(Path.GetTempPath(), "xaiaot-emit-size.txt"), line + Environment.NewLine);
        return total / Math.Max(types, 1);
    }
}
