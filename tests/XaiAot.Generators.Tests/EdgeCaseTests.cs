using System;
using System.Linq;
using System.Text;
using System.Threading;
using XaiAot.Generators.Model;
using XaiAot.Generators.Tests.Support;

namespace XaiAot.Generators.Tests;

/// <summary>
/// Schemas built to break the emitter: names that collide with generated members, locals, BCL
/// types and each other; unions with no reference alternative; symbol-only enum values; reference
/// chains thousands deep.
/// </summary>
public sealed class EdgeCaseTests
{
    [Fact]
    public void NamesThatCollideWithGeneratedCodeStillCompile()
    {
        GeneratorRun run = GeneratorHarness.Run(System.IO.File.ReadAllText(System.IO.Path.Combine(GeneratorHarness.SourceDirectory(), "Edge", "nasty.schema.json")), "nasty.schema.json", "Nasty.Api");
        run.AssertClean();

        // A union named like one of its own members gets another case name (CS0542).
        Assert.Contains("public bool IsStringValue =>", run.Source(".IsString.g.cs"), StringComparison.Ordinal);
        Assert.Contains("public long AsIntegerValue =>", run.Source(".AsInteger.g.cs"), StringComparison.Ordinal);
        Assert.Contains("public bool TryGetArrayValue(", run.Source(".TryGetArray.g.cs"), StringComparison.Ordinal);

        // Only value-type alternatives: no reference field that is never assigned (CS0649).
        Assert.DoesNotContain("_reference", run.Source(".AsInteger.g.cs"), StringComparison.Ordinal);

        // A type named like the runtime helpers gets its own hint name (the helpers are emitted once per assembly).
        Assert.Contains(run.Sources, s => s.HintName == "Nasty.Api.NastyJsonContext.SchemaRuntime2.g.cs");
        Assert.Contains(run.Sources, s => s.HintName == "XaiAot.SchemaRuntime.g.cs");

        // Symbol-only enum values are spelled out.
        string emoji = run.Source(".NastyEmoji.g.cs");
        foreach (string name in new[] { "U1F600", "At", "Minus", "AB", "AB2", "KnownValues2", "IsKnown2", "Value2", "Value3", "JsonRead2", "Equals2" })
        {
            Assert.Contains("public static NastyEmoji " + name + " { get; }", emoji, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TypeNamesDifferingOnlyInCaseGetDistinctFiles()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            {"$defs": {
              "foo_bar": {"type": "object", "properties": {"a": {"type": "string"}}},
              "FOOBAR": {"type": "object", "properties": {"b": {"type": "string"}}},
              "Foobar": {"enum": ["x", "y"]}
            }}
            """);
        run.AssertClean();
        string[] hints = run.Sources.Select(s => s.HintName).ToArray();
        Assert.Equal(hints.Length, hints.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains("Test.Gen.TestJsonContext.FooBar.g.cs", hints);
        Assert.Contains("Test.Gen.TestJsonContext.Foobar2.g.cs", hints);
        Assert.Contains("Test.Gen.TestJsonContext.Foobar3.g.cs", hints);
    }

    [Theory]
    [InlineData("=", "Equal")]
    [InlineData("!=", "NotEqual")]
    [InlineData("<=", "LessEqual")]
    [InlineData(">", "Greater")]
    [InlineData("+1", "Plus1")]
    [InlineData("-1", "Minus1")]
    [InlineData("*", "Star")]
    [InlineData("", "Empty")]
    [InlineData("snake_case", "SnakeCase")]
    [InlineData("kebab-case", "KebabCase")]
    [InlineData("camelCase", "CamelCase")]
    [InlineData("SCREAMING_CASE", "ScreamingCase")]
    [InlineData("2fa", "_2fa")]
    [InlineData("class", "Class")]
    [InlineData("$ref", "Ref")]
    [InlineData("a.b/c d", "ABCD")]
    [InlineData("\U0001F600", "U1F600")]
    public void EnumValuesGetReadableNames(string value, string expected)
    {
        string schema = "{\"$defs\": {\"E\": {\"enum\": [\"zz\", " + XaiAot.Generators.JsonText.JsonTreeWriter.Quote(value) + "]}}}";
        GeneratorRun run = GeneratorHarness.Run(schema);
        run.AssertClean();
        Assert.Contains("public static E " + expected + " { get; } = new E(" + Emit.CSharp.StringLiteral(value) + ");", run.Source(".E.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void OpenApiDiscriminatorWithoutOneOfIsReported()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            {"$defs": {
              "Pet": {"type": "object", "discriminator": {"propertyName": "kind"}, "properties": {"kind": {"type": "string"}}, "required": ["kind"]},
              "Cat": {"allOf": [{"$ref": "#/$defs/Pet"}, {"properties": {"lives": {"type": "integer"}}}]}
            }}
            """);
        Microsoft.CodeAnalysis.Diagnostic warning = Assert.Single(run.Diagnostics);
        Assert.Equal("XAOT0101", warning.Id);
        Assert.Contains("'#/$defs/Pet/discriminator'", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        run.AssertCompiles();
        Assert.Contains("public long? Lives", run.Source(".Cat.g.cs"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"type\": \"object\", \"properties\": {\"next\": {\"$ref\": \"#/$defs/D{N}\"}}}", 3000, false)]
    [InlineData("{\"$ref\": \"#/$defs/D{N}\"}", 3000, false)]
    [InlineData("{\"type\": \"array\", \"items\": {\"$ref\": \"#/$defs/D{N}\"}}", 3000, true)]
    [InlineData("{\"type\": \"object\", \"additionalProperties\": {\"$ref\": \"#/$defs/D{N}\"}}", 3000, true)]
    [InlineData("{\"oneOf\": [{\"type\": \"integer\"}, {\"$ref\": \"#/$defs/D{N}\"}]}", 1000, false)]
    [InlineData("{\"allOf\": [{\"$ref\": \"#/$defs/D{N}\"}, {\"properties\": {\"x{I}\": {\"type\": \"string\"}}}]}", 600, true)]
    public void ReferenceChainsThousandsDeepDoNotExhaustTheStack(string shape, int length, bool tooDeep)
    {
        int Length = length;
        var text = new StringBuilder("{\"$defs\": {");
        for (int i = 0; i < Length; i++)
        {
            text.Append(i == 0 ? string.Empty : ",").Append("\"D").Append(i).Append("\": ")
                .Append(shape.Replace("{N}", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{I}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        text.Append(",\"D").Append(Length).Append("\": {\"type\": \"object\", \"properties\": {\"k\": {\"const\": \"end\"}}}}}");

        // 1 MB: the stack of a thread-pool thread on Windows, where Visual Studio runs generators.
        CompiledSchema? result = null;
        var thread = new Thread(() => result = SchemaGenerator.Compile(new SchemaInput("/deep.schema.json", text.ToString(), "N", "Ctx"), default), 1024 * 1024);
        thread.Start();
        thread.Join();
        Assert.NotNull(result);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "XAOT9999");
        Assert.Equal(tooDeep, result.Diagnostics.Any(d => d.Id == "XAOT0008"));
        Assert.NotNull(result.Spec);
    }
}
