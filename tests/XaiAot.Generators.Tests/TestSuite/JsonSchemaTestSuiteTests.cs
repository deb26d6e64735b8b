using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using XaiAot.Generators.Naming;
using XaiAot.Generators.Tests.Support;
using Xunit.Abstractions;

namespace XaiAot.Generators.Tests.TestSuite;

/// <summary>
/// The official JSON Schema Test Suite (draft 2020-12, <c>../shared/json-schema-test-suite</c>): every
/// case's schema goes through the generator (all of them in ONE compilation, a namespace per case),
/// then each instance is read with the generated type (a read error means "invalid") and checked
/// with Validate() (no violation means "valid"); where the root schema is no generated type (a
/// constrained number, <c>true</c>), the context's Validators check the JSON value. The verdict must
/// equal the suite's <c>valid</c>, except for the files and tests listed below with their reason; a
/// listed test that starts to agree fails this test too, so the list stays honest.
/// </summary>
public sealed class JsonSchemaTestSuiteTests
{
    /// <summary>Files not run, and why.</summary>
    internal static readonly Dictionary<string, string> LeftOutFiles = new(StringComparer.Ordinal)
    {
        ["dynamicRef.json"] = "$dynamicRef/$dynamicAnchor are not supported (XAOT0101): dynamic scope needs an interpreter, not compiled checks",
        ["unevaluatedItems.json"] = "unevaluatedItems is not supported (XAOT0101): it needs annotation results of every applicator",
        ["unevaluatedProperties.json"] = "unevaluatedProperties is not supported (XAOT0101): it needs annotation results of every applicator",
        ["refRemote.json"] = "remote $refs are not followed (XAOT0106): the generator compiles one file",
        ["vocabulary.json"] = "custom meta-schemas ($vocabulary) are not read: the generator always applies 2020-12",
        ["anchor.json"] = "$anchor (and $ref by anchor or by embedded $id) is not supported (XAOT0101)",
        ["defs.json"] = "validates schemas against the 2020-12 meta-schema, a remote document",
    };

    private const string ObjectOnly = "typed model: a schema with object keywords and no 'type' becomes a record, which reads only JSON objects; another kind is a read error (use a Validators entry over JsonElement for such schemas)";
    private const string AllOfScalars = "typed model: an allOf whose parts name no type (only constraints, or empty or boolean schemas) becomes a record, so a non-object is a read error";
    private const string Unevaluated = "unevaluatedProperties is not supported (XAOT0101)";
    private const string IdBase = "$ref resolved against an embedded $id base URI, an $anchor or a URN is not supported (XAOT0002/XAOT0106)";
    private const string Remote = "a remote $ref (the meta-schema) is not followed (XAOT0106)";
    private const string RootRecord = "typed model: '$ref: #' from a property is the root record, which reads only objects; a non-object value there is a read error";
    private const string RootNull = "runner: JSON null at the root reads as C# null, on which no Validate() can be called; the runner counts it invalid";

