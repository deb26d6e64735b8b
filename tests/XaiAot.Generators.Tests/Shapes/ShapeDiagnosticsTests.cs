using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using XaiAot.Generators.Tests.Support;

namespace XaiAot.Generators.Tests.Shapes;

/// <summary>
/// What the shapes of issue 13 report: only what may handle data differently from the schema (a
/// union kept as JSON, a pattern .NET cannot compile), each in one line at the keyword.
/// </summary>
public sealed class ShapeDiagnosticsTests
{
    [Fact]
    public void TheShapesSchemaWarnsOnlyOfTheUnionKeptAsJson()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Schema("shapes.schema.json", "Shapes.Check"));
        Diagnostic only = Assert.Single(run.Diagnostics);
        Assert.Equal("XAOT0104", only.Id);
        string message = only.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("'#/properties/either/oneOf'", message, StringComparison.Ordinal);
        Assert.Contains("kept as JsonElement", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
        run.AssertCompiles();
    }

    [Fact]
    public void APatternDotNetCannotCompileIsReportedAtItAndItsMembersAreKept()
    {
        const string schema = """
            {
              "type": "object",
              "properties": { "a": { "type": "string" } },
              "patternProperties": { "[unclosed": { "type": "string" }, "^x-": { "type": "integer" } },
              "additionalProperties": false
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(schema, "bad.schema.json", "Bad.Pattern", "BadContext");
        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("XAOT0115", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(3, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(25, diagnostic.Location.GetLineSpan().StartLinePosition.Character);
        string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("'[unclosed'", message, StringComparison.Ordinal);
        Assert.Contains("'#/patternProperties/[unclosed'", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
        run.AssertCompiles();

        // additionalProperties: false is not enforced where a pattern is unknown: members are captured.
        string source = run.Source("BadContext.Bad.g.cs");
        Assert.Contains("AdditionalProperties", source, StringComparison.Ordinal);
        Assert.Contains("new(\"^x-\", true)", source, StringComparison.Ordinal);
    }
}
