using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using XaiAot.Generators.Emit;
using XaiAot.Generators.Tests.Features.Objects;
using XaiAot.Generators.Tests.Support;

namespace XaiAot.Generators.Tests;

/// <summary>
/// DateTimeText (Runtime/DateTimeText.cs, embedded in the generator): compiled as code with the
/// runtime helpers, emitted only into assemblies whose schemas have a date-time, and the behaviour of
/// the copy this assembly got (its schemas have date-times).
/// </summary>
public sealed class DateTimeTextTests
{
    private static string RuntimeFile(string name) =>
        File.ReadAllText(Path.Combine(GeneratorHarness.SourceDirectory(), "..", "..", "generators", "XaiAot.Generators", "Runtime", name));

    [Fact]
    public void FileCompilesWithTheRuntimeWithNullableOnAndNoWarning()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(RuntimeFile("SchemaRuntime.cs"), RuntimeFile("DateTimeText.cs"));
        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(GeneratorRun.Format)));
    }

    [Fact]
    public void EmittedOnlyWhereASchemaHasADateTime()
    {
        GeneratorRun with = GeneratorHarness.Run(GeneratorHarness.Schema("objects.schema.json", "With.DateTime"));
        with.AssertClean();
        Assert.Contains("namespace XaiAot.Generated.Consumer", with.Source(DateTimeTextSource.HintName), StringComparison.Ordinal);
        Assert.Contains("/// <summary>", with.Source(DateTimeTextSource.HintName), StringComparison.Ordinal);

        GeneratorRun without = GeneratorHarness.Run(GeneratorHarness.Schema("maps.schema.json", "Without.DateTime"));
        without.AssertClean();
        Assert.DoesNotContain(without.Sources, s => s.HintName == DateTimeTextSource.HintName);
    }

    [Fact]
    public void KeepsTheTextAndParsesOnRequest()
    {
        var text = new XaiAot.Generated.XaiAot_Generators_Tests.DateTimeText("2018-04-25 20:42:10");
        Assert.Equal("2018-04-25 20:42:10", text.Text);
        Assert.True(text.TryGetDateTimeOffset(out DateTimeOffset parsed));
        Assert.Equal(new DateTimeOffset(2018, 4, 25, 20, 42, 10, TimeSpan.Zero), parsed);
        Assert.False(new XaiAot.Generated.XaiAot_Generators_Tests.DateTimeText("yesterday").TryGetDateTimeOffset(out _));
        Assert.Throws<FormatException>(() => new XaiAot.Generated.XaiAot_Generators_Tests.DateTimeText("yesterday").ToDateTimeOffset());
        Assert.NotEqual(new XaiAot.Generated.XaiAot_Generators_Tests.DateTimeText("2018-04-25T20:42:10Z"), new XaiAot.Generated.XaiAot_Generators_Tests.DateTimeText("2018-04-25T20:42:10.000Z"));
        Assert.Equal(string.Empty, default(XaiAot.Generated.XaiAot_Generators_Tests.DateTimeText).Text);
    }

    [Fact]
    public void ADateTimeOffsetIsWrittenInRfc3339()
    {
        var person = new Person { Id = 1, Name = "a", BornAt = new DateTimeOffset(2024, 2, 29, 23, 59, 59, 500, TimeSpan.FromMinutes(330)) };
        Json.AssertEquivalent("""{"id":1,"name":"a","born_at":"2024-02-29T23:59:59.5+05:30"}""", System.Text.Json.JsonSerializer.Serialize(person, ObjectsJsonContext.Default.Person));
        person = person with { BornAt = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        Assert.Equal("2024-01-01T00:00:00Z", person.BornAt!.Value.Text);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), (DateTimeOffset)person.BornAt.Value);
    }
}
