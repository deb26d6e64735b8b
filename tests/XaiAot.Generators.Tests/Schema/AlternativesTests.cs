using XaiAot.Generators.JsonText;
using XaiAot.Generators.Schema;

namespace XaiAot.Generators.Tests.Schema;

public sealed class AlternativesTests
{
    [Fact]
    public void AlternativesThatOnlyRequireMembersConstrainButDoNotShape()
    {
        JsonTree schema = JsonTreeReader.Parse("{\"anyOf\": [{\"required\": [\"a\"]}, {\"required\": [\"b\"], \"minProperties\": 1}]}");

        Assert.True(Alternatives.IsConstraintOnly(schema.Get("anyOf")!));
        Assert.Null(Alternatives.Shaping(schema));
    }

    [Fact]
    public void OneOfShapesBeforeAnyOfAndAConstraintOnlyOneOfIsSkipped()
    {
        JsonTree both = JsonTreeReader.Parse("{\"oneOf\": [{\"type\": \"string\"}], \"anyOf\": [{\"type\": \"integer\"}]}");
        JsonTree constraintOneOf = JsonTreeReader.Parse("{\"oneOf\": [{\"required\": [\"a\"]}], \"anyOf\": [{\"type\": \"integer\"}]}");

        Assert.Equal("oneOf", Alternatives.Shaping(both)!.Name);
        Assert.Equal("anyOf", Alternatives.Shaping(constraintOneOf)!.Name);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[true]")]
    [InlineData("[{\"type\": \"string\"}]")]
    [InlineData("{}")]
    public void AnythingThatCouldShapeAValueIsNotConstraintOnly(string alternatives)
    {
        Assert.False(Alternatives.IsConstraintOnly(JsonTreeReader.Parse(alternatives)));
    }
}
