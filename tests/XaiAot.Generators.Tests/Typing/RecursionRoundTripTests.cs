using System.Collections.Generic;
using System.Text.Json;
using XaiAot.Generators.Tests.Features.Recursion;
using XaiAot.Generators.Tests.Support;

namespace XaiAot.Generators.Tests.Typing;

/// <summary>
/// JSON through the recursive types compiled into this assembly from Schemas/recursion.schema.json:
/// a reference inherited through <c>allOf</c>, an array of itself, a map of itself and an object
/// whose additional members are of its own type.
/// </summary>
public sealed class RecursionRoundTripTests
{
    [Fact]
    public void AReferenceInheritedThroughAllOfReadsTheWholeChain()
    {
        Document document = Json.RoundTrip("""{"chain": {"label": "a", "next": {"label": "b", "next": {"label": "c"}}}}""", RecursionJsonContext.Default.Document);

        LabelledNode? next = document.Chain!.Next;
        Assert.Equal("b", next!.Label);
        Assert.Equal("c", next.Next!.Label);
        Assert.Null(next.Next.Next);
    }

    [Fact]
    public void AnArrayOfItselfKeepsEveryLevel()
    {
        Document document = Json.RoundTrip("""{"nested": [[], [[]], [[[], [[]]]]]}""", RecursionJsonContext.Default.Document);

        IReadOnlyList<Nested> levels = document.Nested!.Value.AsArray;
        Assert.Equal(3, levels.Count);
        Assert.Empty(levels[0].AsArray);
        Assert.Equal(2, levels[2].AsArray[0].AsArray.Count);
        Assert.Equal("[[]]", JsonSerializer.Serialize(new Nested(new List<Nested> { new Nested(new List<Nested>()) }), RecursionJsonContext.Default.Nested));
    }

    [Fact]
    public void AMapOfItselfKeepsEveryLevel()
    {
        Document document = Json.RoundTrip("""{"tree": {"a": {"b": {}, "c": {"d": {}}}, "e": {}}}""", RecursionJsonContext.Default.Document);

        IReadOnlyDictionary<string, Tree> root = document.Tree!.Value.AsObject;
        Assert.Equal(new[] { "a", "e" }, root.Keys);
        Assert.True(root["a"].AsObject["c"].AsObject.ContainsKey("d"));
    }

    [Fact]
    public void AnObjectWhoseExtraMembersAreOfItsOwnTypeReadsThemTyped()
    {
        Document document = Json.RoundTrip("""{"folder": {"name": "root", "docs": {"name": "docs", "old": {}}, "tmp": {"name": "tmp"}}}""", RecursionJsonContext.Default.Document);

        Folder root = document.Folder!;
        Assert.Equal("root", root.Name);
        Assert.Equal("docs", root.AdditionalProperties!["docs"].Name);
        Assert.Null(root.AdditionalProperties["docs"].AdditionalProperties!["old"].Name);
        Assert.Equal("tmp", root.AdditionalProperties["tmp"].Name);
    }
}
