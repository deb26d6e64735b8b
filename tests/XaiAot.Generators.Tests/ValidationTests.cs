using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using XaiAot.Generated.XaiAot_Generators_Tests;
using XaiAot.Generators.Tests.Features.Constraints;
using XaiAot.Generators.Tests.Support;

namespace XaiAot.Generators.Tests;

/// <summary>
/// Validate() on types compiled into this assembly from Schemas/constraints.schema.json (with
/// ValidateFormats="true"): reading stays lenient and lossless, Validate() lists every violation with
/// its JSON Pointer, keyword and schema location; top-level schemas that are no type get a validator.
/// </summary>
public sealed class ValidationTests
{
    private static IReadOnlyList<SchemaViolation> Violations(string json) =>
        JsonSerializer.Deserialize(json, ConstraintsJsonContext.Default.Message)!.Validate();

    [Fact]
    public void AValidValueHasNoViolation()
    {
        Assert.Empty(Violations("""{"role": "user", "name": "ada", "content": "hi", "temperature": 1.5, "n": 4, "tags": ["ab", "cd"], "extra": {"x-a": 1}, "mode": "fast", "emoji": "😀😀", "when": "2024-02-29"}"""));
    }

    [Fact]
    public void OutOfRangeValuesAreReadAndWrittenBackNotRejected()
    {
        const string json = """{"role": "robot", "name": "ADA LOVELACE", "content": "far too long", "temperature": 7, "n": 3}""";
        Message message = Json.RoundTrip(json, ConstraintsJsonContext.Default.Message);
        Assert.Equal("robot", message.Role.Value);
        Assert.Equal(7, message.Temperature);
        Assert.NotEmpty(message.Validate());
    }

    [Fact]
    public void EveryViolationHasItsPointerKeywordAndSchemaLocation()
    {
        var found = Violations("""{"role": "robot", "name": "ADA LOVELACE", "content": "far too long", "temperature": -1, "n": 3, "tags": ["a", "bb", "bb", "cc"], "extra": {"y": 1}, "mode": "forbidden", "emoji": "😀😀😀", "when": "2024-13-01"}""")
            .Select(v => v.InstanceLocation + " " + v.Keyword + " " + v.SchemaLocation)
            .ToList();
        string[] expected =
        {
            "/role enum #/$defs/Message/properties/role/enum",
            "/name maxLength #/$defs/Message/properties/name/maxLength",
            "/name pattern #/$defs/Message/properties/name/pattern",
            "/content maxLength #/$defs/Message/properties/content/maxLength",
            "/temperature minimum #/$defs/Message/properties/temperature/minimum",
            "/n multipleOf #/$defs/Message/properties/n/multipleOf",
            "/tags maxItems #/$defs/Message/properties/tags/maxItems",
            "/tags uniqueItems #/$defs/Message/properties/tags/uniqueItems",
            "/tags/0 minLength #/$defs/Message/properties/tags/items/minLength",
            "/extra/y pattern #/$defs/Message/properties/extra/propertyNames/pattern",
            "/mode not #/$defs/Message/properties/mode/not",
            "/emoji maxLength #/$defs/Message/properties/emoji/maxLength",
            "/when format #/$defs/Message/properties/when/format",
        };
        Assert.Equal(expected.Order(), found.Order());
    }

    [Fact]
    public void ObjectLevelKeywordsApplyToTheObject()
    {
        var found = Violations("""{"role": "assistant", "name": "ada"}""");
        Assert.Contains(found, v => v.Keyword == "dependentRequired" && v.InstanceLocation.Length == 0 && v.SchemaLocation == "#/$defs/Message/dependentRequired/name");
        Assert.Contains(found, v => v.Keyword == "required" && v.SchemaLocation == "#/$defs/Message/then/required" && v.Message.Contains("'content'", System.StringComparison.Ordinal));
    }

    [Fact]
    public void ARequiredMemberThatPropertiesDoesNotDeclareIsChecked()
    {
        // 'ghost' is not typed (XAOT0107, Info): reading does not insist on it, Validate() does.
        Ticket missing = JsonSerializer.Deserialize("""{"title": "a"}""", ConstraintsJsonContext.Default.Ticket)!;
        SchemaViolation violation = Assert.Single(missing.Validate());
        Assert.Equal("required", violation.Keyword);
        Assert.Equal("#/$defs/Ticket/required", violation.SchemaLocation);
        Assert.Contains("'ghost'", violation.Message, System.StringComparison.Ordinal);

        Ticket present = JsonSerializer.Deserialize("""{"title": "a", "ghost": 1}""", ConstraintsJsonContext.Default.Ticket)!;
        Assert.Empty(present.Validate());
    }

    [Fact]
    public void NestedTypesAreCheckedWithTheirPath()
    {
        Conversation conversation = JsonSerializer.Deserialize("""{"messages": [{"role": "user"}, {"role": "user", "content": "123456"}]}""", ConstraintsJsonContext.Default.Conversation)!;
        SchemaViolation violation = Assert.Single(conversation.Validate());
        Assert.Equal("/messages/1/content", violation.InstanceLocation);
        Assert.Equal("#/$defs/Message/properties/content/maxLength", violation.SchemaLocation);
        Assert.Equal("/messages/1/content: must be at most 5 characters long [#/$defs/Message/properties/content/maxLength]", violation.ToString());

        var empty = new Conversation { Messages = new List<Message>() };
        Assert.Equal("minItems", Assert.Single(empty.Validate()).Keyword);
    }

