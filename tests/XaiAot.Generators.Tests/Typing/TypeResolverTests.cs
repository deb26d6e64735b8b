using System.Collections.Generic;
using System.Linq;
using XaiAot.Generators.Model;
using XaiAot.Generators.Tests.Support;

namespace XaiAot.Generators.Tests.Typing;

/// <summary>
/// Recursive schemas through the work queue: a reference to a named type is its name, so cycles
/// through objects, unions, arrays and maps type the same whichever definition comes first. Each
/// theory compiles its definitions in document order and reversed.
/// </summary>
public sealed class TypeResolverTests
{
    private static readonly (string Name, string Json)[] AllOfInheritsAReferenceToItsChild =
    {
        ("A", """{"type": "object", "properties": {"next": {"$ref": "#/$defs/B"}}}"""),
        ("B", """{"allOf": [{"$ref": "#/$defs/A"}, {"type": "object", "properties": {"label": {"type": "string"}}}]}"""),
    };

    private static readonly (string Name, string Json)[] ArrayOfItself =
    {
        ("Holder", """{"type": "object", "properties": {"tree": {"$ref": "#/$defs/A"}}}"""),
        ("A", """{"type": "array", "items": {"$ref": "#/$defs/A"}}"""),
    };

    private static readonly (string Name, string Json)[] MapOfItself =
    {
        ("Holder", """{"type": "object", "properties": {"tree": {"$ref": "#/$defs/M"}}}"""),
        ("M", """{"type": "object", "additionalProperties": {"$ref": "#/$defs/M"}}"""),
    };

    private static readonly (string Name, string Json)[] AdditionalPropertiesReferToTheOwner =
    {
        ("Folder", """{"type": "object", "properties": {"name": {"type": "string"}}, "additionalProperties": {"$ref": "#/$defs/Folder"}}"""),
        ("Drive", """{"type": "object", "properties": {"root": {"$ref": "#/$defs/Folder"}}}"""),
    };

    private static readonly (string Name, string Json)[] ArraysOfEachOther =
    {
        ("A", """{"type": "array", "items": {"$ref": "#/$defs/B"}}"""),
        ("B", """{"type": "array", "items": {"$ref": "#/$defs/A"}}"""),
    };