    /// <summary>Tests ("file / case / test") whose verdict differs from the suite's, and why.</summary>
    internal static readonly Dictionary<string, string> LeftOutTests = new(StringComparer.Ordinal)
    {
        ["additionalProperties.json / additionalProperties being false does not allow other properties / ignores arrays"] = ObjectOnly,
        ["additionalProperties.json / additionalProperties being false does not allow other properties / ignores strings"] = ObjectOnly,
        ["additionalProperties.json / additionalProperties being false does not allow other properties / ignores other non-objects"] = ObjectOnly,
        ["allOf.json / allOf simple types / valid"] = AllOfScalars,
        ["allOf.json / allOf with boolean schemas, all true / any value is valid"] = AllOfScalars,
        ["allOf.json / allOf with two empty schemas / any data is valid"] = AllOfScalars,
        ["if-then-else.json / non-interference across combined schemas / valid, but would have been invalid through then"] = AllOfScalars,
        ["if-then-else.json / non-interference across combined schemas / valid, but would have been invalid through else"] = AllOfScalars,
        ["not.json / collect annotations inside a 'not', even if collection is disabled / unevaluated property"] = Unevaluated,
        ["properties.json / object properties validation / ignores arrays"] = ObjectOnly,
        ["properties.json / object properties validation / ignores other non-objects"] = ObjectOnly,
        ["properties.json / properties whose names are Javascript object property names / ignores arrays"] = ObjectOnly,
        ["properties.json / properties whose names are Javascript object property names / ignores other non-objects"] = ObjectOnly,
        ["ref.json / root pointer ref / match"] = RootRecord,
        ["ref.json / root pointer ref / recursive match"] = RootRecord,
        ["ref.json / remote ref, containing refs itself / remote ref invalid"] = Remote,
        ["ref.json / Recursive references between schemas / invalid tree"] = IdBase,
        ["ref.json / ref creates new scope when adjacent to keywords / referenced subschema doesn't see annotations from properties"] = Unevaluated,
        ["ref.json / refs with relative uris and defs / invalid on inner field"] = IdBase,
        ["ref.json / refs with relative uris and defs / invalid on outer field"] = IdBase,
        ["ref.json / refs with relative uris and defs / valid on both fields"] = IdBase,
        ["ref.json / relative refs with absolute uris and defs / invalid on inner field"] = IdBase,
        ["ref.json / relative refs with absolute uris and defs / invalid on outer field"] = IdBase,
        ["ref.json / relative refs with absolute uris and defs / valid on both fields"] = IdBase,
        ["ref.json / $id must be resolved against nearest parent, not just immediate parent / non-number is invalid"] = IdBase,
        ["ref.json / order of evaluation: $id and $ref / data is invalid against first definition"] = IdBase,
        ["ref.json / order of evaluation: $id and $anchor and $ref / data is valid against first definition"] = IdBase,
        ["ref.json / order of evaluation: $id and $anchor and $ref / data is invalid against first definition"] = IdBase,
        ["ref.json / order of evaluation: $id and $ref on nested schema / data is invalid against nested sibling"] = IdBase,
        ["ref.json / simple URN base URI with $ref via the URN / valid under the URN IDed schema"] = IdBase,
        ["ref.json / URN base URI with URN and anchor ref / a string is valid"] = IdBase,
        ["ref.json / URN base URI with URN and anchor ref / a non-string is invalid"] = IdBase,
        ["ref.json / URN ref with nested pointer ref / a string is valid"] = IdBase,
        ["ref.json / URN ref with nested pointer ref / a non-string is invalid"] = IdBase,
        ["ref.json / ref to if / a non-integer is invalid due to the $ref"] = IdBase,
        ["ref.json / ref to then / a non-integer is invalid due to the $ref"] = IdBase,
        ["ref.json / ref to else / a non-integer is invalid due to the $ref"] = IdBase,
        ["ref.json / ref with absolute-path-reference / an integer is invalid"] = IdBase,
        ["required.json / required validation / ignores arrays"] = ObjectOnly,
        ["required.json / required validation / ignores strings"] = ObjectOnly,
        ["required.json / required validation / ignores other non-objects"] = ObjectOnly,
        ["required.json / required validation / ignores null"] = ObjectOnly,
        ["required.json / required validation / ignores boolean"] = ObjectOnly,
        ["type.json / type: array, object or null / null is valid"] = RootNull,
    };

    private readonly ITestOutputHelper _output;

    public JsonSchemaTestSuiteTests(ITestOutputHelper output) => _output = output;

    private static string SuiteDirectory() =>
        Path.GetFullPath(Path.Combine(GeneratorHarness.SourceDirectory(), "..", "..", "..", "shared", "json-schema-test-suite", "tests", "draft2020-12"));

    [Fact]
    public void GeneratedValidationAgreesWithTheOfficialTestSuite()
    {
        string directory = SuiteDirectory();
        Assert.True(Directory.Exists(directory), "JSON Schema Test Suite not found at " + directory);
        var results = Run(directory, Directory.GetFiles(directory, "*.json").Where(p => !LeftOutFiles.ContainsKey(Path.GetFileName(p))), formats: false);
        _output.WriteLine(Table(results));
        foreach (KeyValuePair<string, string> file in LeftOutFiles)
        {
            _output.WriteLine("left out: " + file.Key + ": " + file.Value);
        }

        var unexpected = results.Where(r => r.Problem is not null && !LeftOutTests.ContainsKey(r.Case.Key(r.Test))).ToList();
        var nowPassing = results.Where(r => r.Problem is null && LeftOutTests.ContainsKey(r.Case.Key(r.Test))).ToList();
        foreach (var failure in unexpected)
        {
            _output.WriteLine("FAIL " + failure.Case.Key(failure.Test) + ": " + failure.Problem);
        }

        foreach (var passing in nowPassing)
        {
            _output.WriteLine("NOW PASSES (remove from LeftOutTests): " + passing.Case.Key(passing.Test));
        }

        Assert.True(unexpected.Count == 0 && nowPassing.Count == 0, unexpected.Count + " unexpected failures, " + nowPassing.Count + " left-out tests now pass (see the output)");
    }

