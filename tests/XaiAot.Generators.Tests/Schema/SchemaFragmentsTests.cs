using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Microsoft.CodeAnalysis;
using XaiAot.Generators.Model;
using XaiAot.Generators.Tests.Features.Structured;
using XaiAot.Generators.Tests.Support;

namespace XaiAot.Generators.Tests.Schema;

/// <summary>
/// <c>{Context}.JsonSchemas</c> and <c>StrictJsonSchemas</c>: each type's own schema, self-contained,
/// as the generated code joins it at run time (Schemas/structured.schema.json, compiled into this
/// assembly), and the fragments and diagnostics the generator computes for other document styles.
/// </summary>
public sealed class SchemaFragmentsTests
{
    [Fact]
    public void A_type_s_schema_is_its_definition_with_what_it_refers_to_under_defs()
    {
        using JsonDocument bundled = JsonDocument.Parse(StructuredJsonContext.JsonSchemas.Answer.ToArray());
        JsonElement root = bundled.RootElement;

        Assert.Equal("A model's answer, in steps.", root.GetProperty("description").GetString());
        Assert.Equal(["Step", "Verdict"], root.GetProperty("$defs").EnumerateObject().Select(p => p.Name).Order());

        // Score is no type (a number alias): it is inlined, so nothing refers to it.
        Assert.Equal("number", root.GetProperty("properties").GetProperty("confidence").GetProperty("type").GetString());
        AssertEveryRefResolves(root);
    }

    [Fact]
    public void A_recursive_type_finds_itself_under_defs()
    {
        using JsonDocument bundled = JsonDocument.Parse(StructuredJsonContext.JsonSchemas.Step.ToArray());

        Assert.Equal("#/$defs/Step", bundled.RootElement.GetProperty("properties").GetProperty("children").GetProperty("items").GetProperty("$ref").GetString());
        Assert.True(bundled.RootElement.GetProperty("$defs").TryGetProperty("Step", out _));
        AssertEveryRefResolves(bundled.RootElement);
    }

    [Fact]
    public void The_schema_is_built_once_and_kept()
    {
        ReadOnlySpan<byte> first = StructuredJsonContext.JsonSchemas.Answer;
        ReadOnlySpan<byte> second = StructuredJsonContext.JsonSchemas.Answer;

        Assert.True(first.Overlaps(second));
    }

    [Fact]
    public void The_strict_form_closes_every_object_requires_every_property_and_makes_the_optional_ones_nullable()
    {
        using JsonDocument strict = JsonDocument.Parse(StructuredJsonContext.StrictJsonSchemas.Answer.ToArray());
        JsonElement root = strict.RootElement;

        foreach (JsonElement objectSchema in new[] { root, root.GetProperty("$defs").GetProperty("Step") })
        {
            Assert.False(objectSchema.GetProperty("additionalProperties").GetBoolean());
            Assert.Equal(
                objectSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(),
                objectSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).Order());
        }

        JsonElement properties = root.GetProperty("properties");
        Assert.Equal("string", properties.GetProperty("summary").GetProperty("type").GetString());
        Assert.Equal(["number", "null"], properties.GetProperty("confidence").GetProperty("type").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["string", "null"], properties.GetProperty("note").GetProperty("type").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("null", properties.GetProperty("verdict").GetProperty("anyOf")[1].GetProperty("type").GetString());
        AssertEveryRefResolves(root);
    }

    [Fact]
    public void A_map_has_no_strict_form_nor_has_what_refers_to_it_and_where_asked_for_a_warning_says_why_where()
    {
        GeneratorRun quiet = GeneratorHarness.Run(SchemaFile("structured.schema.json"));
        GeneratorRun asked = GeneratorHarness.Run(SchemaFile("structured.schema.json") with
        {
            Metadata = new Dictionary<string, string> { ["StrictJsonSchemas"] = "Answer;Bag;Holder;Verdict;Nope" },
        });

        Assert.DoesNotContain(quiet.Diagnostics, d => d.Id == "XAOT0110");
        string[] messages = asked.Diagnostics.Where(d => d.Id == "XAOT0110").Select(d => d.GetMessage()).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(4, messages.Length);
        Assert.Contains("'Bag'", messages[0], StringComparison.Ordinal);
        Assert.Contains("a map", messages[0], StringComparison.Ordinal);
        Assert.Contains("#/$defs/Bag/properties/counts/additionalProperties", messages[0], StringComparison.Ordinal);
        Assert.Contains("'Holder'", messages[1], StringComparison.Ordinal);
        Assert.Contains("refers to 'Bag'", messages[1], StringComparison.Ordinal);
        Assert.Contains("'Nope'", messages[2], StringComparison.Ordinal);
        Assert.Contains("'Verdict'", messages[3], StringComparison.Ordinal);
        Assert.Contains("must be an object", messages[3], StringComparison.Ordinal);
        Diagnostic bag = asked.Diagnostics.Single(d => d.GetMessage().StartsWith("Type 'Bag'", StringComparison.Ordinal));
        Assert.Equal(DiagnosticSeverity.Warning, bag.Severity);
        Assert.Equal(29, bag.Location.GetLineSpan().StartLinePosition.Line + 1);

        string source = quiet.Source("JsonSchemas.g.cs");
        Assert.Single(source.Split(" Bag => ").Skip(1));
        Assert.Single(source.Split(" Answer => ").Skip(2));
    }

