using XaiAot.Generators.JsonText;
using XaiAot.Generators.Schema;

namespace XaiAot.Generators.Tests.Schema;

/// <summary>Unions are decided from what their alternatives accept, before anything is built.</summary>
public sealed class KindPeekTests
{
    [Theory]
    [InlineData("{\"type\": \"string\"}", "String")]
    [InlineData("{\"type\": [\"integer\", \"null\"]}", "Integer, Null")]
    [InlineData("{\"const\": 1.5}", "Number")]
    [InlineData("{\"enum\": [\"a\", 1, null]}", "String, Integer, Null")]
    [InlineData("{\"properties\": {}}", "Object")]
    [InlineData("{\"items\": {}}", "Array")]
    [InlineData("{\"$ref\": \"#/$defs/Text\", \"nullable\": true}", "String, Null")]
    [InlineData("{\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"array\"}]}", "String, Array")]
    [InlineData("{\"allOf\": [{}, {\"type\": [\"object\", \"string\"]}, {\"type\": \"object\"}]}", "Object")]
    [InlineData("{\"description\": \"anything\"}", "Any")]
    [InlineData("{\"$ref\": \"#/$defs/Cycle\"}", "Any")]
    public void KindsFollowReferencesAndCombineAlternatives(string schema, string expected)
    {
        JsonTree root = JsonTreeReader.Parse("{\"$defs\": {\"Text\": {\"type\": \"string\"}, \"Cycle\": {\"oneOf\": [{\"$ref\": \"#/$defs/Cycle\"}]}}}");
        var peek = new KindPeek(new RefResolver(root, null));

        Assert.Equal(expected, peek.Kinds(JsonTreeReader.Parse(schema)).ToString());
    }

    [Theory]
    [InlineData("{\"const\": \"text\"}", "text")]
    [InlineData("{\"enum\": [\"a\", 2, \"b\"]}", "a,b")]
    [InlineData("{\"$ref\": \"#/$defs/Role\"}", "user,assistant")]
    [InlineData("{\"type\": \"string\"}", null)]
    [InlineData("{\"enum\": [1, 2]}", null)]
    public void StringsAreTheFixedValuesOrNullForAnyString(string schema, string? expected)
    {
        JsonTree root = JsonTreeReader.Parse("{\"$defs\": {\"Role\": {\"enum\": [\"user\", \"assistant\"]}}}");
        var peek = new KindPeek(new RefResolver(root, null));

        System.Collections.Generic.List<string>? strings = peek.Strings(JsonTreeReader.Parse(schema));

        Assert.Equal(expected, strings is null ? null : string.Join(",", strings));
    }
}
