using XaiAot.Generators.Naming;

namespace XaiAot.Generators.Tests.Naming;

/// <summary>The names types ask for, before collisions are resolved.</summary>
public sealed class TypeNamesTests
{
    [Theory]
    [InlineData("", "Root")]
    [InlineData("/$defs/chat_message", "ChatMessage")]
    [InlineData("/$defs/Foo/properties/bar", "FooBar")]
    [InlineData("/definitions/Foo/items", "FooItem")]
    [InlineData("/$defs/Foo/additionalProperties", "FooValue")]
    [InlineData("/$defs/Foo/oneOf/2/properties/x", "FooX")]
    [InlineData("/components/schemas/Pet", "Pet")]
    [InlineData("/$defs/a~1b", "AB")]
    [InlineData("/$defs/class", "Class")]
    public void APointerNamesItsNamedSegmentsAndSkipsTheKeywordsBetween(string pointer, string expected)
    {
        Assert.Equal(expected, TypeNames.FromPointer(pointer));
    }

    [Theory]
    [InlineData("chat_message", "ChatMessage")]
    [InlineData("class", "Class")]
    [InlineData("", "Type")]
    [InlineData("2d", "_2d")]
    public void ASchemaNameBecomesATypeNameWithoutTheKeywordEscape(string raw, string expected)
    {
        // A type name is also a file name and part of other names ("ClassItem"), so "@" is dropped:
        // "Class" is not a keyword anyway once capitalised.
        Assert.Equal(expected, TypeNames.FromSchemaName(raw));
    }

    [Theory]
    [InlineData("xai-chat.schema.json", "xai-chat")]
    [InlineData("pets.json", "pets")]
    [InlineData("API.SCHEMA.JSON", "API")]
    [InlineData("plain", "plain")]
    public void TheFileStemDropsTheSchemaSuffixes(string fileName, string expected)
    {
        Assert.Equal(expected, TypeNames.FileStem(fileName));
    }
}