    [Fact]
    public void OpenApi_components_are_rewritten_to_defs_and_nullable_becomes_a_null_type_in_the_strict_form()
    {
        const string document = """
            {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},
             "components": {"schemas": {
               "Pet": {"type": "object", "required": ["name"], "properties": {
                 "name": {"type": "string", "example": "Rex"},
                 "owner": {"$ref": "#/components/schemas/Owner"},
                 "nick": {"type": "string", "nullable": true}},
                 "discriminator": {"propertyName": "name"}, "x-internal": true},
               "Owner": {"type": "object", "properties": {"id": {"type": "integer"}}}}}}
            """;

        TypeSchemaSpec pet = Compile(document).Single(s => s.TypeName == "Pet");

        using JsonDocument json = JsonDocument.Parse(pet.Json);
        Assert.Equal("#/$defs/Owner", json.RootElement.GetProperty("properties").GetProperty("owner").GetProperty("$ref").GetString());
        Assert.True(json.RootElement.TryGetProperty("discriminator", out _));

        using JsonDocument strict = JsonDocument.Parse(pet.StrictJson!);
        Assert.False(strict.RootElement.TryGetProperty("discriminator", out _));
        Assert.False(strict.RootElement.TryGetProperty("x-internal", out _));
        Assert.False(strict.RootElement.GetProperty("properties").GetProperty("name").TryGetProperty("example", out _));
        Assert.Equal(["string", "null"], strict.RootElement.GetProperty("properties").GetProperty("nick").GetProperty("type").EnumerateArray().Select(e => e.GetString()));
        Assert.True(pet.StrictRoot);
    }

    [Fact]
    public void A_ref_beside_other_keywords_to_a_place_that_is_no_type_keeps_both()
    {
        const string document = """
            {"$defs": {"Id": {"type": "string", "minLength": 1},
                       "Item": {"type": "object", "properties": {"id": {"$ref": "#/$defs/Id", "description": "The id."}}}}}
            """;

        TypeSchemaSpec item = Compile(document).Single(s => s.TypeName == "Item");

        using JsonDocument json = JsonDocument.Parse(item.Json);
        JsonElement id = json.RootElement.GetProperty("properties").GetProperty("id");
        Assert.Equal("The id.", id.GetProperty("description").GetString());
        Assert.Equal(1, id.GetProperty("allOf")[0].GetProperty("minLength").GetInt32());
        Assert.False(id.TryGetProperty("$ref", out _));
    }

    [Fact]
    public void JsonSchemas_false_leaves_them_out()
    {
        GeneratorRun run = GeneratorHarness.Run(SchemaFile("structured.schema.json"));
        GeneratorRun off = GeneratorHarness.Run(SchemaFile("structured.schema.json") with { Metadata = new Dictionary<string, string> { ["JsonSchemas"] = "false" } });

        Assert.Contains(run.Sources, s => s.HintName.EndsWith("JsonSchemas.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(off.Sources, s => s.HintName.EndsWith("JsonSchemas.g.cs", StringComparison.Ordinal));
        off.AssertCompiles();
    }

    private static SchemaFile SchemaFile(string name) => GeneratorHarness.Schema(name, "Test.Structured");

    private static EquatableArray<TypeSchemaSpec> Compile(string text)
    {
        CompiledSchema compiled = SchemaGenerator.Compile(new SchemaInput("/t/test.schema.json", text, "Test.Gen", "TestJsonContext"), CancellationToken.None);
        Assert.NotNull(compiled.Spec);
        return compiled.Spec.Schemas;
    }

    /// <summary>Every $ref in the bundle is local and names a member of its $defs.</summary>
    private static void AssertEveryRefResolves(JsonElement root)
    {
        var names = root.TryGetProperty("$defs", out JsonElement defs) ? defs.EnumerateObject().Select(p => p.Name).ToHashSet() : [];
        Visit(root);

        void Visit(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    if (property.Name == "$ref")
                    {
                        string reference = property.Value.GetString()!;
                        Assert.StartsWith("#/$defs/", reference, StringComparison.Ordinal);
                        Assert.Contains(reference["#/$defs/".Length..], names);
                    }

                    Visit(property.Value);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement item in element.EnumerateArray())
                {
                    Visit(item);
                }
            }
        }
    }
}
