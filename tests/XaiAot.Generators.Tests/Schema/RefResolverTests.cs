using XaiAot.Generators.JsonText;
using XaiAot.Generators.Schema;

namespace XaiAot.Generators.Tests.Schema;

public sealed class RefResolverTests
{
    private const string Document = """
        {
          "$id": "https://example.test/pets.schema.json",
          "$defs": {
            "Pet Name": {"type": "string"},
            "Alias": {"$ref": "#/$defs/Pet%20Name"},
            "Loop": {"$ref": "#/$defs/Loop2"},
            "Loop2": {"$ref": "#/$defs/Loop"}
          }
        }
        """;

    [Fact]
    public void APercentEncodedFragmentFindsItsDefinitionAndKeepsTheDecodedPointer()
    {
        RefResolver refs = Resolver(out JsonTree root);

        SchemaLocation? target = refs.Follow("#/$defs/Pet%20Name");

        Assert.Same(root.Get("$defs")!.Get("Pet Name"), target!.Value.Tree);
        Assert.Equal("/$defs/Pet Name", target.Value.Pointer);
    }

    [Fact]
    public void TheDocumentsOwnIdIsLocalButAnotherDocumentIsNotFollowed()
    {
        RefResolver refs = Resolver(out _);

        Assert.NotNull(refs.Follow("https://example.test/pets.schema.json#/$defs/Alias"));
        Assert.Null(refs.Follow("https://example.test/other.schema.json#/$defs/Alias"));
        Assert.Null(refs.Follow("#/$defs/Missing"));
    }

    [Fact]
    public void DereferenceFollowsAChainToTheSchemaThatDoesTheWork()
    {
        RefResolver refs = Resolver(out JsonTree root);

        SchemaLocation? target = refs.Dereference(root.Get("$defs")!.Get("Alias")!, "/$defs/Alias");

        Assert.Equal("/$defs/Pet Name", target!.Value.Pointer);
        Assert.Equal("string", target.Value.Tree.Get("type")!.Text);
    }

    [Fact]
    public void DereferenceGivesUpOnALoopOfReferences()
    {
        RefResolver refs = Resolver(out JsonTree root);

        Assert.Null(refs.Dereference(root.Get("$defs")!.Get("Loop")!, "/$defs/Loop"));
    }

    private static RefResolver Resolver(out JsonTree root)
    {
        root = JsonTreeReader.Parse(Document);
        return new RefResolver(root, root.Get("$id")!.Text);
    }
}
