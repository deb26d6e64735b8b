using System;
using System.Linq;
using System.Runtime.CompilerServices;
using XaiAot.Generators.Tests.Support;

namespace XaiAot.Generators.Tests;

/// <summary>
/// One small schema per feature, generated through the driver and compared to checked-in snapshots:
/// the type files and the context (the runtime helpers once, in <see cref="Runtime"/>). The same
/// schemas are compiled into this assembly, so the snapshots show exactly the code the round-trip tests run.
/// </summary>
public sealed class SnapshotTests
{
    [Fact]
    public void Objects() => Verify("objects.schema.json", "Objects");

    [Fact]
    public void Nullables() => Verify("nullables.schema.json", "Nullables");

    [Fact]
    public void Refs() => Verify("refs.schema.json", "Refs");

    [Fact]
    public void Arrays() => Verify("arrays.schema.json", "Arrays");

    [Fact]
    public void Enums() => Verify("enums.schema.json", "Enums");

    [Fact]
    public void Consts() => Verify("consts.schema.json", "Consts");

    [Fact]
    public void KindUnions() => Verify("kindunions.schema.json", "KindUnions");

    [Fact]
    public void Discriminated() => Verify("discriminated.schema.json", "Discriminated");

    [Fact]
    public void AllOf() => Verify("allof.schema.json", "AllOf");

    [Fact]
    public void Recursion() => Verify("recursion.schema.json", "Recursion");

    [Fact]
    public void Maps() => Verify("maps.schema.json", "Maps");

    [Fact]
    public void Naming() => Verify("naming.schema.json", "Naming");

    [Fact]
    public void Shapes()
    {
        // Not AssertClean: two unions are kept as JSON by design, each with XAOT0104 (Shapes/ShapeDiagnosticsTests).
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Schema("shapes.schema.json", "XaiAot.Generators.Tests.Features.Shapes"));
        run.AssertCompiles();
        Snapshot.Verify(run.Sources.Where(s => !IsRuntime(s.HintName)), "XaiAot.Generators.Tests.Features.Shapes.");
    }

    [Fact]
    public void Runtime()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Schema("objects.schema.json", "XaiAot.Generators.Tests.Features.Objects"));
        Snapshot.Verify(run.Sources.Where(s => IsRuntime(s.HintName)), "XaiAot.Generators.Tests.Features.Objects.");
    }

    [Fact]
    public void OutputIsDeterministic()
    {
        foreach (string file in new[] { "discriminated.schema.json", "naming.schema.json", "kindunions.schema.json" })
        {
            var first = GeneratorHarness.Run(GeneratorHarness.Schema(file, "A.B")).Sources;
            var second = GeneratorHarness.Run(GeneratorHarness.Schema(file, "A.B")).Sources;
            Assert.Equal(first, second);
        }
    }

    private static void Verify(string file, string feature, [CallerMemberName] string test = "")
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Schema(file, "XaiAot.Generators.Tests.Features." + feature));
        run.AssertClean();
        Snapshot.Verify(run.Sources.Where(s => !IsRuntime(s.HintName)), "XaiAot.Generators.Tests.Features." + feature + ".", test);
    }

    /// <summary>The per-assembly files (runtime and validation helpers, and DateTimeText where a schema has a date-time): snapshot once, in <see cref="Runtime"/>.</summary>
    private static bool IsRuntime(string hintName) =>
        hintName.StartsWith("XaiAot.SchemaRuntime.", StringComparison.Ordinal) || hintName.EndsWith(".DateTimeText.g.cs", StringComparison.Ordinal);
}