    /// <summary>
    /// The suite's optional files (bignum, ECMA-262 regexes, float overflow, and the format assertions
    /// with ValidateFormats="true"): a report of how far the generated checks go, printed, not asserted
    /// (these are optional in the standard), except that every case must compile and none may throw.
    /// </summary>
    [Fact]
    public void OptionalFilesAreReported()
    {
        string optional = Path.Combine(SuiteDirectory(), "optional");
        var files = Directory.GetFiles(optional, "*.json")
            .Where(p => Path.GetFileName(p) is "bignum.json" or "ecmascript-regex.json" or "float-overflow.json" or "non-bmp-regex.json")
            .Concat(Directory.GetFiles(Path.Combine(optional, "format"), "*.json"));
        var results = Run(optional, files, formats: true);
        _output.WriteLine(Table(results));
        Assert.DoesNotContain(results, r => r.Problem is not null && (r.Problem.StartsWith("threw", StringComparison.Ordinal) || r.Problem.StartsWith("not compiled: CS", StringComparison.Ordinal)));
    }

    private static List<(SuiteCase Case, SuiteTest Test, string? Problem)> Run(string directory, IEnumerable<string> paths, bool formats)
    {
        var cases = new List<SuiteCase>();
        foreach (string path in paths.Order(StringComparer.Ordinal))
        {
            string file = Path.GetRelativePath(directory, path).Replace('\\', '/');
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
            int index = 0;
            foreach (JsonElement group in document.RootElement.EnumerateArray())
            {
                cases.Add(new SuiteCase(
                    file,
                    index,
                    group.GetProperty("description").GetString()!,
                    group.GetProperty("schema").GetRawText(),
                    group.GetProperty("tests").EnumerateArray()
                        .Select(t => new SuiteTest(t.GetProperty("description").GetString()!, t.GetProperty("data").GetRawText(), t.GetProperty("valid").GetBoolean()))
                        .ToList())
                { Formats = formats });
                index++;
            }
        }

        Assembly assembly = Compile(cases, out Dictionary<string, string> notCompiled);
        var results = new List<(SuiteCase Case, SuiteTest Test, string? Problem)>();
        foreach (SuiteCase suiteCase in cases)
        {
            foreach (SuiteTest test in suiteCase.Tests)
            {
                string? problem = notCompiled.TryGetValue(suiteCase.Namespace, out string? why)
                    ? "not compiled: " + why
                    : Check(assembly, suiteCase, test);
                results.Add((suiteCase, test, problem));
            }
        }

        return results;
    }

    private static string Table(List<(SuiteCase Case, SuiteTest Test, string? Problem)> results)
    {
        var table = new StringBuilder();
        table.AppendLine("| file | passed | total |").AppendLine("|---|---:|---:|");
        foreach (var file in results.GroupBy(r => r.Case.File))
        {
            table.AppendLine("| " + file.Key + " | " + file.Count(r => r.Problem is null) + " | " + file.Count() + " |");
        }

        table.AppendLine("| **all** | " + results.Count(r => r.Problem is null) + " | " + results.Count + " |");
        return table.ToString();
    }

