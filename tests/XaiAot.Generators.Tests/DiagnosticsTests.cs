using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using XaiAot.Generators.Tests.Support;

namespace XaiAot.Generators.Tests;

/// <summary>
/// Every diagnostic class: id, severity, message (keyword and JSON pointer) and the exact 1-based
/// line and column in the schema file, as a user sees them in the build output.
/// </summary>
public sealed class DiagnosticsTests
{
    private const string Path = "/schemas/test.schema.json";

    [Fact]
    public void UnsupportedKeywordsAreWarningsAtTheKeyword()
    {
        const string schema = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$defs": {
                "Foo": {
                  "type": "object",
                  "properties": {
                    "bar": { "type": "string", "pattern": "^a", "minLength": 1 },
                    "baz": { "if": {}, "then": {}, "else": {} },
                    "qux": { "not": { "type": "null" } },
                    "map": { "type": "object", "patternProperties": { "^x": {} } },
                    "dyn": { "$dynamicRef": "#meta" },
                    "odd": { "type": "string", "foo": 1 },
                    "ext": { "type": "string", "x-go-name": "Ext" },
                    "tup": { "type": "array", "items": [{ "type": "string" }] }
                  }
                }
              }
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(schema);
        // pattern, minLength, if/then/else and not are enforced by Validate(), patternProperties is typed: no warning.
        Expect(run, "XAOT0101", DiagnosticSeverity.Warning, 11, 18, "'$dynamicRef'", "'#/$defs/Foo/properties/dyn/$dynamicRef'");
        Expect(run, "XAOT0102", DiagnosticSeverity.Info, 12, 36, "'foo'", "'#/$defs/Foo/properties/odd/foo'", "not a JSON Schema keyword");
        Expect(run, "XAOT0101", DiagnosticSeverity.Warning, 14, 35, "'items'", "'#/$defs/Foo/properties/tup/items'");
        Assert.DoesNotContain(run.Diagnostics, d => d.GetMessage().Contains("x-go-name", System.StringComparison.Ordinal));
        Assert.DoesNotContain(run.Diagnostics, d => d.GetMessage().Contains("patternProperties", System.StringComparison.Ordinal)); // typed (issue 13)
        Assert.Equal(3, run.Diagnostics.Length);

