using System.Linq;
using System.Text.Json;
using XaiAot.Generators.Tests.Features.Shapes;
using XaiAot.Generators.Tests.Support;

namespace XaiAot.Generators.Tests.Shapes;

/// <summary>
/// Shapes real-world schemas use (issue 13), each read and written back through the types compiled
/// into this assembly from Schemas/shapes.schema.json.
/// </summary>
public sealed class ShapesRoundTripTests
{
    [Fact]
    public void PatternMembersAreReadIntoTypedMapsNotRejected()
    {
        Sample shapes = Json.RoundTrip("""{"labels": {"name": "n", "#foo": "bar", "#": "", "x-rank": 3}}""", ShapesJsonContext.Default.Sample);

        Assert.Equal("bar", shapes.Labels!.PatternProperties!["#foo"]);
        Assert.Equal(3, shapes.Labels.PatternProperties2!["x-rank"]);
        Assert.Contains("Unexpected member 'other'", Json.ReadError("""{"labels": {"other": 1}}""", ShapesJsonContext.Default.Sample), System.StringComparison.Ordinal);
        Assert.Contains("Path: $.labels['x-rank']", Json.ReadError("""{"labels": {"x-rank": "high"}}""", ShapesJsonContext.Default.Sample), System.StringComparison.Ordinal);
    }

    [Fact]
    public void PatternMembersBesideCapturedAndTypedAdditionalMembers()
    {
        Sample shapes = Json.RoundTrip("""{"headers": {"Accept": "*/*", "lower": [1]}, "scores": {"s_a": 1.5, "t_b": 2, "flag": true}}""", ShapesJsonContext.Default.Sample);

        Assert.Equal("*/*", shapes.Headers!.PatternProperties!["Accept"]);
        Assert.Equal(JsonValueKind.Array, shapes.Headers.AdditionalProperties!["lower"].ValueKind);
        Assert.Equal(new[] { "s_a", "t_b" }, shapes.Scores!.PatternProperties!.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
        Assert.True(shapes.Scores.AdditionalProperties!["flag"]);
    }

    [Fact]
    public void NullableFreeFormObjectsAcceptNull()
    {
        Json.RoundTrip("""{"extra": null, "maybe": null, "perhaps": null, "items": [null, {"a": 1}]}""", ShapesJsonContext.Default.Sample);
        Sample shapes = Json.RoundTrip("""{"extra": {"a": 1}, "maybe": {"b": [2]}, "perhaps": {}}""", ShapesJsonContext.Default.Sample);
        Assert.Equal(1, shapes.Extra!.Value.GetProperty("a").GetInt32());
    }

    [Fact]
    public void AllOfAroundAScalarKeepsTheScalarType()
    {
        Sample shapes = Json.RoundTrip("""{"code": "A1", "count": 4}""", ShapesJsonContext.Default.Sample);
        string? code = shapes.Code;
        long? count = shapes.Count;
        Assert.Equal("A1", code);
        Assert.Equal(4, count);
    }

    [Theory]
    [InlineData("2018-04-25T20:42:10.000Z")]
    [InlineData("2018-04-25T20:42:10+00:00")]
    [InlineData("2018-04-25T20:42:10.123456789-07:00")]
    [InlineData("2018-04-25 20:42:10")]
    [InlineData("yesterday")]
    public void DateTimeIsWrittenBackAsTheTextItWas(string text)
    {
        Json.RoundTrip("""{"stamp": "TEXT", "stamps": ["TEXT", "2020-01-01T00:00:00Z"]}""".Replace("TEXT", text, System.StringComparison.Ordinal), ShapesJsonContext.Default.Sample);
    }

    [Fact]
    public void AVariantThatIsNoRecordIsKeptWholeAndWrittenBack()
    {
        Sample shapes = Json.RoundTrip("""{"pick": {"kind": "tags", "a": "x"}}""", ShapesJsonContext.Default.Sample);
        Assert.Equal("x", Assert.IsType<UnknownSamplePick>(shapes.Pick).Json.GetProperty("a").GetString());
        Assert.Equal("n", Assert.IsType<Named>(Json.RoundTrip("""{"pick": {"kind": "named", "name": "n"}}""", ShapesJsonContext.Default.Sample).Pick).Name);
    }

    [Fact]
    public void AUnionNoTypeCanStandForIsKeptAsJson()
    {
        Sample shapes = Json.RoundTrip("""{"either": {"a": "x", "b": 2}}""", ShapesJsonContext.Default.Sample);
        Assert.Equal(JsonValueKind.Object, shapes.Either!.Value.ValueKind);
    }
}