    /// <summary>One compilation for every case; cases whose output does not compile are dropped (with the reason) and the rest compiled again.</summary>
    // Why suppressed, not fixed: the assembly is emitted by Roslyn in memory during the test, so nothing
    // in it exists at build time for the trimmer to keep or an annotation to name; the test project is
    // never trimmed or published.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Test-only: loads an assembly compiled by the test.")]
    private static Assembly Compile(List<SuiteCase> cases, out Dictionary<string, string> notCompiled)
    {
        notCompiled = new Dictionary<string, string>(StringComparer.Ordinal);
        var included = cases.ToList();
        for (int attempt = 0; attempt < 4; attempt++)
        {
            GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(included.Select(c => c.File_)), GeneratorHarness.CreateCompilation());
            run.AssertNoCrash();
            foreach (Diagnostic error in run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                string? ns = included.FirstOrDefault(c => c.File_.Path == error.Location.GetLineSpan().Path)?.Namespace;
                if (ns is not null)
                {
                    notCompiled.TryAdd(ns, error.Id + " " + error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            using var stream = new MemoryStream();
            Microsoft.CodeAnalysis.Emit.EmitResult result = run.Output.Emit(stream);
            var broken = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (result.Success)
            {
                var context = new AssemblyLoadContext("suite", isCollectible: true);
                stream.Position = 0;
                return context.LoadFromStream(stream);
            }

            foreach (Diagnostic error in broken)
            {
                string text = error.Location.SourceTree?.FilePath ?? string.Empty;
                SuiteCase? culprit = included.FirstOrDefault(c => text.Contains(c.Namespace + ".", StringComparison.Ordinal));
                if (culprit is null)
                {
                    throw new InvalidOperationException("The suite's compilation failed outside any case: " + GeneratorRun.Format(error));
                }

                notCompiled.TryAdd(culprit.Namespace, GeneratorRun.Format(error));
            }

            Dictionary<string, string> dropped = notCompiled;
            included = included.Where(c => !dropped.ContainsKey(c.Namespace)).ToList();
        }

        throw new InvalidOperationException("The suite's compilation still fails after dropping the cases that broke it.");
    }

    // Why suppressed, not fixed: the context and types looked up here are in that in-memory assembly,
    // known only by name at run time (one namespace per suite case), so no annotation can describe them.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Test-only reflection over an assembly compiled by the test.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Test-only reflection over an assembly compiled by the test.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Test-only reflection over an assembly compiled by the test.")]
    private static string? Check(Assembly assembly, SuiteCase suiteCase, SuiteTest test)
    {
        Type? context = assembly.GetType(suiteCase.Namespace + ".CaseContext");
        if (context is null)
        {
            return "no context generated";
        }

        using JsonDocument document = JsonDocument.Parse(test.Data);
        bool valid;
        MethodInfo? validator = context.GetNestedType("Validators")?.GetMethod(suiteCase.RootName, BindingFlags.Public | BindingFlags.Static);
        try
        {
            if (validator is not null)
            {
                valid = ((ICollection)validator.Invoke(null, new object[] { document.RootElement })!).Count == 0;
            }
            else
            {
                object contextInstance = context.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
                PropertyInfo? info = context.GetProperty(suiteCase.RootName, BindingFlags.Public | BindingFlags.Instance);
                if (info is null)
                {
                    // The root says nothing about values (only annotations such as contentMediaType): all are valid.
                    return test.Valid ? null : "no validator and no type named " + suiteCase.RootName;
                }

                var typeInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo)info.GetValue(contextInstance)!;
                object? value;
                try
                {
                    value = JsonSerializer.Deserialize(test.Data, typeInfo);
                }
                catch (JsonException)
                {
                    value = null;
                }

                // A read error, or JSON null (which is C# null, not a value of the record), is "invalid".
                valid = value is not null
                    && ((ICollection)value.GetType().GetMethod("Validate", Type.EmptyTypes)!.Invoke(value, null)!).Count == 0;
            }
        }
        catch (TargetInvocationException ex)
        {
            return "threw " + ex.InnerException!.GetType().Name + ": " + ex.InnerException.Message;
        }

        return valid == test.Valid ? null : (valid ? "accepted an invalid instance" : "rejected a valid instance") + " " + Excerpt(test.Data);
    }

    private static string Excerpt(string json) => json.Length <= 60 ? json : json.Substring(0, 57) + "...";

    private sealed record SuiteTest(string Description, string Data, bool Valid);

    private sealed record SuiteCase(string File, int Index, string Description, string Schema, List<SuiteTest> Tests)
    {
        public bool Formats { get; init; }

        public string Namespace => "Suite." + TypeNames.FromSchemaName(File.Replace(".json", string.Empty, StringComparison.Ordinal).Replace('/', '_')) + ".C" + Index;

        public SchemaFile File_ => new(
            "/suite/" + Namespace + "/case.schema.json",
            Schema,
            Namespace,
            "CaseContext",
            Formats ? new Dictionary<string, string> { ["ValidateFormats"] = "true" } : null);

        /// <summary>The root's name: its title, else the file stem ("case").</summary>
        public string RootName
        {
            get
            {
                using JsonDocument document = JsonDocument.Parse(Schema);
                return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("title", out JsonElement title) && title.ValueKind == JsonValueKind.String
                    ? TypeNames.FromSchemaName(title.GetString()!)
                    : "Case";
            }
        }

        public string Key(SuiteTest test) => File + " / " + Description + " / " + test.Description;
    }
}
