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
        Assert.All(run.Diagnostics, d => Assert.Equal("XAOT0104", d.Id));
        Assert.Equal(2, run.Diagnostics.Length);
        string[] messages = run.Diagnostics.Select(d => d.GetMessage(CultureInfo.InvariantCulture)).OrderBy(m => m, StringComparer.Ordinal).ToArray();
        Assert.Contains("'#/properties/either/oneOf'", messages[1], StringComparison.Ordinal);
        Assert.Contains("kept as JsonElement", messages[1], StringComparison.Ordinal);
        Assert.Contains("'#/properties/pick/oneOf/1'", messages[0], StringComparison.Ordinal);
        Assert.Contains("kept whole as JSON", messages[0], StringComparison.Ordinal);
        Assert.All(messages, m => Assert.DoesNotContain('\n', m));
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
        Assert.Contains("new(\"^x-\", \"^x-\")", source, StringComparison.Ordinal); // as written, and translated to .NET (Checks.EcmaPattern)
    }

    [Fact]
    public void AllOfAroundANamedEnumOrAReferencedScalarKeepsThatTypeSilently()
    {
        const string schema = """
            {
              "type": "object",
              "properties": {
                "level": { "allOf": [{ "$ref": "#/$defs/Level" }, { "description": "How loud." }] },
                "size": { "allOf": [{ "$ref": "#/$defs/Size" }, { "nullable": true }] }
              },
              "$defs": {
                "Level": { "type": "string", "enum": ["low", "high"] },
                "Size": { "type": "integer" }
              }
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(schema, "scalars.schema.json", "Scalars", "ScalarsContext");
        run.AssertClean();
        string root = run.Source("ScalarsContext.Scalars.g.cs");
        Assert.Contains("public ns::Level? Level { get; init; }", root, StringComparison.Ordinal);
        Assert.Contains("public long? Size { get; init; }", root, StringComparison.Ordinal);
    }
}
