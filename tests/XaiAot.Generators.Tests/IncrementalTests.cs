using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using XaiAot.Generators.Tests.Support;

namespace XaiAot.Generators.Tests;

/// <summary>
/// The pipeline caches: an unrelated edit re-runs nothing, a moved diagnostic re-emits no source,
/// and only a change to what a schema means reaches the emit step.
/// </summary>
public sealed class IncrementalTests
{
    private static readonly string[] AllSteps = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    private const string Schema = """
        {
          "$defs": {
            "Thing": {
              "type": "object",
              "description": "A thing.",
              "properties": {
                "name": { "type": "string", "maxLenght": 10 },
                "kind": { "enum": ["a", "b"] }
              }
            }
          }
        }
        """;

    [Fact]
    public void StepNamesAreTracked()
    {
        GeneratorRun run = GeneratorHarness.Run(Schema);
        Assert.Equal(9, AllSteps.Length);
        foreach (string step in AllSteps)
        {
            Assert.True(run.Result.TrackedSteps.ContainsKey(step), "step " + step + " is not tracked");
        }
    }

    [Fact]
    public void UnrelatedEditLeavesEveryStepCachedOrUnchanged()
    {
        GeneratorRun first = GeneratorHarness.Run(Schema);
        first.AssertCompiles();
        Compilation edited = first.Input.AddSyntaxTrees(CSharpSyntaxTree.ParseText("internal static class Unrelated { }", GeneratorHarness.ParseOptions));
        GeneratorRun second = GeneratorHarness.Run(first.Driver, edited);

        foreach (string step in AllSteps)
        {
            AssertReasons(second, step, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        }

        foreach (IncrementalGeneratorRunStep output in second.Result.TrackedOutputSteps.SelectMany(s => s.Value))
        {
            Assert.All(output.Outputs, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        }

        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void MovingAWarningRecompilesButDoesNotReEmit()
    {
        GeneratorRun first = GeneratorHarness.Run(Schema);
        Diagnostic before = Assert.Single(first.Diagnostics);
        string moved = Schema.Replace("\"name\": {", "\n\n        \"name\":    {", StringComparison.Ordinal);
        GeneratorRun second = Replace(first, moved);

        AssertReasons(second, TrackingNames.CompiledSchemas, IncrementalStepRunReason.Modified);
        AssertReasons(second, TrackingNames.Diagnostics, IncrementalStepRunReason.Modified);
        AssertReasons(second, TrackingNames.Specs, IncrementalStepRunReason.Unchanged);
        Diagnostic after = Assert.Single(second.Diagnostics);
        Assert.Equal(before.Location.GetLineSpan().StartLinePosition.Line + 2, after.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void ChangingWhatTheSchemaMeansReEmits()
    {
        GeneratorRun first = GeneratorHarness.Run(Schema);
        // Same length, so the warning keeps its offset: only the model changes.
        GeneratorRun second = Replace(first, Schema.Replace("A thing.", "A THING.", StringComparison.Ordinal));
        AssertReasons(second, TrackingNames.Specs, IncrementalStepRunReason.Modified);
        AssertReasons(second, TrackingNames.Diagnostics, IncrementalStepRunReason.Unchanged);
        Assert.Contains("A THING.", second.Source(".Thing.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void EachFileIsItsOwnModel()
    {
        var one = new SchemaFile("/s/one.schema.json", Schema, "One");
        var two = new SchemaFile("/s/two.schema.json", Schema.Replace("Thing", "Other", StringComparison.Ordinal), "Two");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { one, two });
        GeneratorRun first = GeneratorHarness.Run(driver, GeneratorHarness.CreateCompilation());
        first.AssertCompiles();

        // Editing one file leaves the other file's model cached.
        AdditionalText old = first.Driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.SchemaFiles]
            .SelectMany(s => s.Outputs).Select(o => (AdditionalText)o.Value).Single(t => t.Path == two.Path);
        GeneratorDriver edited = first.Driver.ReplaceAdditionalText(old, new InMemoryAdditionalText(two.Path, two.Text.Replace("\"b\"", "\"c\"", StringComparison.Ordinal)));
        GeneratorRun second = GeneratorHarness.Run(edited, first.Input);
        var specs = second.Result.TrackedSteps[TrackingNames.Specs].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(2, specs.Count);
        Assert.Single(specs, r => r == IncrementalStepRunReason.Modified);
        Assert.Single(specs, r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        second.AssertCompiles();
    }

    [Fact]
    public void CompilingTheSameTextTwiceGivesEqualModels()
    {
        foreach (string file in new[] { "discriminated.schema.json", "kindunions.schema.json", "naming.schema.json", "maps.schema.json" })
        {
            SchemaFile schema = GeneratorHarness.Schema(file);
            var input = new SchemaInput(schema.Path, schema.Text, "N", "Ctx");
            Model.CompiledSchema a = SchemaGenerator.Compile(input, default);
            Model.CompiledSchema b = SchemaGenerator.Compile(input with { Text = schema.Text.Replace("\n", "\r\n", StringComparison.Ordinal) }, default);
            Assert.Equal(a.Spec, b.Spec);
            Assert.Equal(a.Spec!.GetHashCode(), b.Spec!.GetHashCode());
            Assert.NotSame(a.Spec, b.Spec);
        }
    }

    // Why suppressed, not fixed: this walks every property type reachable from GenerationSpec, found
    // at run time, so no DynamicallyAccessedMembers annotation can name them; the test project is
    // never trimmed or published (the analyzer is on here only to keep test code honest elsewhere).
    [Fact]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Test-only reflection over the generator's own model types.")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Test-only reflection over the generator's own model types.")]
    public void ModelHoldsNoRoslynSymbolsSyntaxOrParseTrees()
    {
        var forbidden = new[]
        {
            typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(Microsoft.CodeAnalysis.Text.SourceText),
            typeof(Compilation), typeof(SemanticModel), typeof(AdditionalText), typeof(Diagnostic), typeof(DiagnosticDescriptor),
            typeof(XaiAot.Generators.JsonText.JsonTree), typeof(XaiAot.Generators.JsonText.JsonMember), typeof(System.Text.Json.JsonElement), typeof(System.Text.Json.JsonDocument),
            typeof(System.Collections.IDictionary),
        };
        Assembly generator = typeof(SchemaGenerator).Assembly;
        var roots = new List<Type> { typeof(SchemaInput), typeof(Model.ContextKey), typeof(Model.CompiledSchema), typeof(Model.GenerationSpec), typeof(Model.DiagnosticInfo) };
        roots.AddRange(generator.GetTypes().Where(t => typeof(Model.TypeSpec).IsAssignableFrom(t)));

        var seen = new HashSet<Type>();
        var pending = new Queue<Type>(roots);
        while (pending.Count > 0)
        {
            Type type = pending.Dequeue();
            if (!seen.Add(type) || type.IsPrimitive || type.IsEnum || type == typeof(string))
            {
                continue;
            }

            foreach (Type bad in forbidden)
            {
                Assert.False(bad.IsAssignableFrom(type), "The pipeline model reaches " + type + ", which is (or holds) " + bad.Name);
            }

            if (type.IsGenericType)
            {
                foreach (Type argument in type.GetGenericArguments())
                {
                    pending.Enqueue(argument);
                }
            }

            if (type.Assembly != generator)
            {
                continue; // ImmutableArray<T> and the like: their element types were queued above
            }

            bool equatable = type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEquatable<>));
            Assert.True(equatable, type + " is part of the pipeline model but is not IEquatable");
            foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                pending.Enqueue(Nullable.GetUnderlyingType(field.FieldType) ?? field.FieldType);
            }
        }

        Assert.Contains(typeof(Model.TypeRef), seen);
        Assert.Contains(typeof(Model.PropertySpec), seen);
        Assert.Contains(typeof(Model.ObjectSpec), seen);
        Assert.Contains(typeof(Model.DiscriminatedUnionSpec), seen);
    }

    private static GeneratorRun Replace(GeneratorRun previous, string newText)
    {
        AdditionalText old = previous.Result.TrackedSteps[TrackingNames.SchemaFiles].SelectMany(s => s.Outputs).Select(o => (AdditionalText)o.Value).Single();
        GeneratorDriver driver = previous.Driver.ReplaceAdditionalText(old, new InMemoryAdditionalText(old.Path, newText));
        return GeneratorHarness.Run(driver, previous.Input);
    }

    private static void AssertReasons(GeneratorRun run, string step, params IncrementalStepRunReason[] allowed)
    {
        ImmutableArrayOf(run, step).ForEach(reason =>
            Assert.True(allowed.Contains(reason), "Step " + step + " ran as " + reason + "; expected " + string.Join(" or ", allowed)));
    }

    private static List<IncrementalStepRunReason> ImmutableArrayOf(GeneratorRun run, string step)
    {
        List<IncrementalStepRunReason> reasons = run.Result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.NotEmpty(reasons);
        return reasons;
    }
}
