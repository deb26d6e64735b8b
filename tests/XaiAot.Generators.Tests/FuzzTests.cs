using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using XaiAot.Generators.Emit;
using XaiAot.Generators.Model;
using XaiAot.Generators.Tests.Support;

namespace XaiAot.Generators.Tests;

/// <summary>
/// Random (seeded, so reproducible) damage to real schemas: text mutations and truncations, and
/// structural ones that splice keywords, references and odd names into the tree. The generator must
/// never throw, never report an internal error, report positions inside the file, and produce either
/// an error diagnostic or code that compiles with zero warnings.
/// </summary>
public sealed class FuzzTests
{
    /// <summary>Fixed so failures reproduce; <c>XAIAOT_FUZZ_SEED</c> explores other seeds locally.</summary>
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("XAIAOT_FUZZ_SEED"), out int seed) ? seed : 20251124;

    private static readonly int Scale = int.TryParse(Environment.GetEnvironmentVariable("XAIAOT_FUZZ_SCALE"), out int scale) ? scale : 1;

    /// <summary>Structural mutants compiled together: bounded so the test stays a few seconds on 2 cores.</summary>
    private const int MutantCount = 32;

    private static readonly string[] Keywords =
    {
        "type", "properties", "items", "$ref", "enum", "const", "oneOf", "anyOf", "allOf", "required", "additionalProperties",
        "nullable", "discriminator", "format", "x-foo", "pattern", "", "2fa", "class", "$defs", "definitions", "deprecated", "default",
    };

    private static readonly string[] Fragments =
    {
        "{}", "[]", "\"x\"", "0", "-1.5e3", "true", "false", "null", "{\"type\": \"nope\"}", "{\"type\": [\"string\", \"null\"]}",
        "{\"type\": []}", "{\"$ref\": \"#\"}", "{\"$ref\": \"#/$defs/Nope\"}", "{\"$ref\": \"#/properties\"}", "{\"$ref\": \"other.json#/x\"}",
        "{\"$ref\": \"#/%24defs\"}", "{\"enum\": []}", "{\"enum\": [\"a\", \"a\", \" \", \"\", \"A\", \"1\"]}", "{\"enum\": [1, \"1\", null, true]}",
        "{\"const\": {}}", "{\"const\": 1e400}", "{\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"string\"}]}", "{\"anyOf\": [{\"type\": \"null\"}]}",
        "{\"allOf\": [{\"$ref\": \"#\"}]}", "{\"items\": {\"$ref\": \"#\"}}", "{\"additionalProperties\": {\"$ref\": \"#\"}}",
        "{\"type\": \"object\", \"properties\": {\"class\": {}, \"Class\": {}, \"\": {}, \"$ref\": {}, \"Equals\": {}, \"value\": {\"type\": \"integer\"}}}",
        "{\"oneOf\": [{\"type\": \"object\", \"properties\": {\"k\": {\"const\": \"a\"}}}, {\"type\": \"object\", \"properties\": {\"k\": {\"const\": \"a\"}}}]}",
        "{\"oneOf\": [{\"type\": \"object\", \"properties\": {\"k\": {\"const\": \"a\"}}}, {\"type\": \"object\", \"properties\": {\"k\": {\"enum\": [\"b\", \"c\"]}}}, {\"type\": \"string\"}, {\"type\": \"array\"}]}",
        "{\"discriminator\": {\"propertyName\": \"t\", \"mapping\": {\"a\": \"#\"}}, \"oneOf\": [{\"$ref\": \"#\"}, {\"type\": \"object\"}]}",
        "{\"type\": [\"object\", \"array\", \"string\", \"integer\", \"number\", \"boolean\", \"null\"], \"items\": {}, \"properties\": {\"a\": {}}}",
        "{\"required\": [\"x\", \"x\"], \"properties\": {}, \"additionalProperties\": false}", "{\"allOf\": [{\"type\": \"string\"}, {\"$ref\": \"#/$defs\"}]}",
        "{\"type\": \"string\", \"format\": \"date-time\", \"enum\": [\"2020-01-01T00:00:00Z\"]}", "{\"description\": \"line\\u2028break\\r<b>&\\u0001\", \"deprecated\": true, \"type\": \"object\", \"required\": [\"d\"], \"properties\": {\"d\": {\"deprecated\": true}}}",
    };

    [Fact]
    public void TextMutationsNeverBreakTheGenerator()
    {
        var random = new Random(Seed);
        int checkedCount = 0;
        foreach ((string name, string text) in Seeds(includeLarge: true))
        {
            // Every prefix of a small schema, and random samples of a large one: truncation at any point.
            int step = Math.Max(1, text.Length / 150);
            for (int cut = 0; cut < text.Length; cut += step)
            {
                CheckCompile(name, text.Substring(0, cut));
                checkedCount++;
            }

            for (int i = 0; i < 150 * Scale; i++)
            {
                CheckCompile(name, MutateText(random, text));
                checkedCount++;
            }
        }

        Assert.True(checkedCount > 2000);
    }

    [Fact]
    public void StructuralMutationsNeverBreakTheGenerator()
    {
        var random = new Random(Seed + 2);
        List<(string Name, string Text)> seeds = Seeds(includeLarge: true).ToList();
        for (int i = 0; i < 600 * Scale; i++)
        {
            (string name, string text) = seeds[i % seeds.Count];
            CheckCompile(name, MutateTree(random, text, mutations: 1 + random.Next(6)));
        }
    }

    [Fact]
    public void StructuralMutationsGiveAnErrorOrCleanCode()
    {
        var random = new Random(Seed + 1);
        var mutants = new List<SchemaFile>();
        List<(string Name, string Text)> seeds = Seeds(includeLarge: false).Where(s => !s.Name.Contains('-', StringComparison.Ordinal)).ToList();
        for (int i = 0; i < MutantCount * Scale; i++)
        {
            (string name, string text) = seeds[i % seeds.Count];
            string mutant = MutateTree(random, text, mutations: 1 + random.Next(3));
            CheckCompile(name, mutant);
            mutants.Add(new SchemaFile("/fuzz/m" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture) + ".schema.json", mutant, "Fuzz.M" + i, "M" + i + "Context"));
        }

        // One driver run and one compilation for all mutants (each in its own namespace): fast.
        GeneratorRun run = GeneratorHarness.Run(mutants.ToArray());
        run.AssertNoCrash();
        var failedWithError = run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.Location.GetLineSpan().Path).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (Diagnostic diagnostic in run.CompileDiagnostics)
        {
            string file = diagnostic.Location.SourceTree?.FilePath ?? string.Empty;
            SchemaFile? mutant = mutants.FirstOrDefault(m => Path.GetFileName(file).StartsWith(m.Namespace + "." + m.ContextName + ".", StringComparison.Ordinal));
            if (mutant is null || !failedWithError.Contains(mutant.Path))
            {
                problems.Add((mutant?.Path ?? file) + ": " + GeneratorRun.Format(diagnostic) + (mutant is null ? string.Empty : "\n" + mutant.Text));
            }
        }

        Assert.True(problems.Count == 0, "Mutants without an error diagnostic produced code that does not compile cleanly:\n" + string.Join("\n\n", problems.Take(3)));
        Assert.True(run.Sources.Count > MutantCount * 3, "the mutants should still generate plenty of code");
    }

    /// <summary>Compiles one schema text outside Roslyn's driver: no exception, no XAOT9999, positions inside the text.</summary>
    private static void CheckCompile(string name, string text)
    {
        var input = new SchemaInput("/fuzz/" + name, text, "Fuzz", "FuzzContext");
        CompiledSchema compiled;
        try
        {
            compiled = SchemaGenerator.Compile(input, default);
        }
        catch (Exception ex)
        {
            throw new Xunit.Sdk.XunitException("The generator threw " + ex + "\non:\n" + text);
        }

        foreach (DiagnosticInfo diagnostic in compiled.Diagnostics)
        {
            Assert.True(diagnostic.Id != "XAOT9999", "internal error: " + diagnostic + "\non:\n" + text);
            Assert.InRange(diagnostic.Offset, 0, text.Length);
            Assert.InRange(diagnostic.Offset + diagnostic.Length, 0, text.Length + 1);
            Assert.True(diagnostic.Line >= 0 && diagnostic.Column >= 0);
            Diagnostic roslyn = diagnostic.ToDiagnostic();
            Assert.NotNull(roslyn.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (compiled.Spec is not null)
        {
            List<GeneratedFile> files = SourceEmitter.Emit(compiled.Spec);
            Assert.Equal(files.Count, files.Select(f => f.HintName).Distinct(StringComparer.Ordinal).Count());
        }
    }

    private static IEnumerable<(string Name, string Text)> Seeds(bool includeLarge)
    {
        string root = GeneratorHarness.SourceDirectory();
        foreach (string file in Directory.GetFiles(Path.Combine(root, "Schemas"), "*.schema.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            yield return (Path.GetFileName(file), File.ReadAllText(file));
        }

        foreach (string file in new[] { "github-issues-event.schema.json", "jsonfeed.schema.json", "kubernetes-deployment.schema.json" })
        {
            yield return (file, File.ReadAllText(Path.Combine(root, "Foreign", file)));
        }

        if (includeLarge)
        {
            yield return ("shop-openapi.schema.json", File.ReadAllText(Path.Combine(root, "Foreign", "shop-openapi.schema.json")));
            yield return ("xai-chat.schema.json", File.ReadAllText(Path.Combine(root, "..", "..", "schema", "xai-chat.schema.json")));
        }
    }

    private static string MutateText(Random random, string text)
    {
        const string Alphabet = "{}[]\",:0-9.eE+-\\u/ \n\rtfnabx$#\u2028\uD800";
        var builder = new StringBuilder(text);
        int edits = 1 + random.Next(4);
        for (int i = 0; i < edits && builder.Length > 0; i++)
        {
            int at = random.Next(builder.Length);
            switch (random.Next(5))
            {
                case 0:
                    builder.Remove(at, Math.Min(1 + random.Next(8), builder.Length - at));
                    break;
                case 1:
                    builder.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                case 2:
                    builder[at] = Alphabet[random.Next(Alphabet.Length)];
                    break;
                case 3:
                    int from = random.Next(builder.Length);
                    int length = Math.Min(1 + random.Next(40), builder.Length - from);
                    builder.Insert(at, builder.ToString(from, length));
                    break;
                default:
                    builder.Length = at;
                    break;
            }
        }

        return builder.ToString();
    }

    private static string MutateTree(Random random, string text, int mutations)
    {
        JsonNode root = JsonNode.Parse(text)!;
        for (int m = 0; m < mutations; m++)
        {
            var slots = new List<(JsonNode Parent, object Key)>();
            Collect(root, slots);
            if (slots.Count == 0)
            {
                break;
            }

            (JsonNode parent, object key) = slots[random.Next(slots.Count)];
            switch (random.Next(5))
            {
                case 0:
                    Set(parent, key, JsonNode.Parse(Fragments[random.Next(Fragments.Length)]));
                    break;
                case 1:
                    if (parent is JsonObject removeFrom)
                    {
                        removeFrom.Remove((string)key);
                    }
                    else
                    {
                        ((JsonArray)parent).RemoveAt((int)key);
                    }

                    break;
                case 2:
                    if (parent is JsonObject renameIn)
                    {
                        string newName = Keywords[random.Next(Keywords.Length)];
                        JsonNode? value = renameIn[(string)key];
                        renameIn.Remove((string)key);
                        renameIn[newName] = value;
                    }

                    break;
                case 3:
                    (JsonNode from, object fromKey) = slots[random.Next(slots.Count)];
                    Set(parent, key, Get(from, fromKey)?.DeepClone());
                    break;
                default:
                    string[] strings = { "object", "array", "null", "integer", "number", "string", "boolean", "#", "#/$defs", "date-time", "#/$defs/Nope", "" };
                    Set(parent, key, JsonValue.Create(strings[random.Next(strings.Length)]));
                    break;
            }
        }

        return root.ToJsonString();
    }

    private static void Collect(JsonNode node, List<(JsonNode Parent, object Key)> slots)
    {
        if (node is JsonObject obj)
        {
            foreach (KeyValuePair<string, JsonNode?> member in obj.ToList())
            {
                slots.Add((obj, member.Key));
                if (member.Value is not null)
                {
                    Collect(member.Value, slots);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (int i = 0; i < array.Count; i++)
            {
                slots.Add((array, i));
                if (array[i] is { } item)
                {
                    Collect(item, slots);
                }
            }
        }
    }

    private static JsonNode? Get(JsonNode parent, object key) => parent is JsonObject obj ? obj[(string)key] : ((JsonArray)parent)[(int)key];

    private static void Set(JsonNode parent, object key, JsonNode? value)
    {
        if (value?.Parent is not null)
        {
            value = value.DeepClone();
        }

        if (parent is JsonObject obj)
        {
            obj[(string)key] = value;
        }
        else
        {
            ((JsonArray)parent)[(int)key] = value;
        }
    }
}