    [Fact]
    public void AValueBuiltInCodeIsCheckedAsItWouldBeWritten()
    {
        var message = new Message { Role = MessageRole.User, Name = "Ada", Temperature = 2.5 };
        Assert.Equal(new[] { "pattern", "maximum", "dependentRequired" }.Order(), message.Validate().Select(v => v.Keyword).Order());
        Assert.Empty((message with { Name = "ada", Content = "hi", Temperature = 2 }).Validate());
    }

    [Fact]
    public void ATopLevelSchemaThatIsNoTypeHasAValidator()
    {
        using JsonDocument high = JsonDocument.Parse("101");
        SchemaViolation violation = Assert.Single(ConstraintsJsonContext.Validators.Percent(high.RootElement));
        Assert.Equal("maximum", violation.Keyword);
        Assert.Equal("#/$defs/Percent/maximum", violation.SchemaLocation);
        using JsonDocument text = JsonDocument.Parse("\"50\"");
        Assert.Equal("type", Assert.Single(ConstraintsJsonContext.Validators.Percent(text.RootElement)).Keyword);
        using JsonDocument fine = JsonDocument.Parse("50.5");
        Assert.Empty(ConstraintsJsonContext.Validators.Percent(fine.RootElement));
    }

    [Fact]
    public void AViolationInsideAUnionVariantSaysWhereItIs()
    {
        Shape shape = JsonSerializer.Deserialize("""{"kind": "circle", "radius": -1}""", ConstraintsJsonContext.Default.Shape)!;
        var found = shape.Validate().Select(v => v.InstanceLocation + " " + v.Keyword + " " + v.SchemaLocation).ToList();
        Assert.Equal(new[] { " oneOf #/$defs/Shape/oneOf", "/radius minimum #/$defs/Shape/oneOf/0/properties/radius/minimum" }, found);
        Assert.Empty(JsonSerializer.Deserialize("""{"kind": "square", "side": 2}""", ConstraintsJsonContext.Default.Shape)!.Validate());
    }

    [Theory]
    [InlineData("1e400", "maximum")]
    [InlineData("-1e400", "minimum")]
    public void NumbersBeyondDoubleOrDecimalAreComparedNotThrown(string json, string keyword)
    {
        using JsonDocument number = JsonDocument.Parse(json);
        Assert.Equal(keyword, Assert.Single(ConstraintsJsonContext.Validators.Percent(number.RootElement)).Keyword);
    }

    [Fact]
    public void SchemaNamesThatMeetTheValidationNamesStillCompile()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            {"$defs": {
              "Checks": {"type": "object", "properties": {"validate": {"type": "string", "maxLength": 3}, "v0": {"minimum": 1}}},
              "Validators": {"type": "object", "properties": {"checks": {"$ref": "#/$defs/Checks"}}},
              "SchemaViolation": {"type": "string", "enum": ["a"]},
              "SchemaValidation": {"type": "array", "items": {"type": "integer", "maximum": 3}},
              "Equals": {"type": "string", "pattern": "^x"},
              "V0": {"type": "number", "multipleOf": 0.5}
            }}
            """);
        run.AssertClean();
        string validation = run.Source("JsonContext.Validation.g.cs");
        Assert.Contains("public static scg::IReadOnlyList<sv::SchemaViolation> SchemaValidation(stj::JsonElement value)", validation, System.StringComparison.Ordinal);
        Assert.Contains("public static scg::IReadOnlyList<sv::SchemaViolation> Equals2(stj::JsonElement value)", validation, System.StringComparison.Ordinal);
    }

    [Fact]
    public void FormatIsAnAnnotationUnlessAskedFor()
    {
        const string Schema = """{"$defs": {"A": {"type": "object", "properties": {"d": {"type": "string", "format": "date"}}}}}""";
        GeneratorRun plain = GeneratorHarness.Run(Schema);
        plain.AssertClean();
        Assert.DoesNotContain("vr.Format", plain.Source("JsonContext.Validation.g.cs"), System.StringComparison.Ordinal);

        GeneratorRun asserted = GeneratorHarness.Run(new SchemaFile("/schemas/test.schema.json", Schema, "Test.Gen", null, new Dictionary<string, string> { ["ValidateFormats"] = "true" }));
        asserted.AssertClean();
        Assert.Contains("vr.Format(v, \"date\")", asserted.Source("JsonContext.Validation.g.cs"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void APatternDotNetCannotCompileIsAWarningAtThePattern()
    {
        GeneratorRun run = GeneratorHarness.Run("""{"$defs": {"A": {"type": "object", "properties": {"s": {"type": "string", "pattern": "(unclosed"}}}}}""");
        Microsoft.CodeAnalysis.Diagnostic warning = Assert.Single(run.Diagnostics);
        Assert.Equal("XAOT0111", warning.Id);
        Assert.Contains("'#/$defs/A/properties/s/pattern'", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Equal(0, warning.Location.GetLineSpan().StartLinePosition.Line);
        run.AssertCompiles();
    }

    [Theory]
    [InlineData("^\\d+$", "١٢٣", false)] // \d is ASCII in ECMA-262
    [InlineData("^\\d+$", "123", true)]
    [InlineData("^a$", "a\n", false)] // $ is the end of the input
    [InlineData("^\\p{Letter}+$", "ábc", true)]
    [InlineData("^\\w+$", "é", false)]
    [InlineData("[]", "a", false)]
    [InlineData("[^]", "a", true)]
    public void PatternsHaveEcmaScriptMeaning(string pattern, string value, bool matches)
    {
        string? translated = XaiAot.Generators.Checks.EcmaPattern.Translate(pattern, out string? error);
        Assert.Null(error);
        Assert.Equal(matches, System.Text.RegularExpressions.Regex.IsMatch(value, translated!));
    }
}