    private static readonly (string Name, string Json)[] AliasOfAnArrayOfTheAlias =
    {
        ("Holder", """{"type": "object", "properties": {"x": {"$ref": "#/$defs/A"}}}"""),
        ("A", """{"$ref": "#/$defs/B"}"""),
        ("B", """{"type": "array", "items": {"$ref": "#/$defs/A"}}"""),
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AReferenceInheritedThroughAllOfKeepsItsType(bool reversed)
    {
        GenerationSpec spec = CompileClean(AllOfInheritsAReferenceToItsChild, reversed);

        Assert.Equal("B", PropertyType(spec, "A", "next"));
        Assert.Equal("B", PropertyType(spec, "B", "next"));
        Assert.Equal("String", PropertyType(spec, "B", "label"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnArrayOfItselfIsANamedWrapperHoldingAListOfItself(bool reversed)
    {
        GenerationSpec spec = CompileClean(ArrayOfItself, reversed);

        Assert.Equal(new[] { "Array:List<A>" }, Cases(spec, "A"));
        Assert.Equal("A", PropertyType(spec, "Holder", "tree"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AMapOfItselfIsANamedWrapperHoldingAMapOfItself(bool reversed)
    {
        GenerationSpec spec = CompileClean(MapOfItself, reversed);

        Assert.Equal(new[] { "Object:Map<M>" }, Cases(spec, "M"));
        Assert.Equal("M", PropertyType(spec, "Holder", "tree"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnObjectWhoseAdditionalPropertiesReferToItIsARecordWithTypedExtras(bool reversed)
    {
        GenerationSpec spec = CompileClean(AdditionalPropertiesReferToTheOwner, reversed);

        ObjectSpec folder = spec.Types.OfType<ObjectSpec>().Single(type => type.Name == "Folder");
        Assert.Equal(AdditionalMembers.Typed, folder.Additional);
        Assert.Equal("Folder", Describe(folder.AdditionalType!));
        Assert.Equal("Folder", PropertyType(spec, "Drive", "root"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ArraysOfEachOtherAreBothWrappedWhicheverComesFirst(bool reversed)
    {
        GenerationSpec spec = CompileClean(ArraysOfEachOther, reversed);

        Assert.Equal(new[] { "Array:List<B>" }, Cases(spec, "A"));
        Assert.Equal(new[] { "Array:List<A>" }, Cases(spec, "B"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnAliasOfASelfHoldingArrayStandsForTheArraysWrapper(bool reversed)
    {
        GenerationSpec spec = CompileClean(AliasOfAnArrayOfTheAlias, reversed);

        Assert.Equal(new[] { "Array:List<B>" }, Cases(spec, "B"));
        Assert.Equal("B", PropertyType(spec, "Holder", "x"));
        Assert.DoesNotContain(spec.Types, type => type.Name == "A");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ALoopOfReferencesAloneIsReportedOnce(bool reversed)
    {
        (string, string)[] loop =
        {
            ("Holder", """{"type": "object", "properties": {"x": {"$ref": "#/$defs/A"}}}"""),
            ("A", """{"$ref": "#/$defs/B"}"""),
            ("B", """{"$ref": "#/$defs/A"}"""),
        };

        CompiledSchema compiled = Compile(loop, reversed);

        Assert.Single(compiled.Diagnostics, diagnostic => diagnostic.Id == "XAOT0006");
        Assert.Equal("Any", PropertyType(compiled.Spec!, "Holder", "x"));
    }

    [Fact]
    public void AnAllOfWrapperAroundItselfIsALoopWithoutAType()
    {
        CompiledSchema compiled = Compile(new[] { ("A", """{"allOf": [{"$ref": "#/$defs/A"}]}""") }, reversed: false);

        DiagnosticInfo loop = Assert.Single(compiled.Diagnostics, diagnostic => diagnostic.Id == "XAOT0006");
        Assert.Contains("#/$defs/A/allOf/0/$ref", loop.MessageArgs);
    }

    [Fact]
    public void EveryRecursiveShapeGeneratesCleanCodeInBothOrders()
    {
        (string, string)[] all = Prefixed("P", AllOfInheritsAReferenceToItsChild)
            .Concat(Prefixed("Q", ArrayOfItself)).Concat(Prefixed("R", MapOfItself)).Concat(Prefixed("S", AdditionalPropertiesReferToTheOwner))
            .Concat(Prefixed("T", ArraysOfEachOther)).Concat(Prefixed("U", AliasOfAnArrayOfTheAlias))
            .ToArray();
        foreach (bool reversed in new[] { false, true })
        {
            GeneratorHarness.Run(Text(all, reversed)).AssertClean();
        }
    }

    /// <summary>The definitions renamed with <paramref name="prefix"/>, so several groups share one schema.</summary>
    private static IEnumerable<(string Name, string Json)> Prefixed(string prefix, (string Name, string Json)[] definitions) =>
        definitions.Select(definition => (prefix + definition.Name, definition.Json.Replace("#/$defs/", "#/$defs/" + prefix, System.StringComparison.Ordinal)));

    private static GenerationSpec CompileClean((string Name, string Json)[] definitions, bool reversed)
    {
        CompiledSchema compiled = Compile(definitions, reversed);
        Assert.Empty(compiled.Diagnostics);
        return compiled.Spec!;
    }

    private static CompiledSchema Compile((string Name, string Json)[] definitions, bool reversed) =>
        SchemaGenerator.Compile(new SchemaInput("/recursion.schema.json", Text(definitions, reversed), "Test.Gen", "TestJsonContext"), default);

    private static string Text(IEnumerable<(string Name, string Json)> definitions, bool reversed)
    {
        IEnumerable<(string Name, string Json)> ordered = reversed ? definitions.Reverse() : definitions;
        return "{\"$defs\": {" + string.Join(", ", ordered.Select(definition => "\"" + definition.Name + "\": " + definition.Json)) + "}}";
    }

    private static string PropertyType(GenerationSpec spec, string type, string property) =>
        Describe(spec.Types.OfType<ObjectSpec>().Single(candidate => candidate.Name == type).Properties.Single(candidate => candidate.JsonName == property).Type);

    private static IEnumerable<string> Cases(GenerationSpec spec, string union) =>
        spec.Types.OfType<KindUnionSpec>().Single(candidate => candidate.Name == union).Alternatives.Select(alternative => alternative.Kind + ":" + Describe(alternative.Type));

    /// <summary>A short spelling of a type: <c>B</c>, <c>List&lt;A&gt;</c>, <c>Map&lt;M&gt;</c>, <c>String</c>, <c>Any</c>; <c>?</c> when nullable.</summary>
    private static string Describe(TypeRef type)
    {
        string text = type.Kind switch
        {
            ValueKind.Named => type.Name!,
            ValueKind.Array => "List<" + Describe(type.Element!) + ">",
            ValueKind.Map => "Map<" + Describe(type.Element!) + ">",
            _ => type.Kind.ToString(),
        };
        return type.Nullable ? text + "?" : text;
    }
}