        // Ignored keywords do not stop generation: the code still compiles cleanly.
        run.AssertCompiles();
    }

    [Fact]
    public void DiagnosticsSayWhatAPartIsInOneShortLineNotByPastingIt()
    {
        string values = string.Join(", ", Enumerable.Range(0, 30).Select(i => "\"value-number-" + i + "\""));
        string schema = "{\"$defs\": {\"A\": {\"type\": \"object\", \"properties\": {\"x\": {\"allOf\": [{\"type\": \"object\"}, {\"enum\": [" + values + "]}]}}}}}";

        GeneratorRun run = GeneratorHarness.Run(schema);

        string message = Assert.Single(run.Diagnostics, d => d.Id == "XAOT0109").GetMessage();
        Assert.Contains("'enum' of 30 values", message, System.StringComparison.Ordinal);
        Assert.DoesNotContain("value-number-", message, System.StringComparison.Ordinal);
        Assert.True(message.Length < 200, message);
        Assert.All(run.Diagnostics, d => Assert.DoesNotContain('\n', d.GetMessage()));
    }

    [Fact]
    public void PureAnnotationsGiveNothing()
    {
        // SchemaStore, OpenAPI and Kubernetes documents are full of these; none changes what the
        // generated code reads or writes, so none may fail a TreatWarningsAsErrors build.
        const string schema = """
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "id": "https://example.com/tool.json",
              "$comment": "edited by hand",
              "$defs": {
                "Tool": {
                  "type": "object",
                  "title": "Tool",
                  "markdownDescription": "A **tool**.",
                  "deprecationMessage": "Use Tool2.",
                  "defaultSnippets": [{ "body": { "name": "$1" } }],
                  "x-kubernetes-preserve-unknown-fields": true,
                  "x-intellij-html-description": "<b>tool</b>",
                  "properties": {
                    "name": { "type": "string", "examples": ["a"], "readOnly": true, "errorMessage": "a name", "x-go-name": "Name" },
                    "mode": { "type": "string", "enum": ["a", "b"], "markdownEnumDescriptions": ["A", "B"], "enumDescriptions": ["A", "B"] },
                    "blob": { "type": "string", "contentEncoding": "base64", "contentMediaType": "image/png", "writeOnly": true },
                    "note": { "type": "string", "example": "x", "externalDocs": { "url": "https://e.com" }, "doNotSuggest": true }
                  }
                }
              }
            }
            """;

        GeneratorRun run = GeneratorHarness.Run(schema);

        Assert.Empty(run.Diagnostics);
        run.AssertCompiles();
    }

    [Fact]
    public void MalformedKeywordsAreErrorsAtTheValue()
    {
        const string schema = """
            {
              "$defs": {
                "A": {
                  "type": "object",
                  "properties": {
                    "r": { "$ref": "#/$defs/Missing" },
                    "t": { "type": "strin" },
                    "u": { "type": ["string", 5] },
                    "p": { "properties": [] },
                    "q": { "type": "object", "required": "p" },
                    "e": { "enum": {} },
                    "i": { "type": "array", "items": 5 },
                    "n": { "type": "string", "nullable": "yes" },
                    "o": { "anyOf": [] },
                    "s": 5,
                    "x": { "$ref": "other.json#/$defs/X" },
                    "c": { "$ref": "#/$defs/Loop1" },
                    "k": { "type": "object", "required": ["k", 3] }
                  }
                },
                "Loop1": { "$ref": "#/$defs/Loop2" },
                "Loop2": { "$ref": "#/$defs/Loop1" }
              }
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(schema);
        Expect(run, "XAOT0002", DiagnosticSeverity.Error, 6, 24, "$ref '#/$defs/Missing'", "'#/$defs/A/properties/r/$ref'", "there is no 'Missing' at '#/$defs'");
        Expect(run, "XAOT0003", DiagnosticSeverity.Error, 7, 24, "'strin'", "'#/$defs/A/properties/t/type'", "not a JSON Schema type");
        Expect(run, "XAOT0003", DiagnosticSeverity.Error, 8, 35, "'5'", "'#/$defs/A/properties/u/type'");
        Expect(run, "XAOT0004", DiagnosticSeverity.Error, 9, 30, "'properties'", "'#/$defs/A/properties/p/properties'", "must be an object of schemas, but is an empty array");
        Expect(run, "XAOT0004", DiagnosticSeverity.Error, 10, 46, "'required'", "must be an array of strings, but is the string \"p\"");
        Expect(run, "XAOT0004", DiagnosticSeverity.Error, 11, 24, "'enum'", "must be an array, but is an object");
        Expect(run, "XAOT0004", DiagnosticSeverity.Error, 12, 42, "'items'", "but is the number 5");
        Expect(run, "XAOT0004", DiagnosticSeverity.Error, 13, 46, "'nullable'", "must be true or false");
        Expect(run, "XAOT0004", DiagnosticSeverity.Error, 14, 25, "'anyOf'", "must be a non-empty array of schemas, but is an empty array");
        Expect(run, "XAOT0005", DiagnosticSeverity.Error, 15, 14, "'#/$defs/A/properties/s'", "must be a JSON Schema", "the number 5");
        Expect(run, "XAOT0106", DiagnosticSeverity.Warning, 16, 24, "'other.json#/$defs/X'", "'#/$defs/A/properties/x/$ref'", "points outside this file");
        Expect(run, "XAOT0004", DiagnosticSeverity.Error, 18, 52, "'required'", "'#/$defs/A/properties/k/required'", "an array holding the number 3");
        Expect(run, "XAOT0006", DiagnosticSeverity.Error, 21, 24, "$ref '#/$defs/Loop2'", "'#/$defs/Loop1/$ref'", "leads back to itself");
        Assert.Equal(13, run.Diagnostics.Length);

        // Errors are reported, never thrown, and what could be generated still compiles.
        run.AssertCompiles();
    }

    [Fact]
    public void ShapeWarningsNameWhatWasIgnoredOrDegraded()
    {
        const string schema = """
            {
              "$defs": {
                "B": {
                  "type": "object",
                  "properties": {
                    "u": { "oneOf": [{ "type": "object", "properties": { "a": { "type": "string" } } }, { "type": "object" }] },
                    "v": { "enum": [1, 2, 3] },
                    "w": { "$ref": "#/$defs/C", "type": "object" }, "f": { "$ref": "#/$defs/C", "format": "uri", "enum": [{ "c": 1 }] },
                    "y": { "allOf": [{ "$ref": "#/$defs/C" }, { "type": "string" }] },
                    "z": { "const": [1] },
                    "m": { "type": "string", "enum": ["a", 1] },
                    "k": { "oneOf": [{ "type": "string" }], "anyOf": [{ "type": "integer" }] }
                  },
                  "required": ["u", "ghost"]
                },
                "C": { "type": "object", "properties": { "c": { "type": "integer" } } }
              }
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(schema);
        Expect(run, "XAOT0104", DiagnosticSeverity.Warning, 6, 16, "'oneOf'", "'#/$defs/B/properties/u/oneOf'", "cannot be told apart", "JsonElement");
        Expect(run, "XAOT0105", DiagnosticSeverity.Info, 7, 16, "'enum'", "'#/$defs/B/properties/v/enum'", "generated as long");
        Expect(run, "XAOT0108", DiagnosticSeverity.Warning, 8, 37, "'type'", "'#/$defs/B/properties/w/type'", "'$ref' decides");
        Expect(run, "XAOT0109", DiagnosticSeverity.Warning, 9, 51, "'#/$defs/B/properties/y/allOf'", "part 1", "'type' \"string\"");
        Expect(run, "XAOT0105", DiagnosticSeverity.Info, 10, 16, "'const'", "'#/$defs/B/properties/z/const'", "an array", "JsonElement");
        Expect(run, "XAOT0105", DiagnosticSeverity.Info, 11, 34, "'#/$defs/B/properties/m/enum'", "JsonElement");
        Expect(run, "XAOT0108", DiagnosticSeverity.Warning, 12, 49, "'anyOf'", "'oneOf' decides");
        Expect(run, "XAOT0107", DiagnosticSeverity.Info, 14, 25, "'#/$defs/B/required'", "'ghost'");
        Assert.Equal(8, run.Diagnostics.Length); // beside $ref (f), a format is an annotation and an enum is checked by Validate(): nothing
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Id is "XAOT0105" or "XAOT0107");
        run.AssertCompiles();
    }

    [Fact]
    public void PositionsDeepInALargeFileAreExact()
    {
        // Every XAOT0102 of a 3,500-line file points at its keyword: found here by plain text search
        // (each validation keyword misspelt with a trailing '_', an unknown keyword).
        string path = System.IO.Path.Combine(GeneratorHarness.SourceDirectory(), "Foreign", "shop-openapi.schema.json");
        string text = System.Text.RegularExpressions.Regex.Replace(
            System.IO.File.ReadAllText(path),
            "\"(minLength|maxLength|minimum|maximum|exclusiveMinimum|exclusiveMaximum|pattern|minItems|maxItems|uniqueItems|multipleOf|minProperties|maxProperties)\":",
            "\"$1_\":");
        string[] lines = text.Split('\n');
        GeneratorRun run = GeneratorHarness.Run(new SchemaFile(path, text, "Shop"));
        var warnings = run.Diagnostics.Where(d => d.Id == "XAOT0102").ToList();
        Assert.True(warnings.Count > 50);
        foreach (Diagnostic warning in warnings)
        {
            var start = warning.Location.GetLineSpan().StartLinePosition;
            string keyword = warning.GetMessage(CultureInfo.InvariantCulture).Split('\'')[1];
            Assert.Equal("\"" + keyword + "\"", lines[start.Line].Substring(start.Character, keyword.Length + 2));
            Assert.Equal(text.Substring(warning.Location.SourceSpan.Start, keyword.Length + 2), "\"" + keyword + "\"");
        }

        Assert.Contains(warnings, w => w.Location.GetLineSpan().StartLinePosition.Line > 3000);
    }

    [Theory]
    [InlineData("{\"a\": 1,}", 1, 9, "Unexpected '}': expected a member name in quotes")]
    [InlineData("{\"a\" 1}", 1, 6, "Expected ':' after member name \"a\"")]
    [InlineData("{\"a\": \"abc", 1, 11, "end of file inside a string")]
    [InlineData("{\n  \"a\": 1\n", 1, 1, "the object opened here is not closed with '}'")]
    [InlineData("[\n  1,\n  2\n", 1, 1, "the array opened here is not closed with ']'")]
    [InlineData("{\"a\": tru}", 1, 7, "Invalid literal: expected 'true'")]
    [InlineData("{}\n}", 2, 1, "after the end of the JSON document")]
    [InlineData("{\"a\": \"x\ty\"}", 1, 9, "Invalid control character U+0009")]
    [InlineData("{\"a\": \"\\q\"}", 1, 8, "Invalid escape '\\q'")]
    [InlineData("{\"a\": \"\\u12G4\"}", 1, 8, "expected four hexadecimal digits")]
    [InlineData("", 1, 1, "Unexpected end of file: expected a JSON value")]
    [InlineData("{\r\n  \"a\": 01\r\n}", 2, 9, "Unexpected '1': expected ',' or '}' after member \"a\"")]
    [InlineData("{\r  \"a\": ,\r}", 2, 8, "Unexpected ',': expected a JSON value")]
    [InlineData("{\"a\": \"\\ud800x\"}", 1, 8, "Unpaired surrogate \\ud800")]
    [InlineData("{\"a\": \"\\udc00\"}", 1, 8, "Unpaired surrogate \\udc00")]
    [InlineData("{\"a\": -}", 1, 8, "Invalid number: expected a digit")]
    [InlineData("{\"a\": 1.}", 1, 9, "expected a digit after '.'")]
    [InlineData("{\"a\": 1e+}", 1, 10, "expected a digit in the exponent")]
    [InlineData("{\"a\": [1 2]}", 1, 10, "expected ',' or ']' in an array")]
    [InlineData("{\"a\": 1 \"b\": 2}", 1, 9, "expected ',' or '}' after member \"a\"")]
    [InlineData("{'a': 1}", 1, 2, "expected a member name in quotes")]
    [InlineData("// comment\n{}", 1, 1, "expected a JSON value")]
    [InlineData("{\n\t\"a\":\n\t\t@\n}", 3, 3, "Unexpected '@'")]
    public void InvalidJsonIsAnErrorAtTheExactPosition(string text, int line, int column, string reason)
    {
        GeneratorRun run = GeneratorHarness.Run(text);
        Expect(run, "XAOT0001", DiagnosticSeverity.Error, line, column, "'test.schema.json' is not valid JSON", reason);
        Assert.Single(run.Diagnostics);
        Assert.Empty(run.Sources);
        run.AssertNoCrash();
    }

    [Fact]
    public void TooDeepNestingIsAnErrorNotAStackOverflow()
    {
        GeneratorRun run = GeneratorHarness.Run(new string('[', 100_000) + new string(']', 100_000));
        Expect(run, "XAOT0001", DiagnosticSeverity.Error, 1, 257, "nests deeper than 256 levels");
    }

    [Fact]
    public void DeeplyNestedButValidSchemaIsFine()
    {
        // 100 nested inline objects: the generator recurses once per level, well inside the JSON depth limit.
        string schema = string.Concat(Enumerable.Repeat("{\"type\": \"object\", \"properties\": {\"n\": ", 60)) + "{\"type\": \"string\"}" + new string('}', 120);
        GeneratorRun run = GeneratorHarness.Run(schema);
        run.AssertClean();
        Assert.Equal(60 + 5, run.Sources.Count); // the types, the context, the runtime and its validation helpers, the JsonSchemas, the Validation
    }

    [Theory]
    [InlineData("1Bad", null, "Namespace", "'1Bad'", "namespace")]
    [InlineData("My..Api", null, "Namespace", "'My..Api'", "namespace")]
    [InlineData("My.class.Api", null, "Namespace", "'My.class.Api'", "namespace")]
    [InlineData("My.Api", "class", "ContextName", "'class'", "class name")]
    [InlineData("My.Api", "Not-A-Name", "ContextName", "'Not-A-Name'", "class name")]
    [InlineData("My.Api", "Default", "ContextName", "'Default'", "the context declares a member of that name")]
    [InlineData("My.Api", "Converters", "ContextName", "'Converters'", "the context declares a member of that name")]
    [InlineData("My.Api", "_Foo", "ContextName", "'_Foo'", "the context declares a member of that name")]
    [InlineData("My.Api", "context", "ContextName", "'context'", "CS8981")]
    public void InvalidOptionsAreErrorsAtTheFileStart(string ns, string? context, string option, string value, string reason)
    {
        GeneratorRun run = GeneratorHarness.Run("""{"type": "object"}""", "api.schema.json", ns, context);
        Diagnostic diagnostic = Expect(run, "XAOT0007", DiagnosticSeverity.Error, 1, 1, "The " + option + " " + value, "'api.schema.json'", reason);
        Assert.Equal("/schemas/api.schema.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void RootNamespaceIsTheDefaultAndAnEmptyNamespaceIsGlobal()
    {
        GeneratorRun run = GeneratorHarness.Run("""{"title": "thing", "type": "object", "properties": {"a": {"type": "string"}}}""", "my-api.schema.json", ns: null);
        run.AssertClean();
        Assert.Contains("namespace Test.Root;", run.Source("MyApiJsonContext.g.cs"), System.StringComparison.Ordinal);
        Assert.Contains("public sealed partial record Thing", run.Source("MyApiJsonContext.Thing.g.cs"), System.StringComparison.Ordinal);

        run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(new[] { new SchemaFile("/s/x.schema.json", """{"type": "string", "enum": ["a", "b"]}""") }, new()), GeneratorHarness.CreateCompilation());
        run.AssertClean();
        Assert.DoesNotContain("namespace", run.Source("XJsonContext.g.cs"), System.StringComparison.Ordinal);
        Assert.Contains("=> rt.Read(ref reader, global::X.JsonRead);", run.Source("XJsonContext.g.cs"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void NonSchemaRootsAreHandled()
    {
        Expect(GeneratorHarness.Run("[1, 2]"), "XAOT0005", DiagnosticSeverity.Error, 1, 1, "'#'", "an array");
        Expect(GeneratorHarness.Run("  \"text\""), "XAOT0005", DiagnosticSeverity.Error, 1, 3, "the string \"text\"");

        // `true` and `{}` are schemas that describe no type: a context with no types, no diagnostics.
        foreach (string text in new[] { "true", "false", "{}", """{"$defs": {}}""" })
        {
            GeneratorRun run = GeneratorHarness.Run(text);
            Assert.Empty(run.Diagnostics);
            run.AssertCompiles();
        }
    }

    [Fact]
    public void DiagnosticsOfSeveralFilesPointIntoTheirOwnFile()
    {
        GeneratorRun run = GeneratorHarness.Run(
            new SchemaFile("/a/one.schema.json", "{\n  \"type\": \"object\",\n  \"minProperty\": 1\n}", "A"),
            new SchemaFile("/b/two.schema.json", "{\"type\": \"nope\"}", "B"));
        Diagnostic one = Assert.Single(run.Diagnostics, d => d.Id == "XAOT0102");
        Assert.Equal("/a/one.schema.json", one.Location.GetLineSpan().Path);
        Assert.Equal(2, one.Location.GetLineSpan().StartLinePosition.Line);
        Diagnostic two = Assert.Single(run.Diagnostics, d => d.Id == "XAOT0003");
        Assert.Equal("/b/two.schema.json", two.Location.GetLineSpan().Path);
        Assert.Equal(9, two.Location.GetLineSpan().StartLinePosition.Character);
        Assert.Equal("XAOT0003", two.Descriptor.Id);
        Assert.Equal("XaiAot.Schema", two.Descriptor.Category);
    }

    [Fact]
    public void SameFileNameInTwoNamespacesIsFine()
    {
        const string Schema = """{"type": "object", "properties": {"a": {"type": "string"}}}""";
        GeneratorRun run = GeneratorHarness.Run(new SchemaFile("/v1/api.schema.json", Schema, "Api.V1"), new SchemaFile("/v2/api.schema.json", Schema, "Api.V2"));
        Assert.Empty(run.Diagnostics);
        run.AssertCompiles();
        Assert.Contains(run.Sources, s => s.HintName == "Api.V1.ApiJsonContext.g.cs");
        Assert.Contains(run.Sources, s => s.HintName == "Api.V2.ApiJsonContext.g.cs");
    }

    [Fact]
    public void SameContextInTheSameNamespaceIsAnOptionError()
    {
        const string Schema = """{"type": "object", "properties": {"a": {"type": "string"}}}""";
        GeneratorRun run = GeneratorHarness.Run(new SchemaFile("/v1/api.schema.json", Schema, "Api"), new SchemaFile("/v2/api.schema.json", Schema, "Api"));
        run.AssertNoCrash();
        Diagnostic error = Assert.Single(run.Diagnostics);
        Assert.Equal("XAOT0007", error.Id);
        Assert.Contains("'/v1/api.schema.json' generates a context of that name in namespace 'Api'", error.GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Equal("/v2/api.schema.json", error.Location.GetLineSpan().Path);
        Assert.Contains(run.Sources, s => s.HintName == "Api.ApiJsonContext.g.cs");
        run.AssertCompiles();
    }

    [Fact]
    public void OnlySchemaFilesAreRead()
    {
        GeneratorRun run = GeneratorHarness.Run(
            new SchemaFile("/a/data.json", "not json at all"),
            new SchemaFile("/a/notes.txt", "{"),
            new SchemaFile("/a/UPPER.SCHEMA.JSON", """{"type": "object", "properties": {"a": {"type": "integer"}}}""", "U"));
        Assert.Empty(run.Diagnostics);
        Assert.Contains(run.Sources, s => s.HintName == "U.UpperJsonContext.Upper.g.cs");
        run.AssertCompiles();
    }

    [Fact]
    public void EveryDescriptorIsListedInTheReleaseTrackingFile()
    {
        string unshipped = System.IO.File.ReadAllText(System.IO.Path.Combine(GeneratorHarness.SourceDirectory(), "..", "..", "generators", "XaiAot.Generators", "AnalyzerReleases.Unshipped.md"));
        var descriptors = typeof(Diagnostics).GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();
        Assert.True(descriptors.Count >= 18);
        foreach (DiagnosticDescriptor descriptor in descriptors)
        {
            Assert.Contains(descriptor.Id + " | XaiAot.Schema | " + descriptor.DefaultSeverity + " |", unshipped, System.StringComparison.Ordinal);
            Assert.Same(descriptor, Diagnostics.ById(descriptor.Id));
            Assert.Matches("^XAOT[0-9]{4}$", descriptor.Id);
        }

        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Id).Distinct().Count());
    }

    private static Diagnostic Expect(GeneratorRun run, string id, DiagnosticSeverity severity, int line, int column, params string[] messageParts)
    {
        var all = run.Diagnostics.Select(d => GeneratorRun.Format(d)).ToList();
        var matches = run.Diagnostics
            .Where(d => d.Id == id
                && d.Location.GetLineSpan().StartLinePosition.Line + 1 == line
                && d.Location.GetLineSpan().StartLinePosition.Character + 1 == column)
            .ToList();
        Assert.True(matches.Count == 1, "Expected one " + id + " at (" + line + "," + column + "); got:\n" + string.Join("\n", all));
        Diagnostic diagnostic = matches[0];
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Equal(id, diagnostic.Descriptor.Id);
        string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        foreach (string part in messageParts)
        {
            Assert.Contains(part, message, System.StringComparison.Ordinal);
        }

        Assert.EndsWith(".schema.json", diagnostic.Location.GetLineSpan().Path, System.StringComparison.Ordinal);
        Assert.Equal(LocationKind.ExternalFile, diagnostic.Location.Kind);
        return diagnostic;
    }
}
