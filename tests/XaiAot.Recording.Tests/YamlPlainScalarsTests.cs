using XaiAot.Recording;

namespace XaiAot.Recording.Tests;

public sealed class YamlPlainScalarsTests
{
    [Theory]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("True")]
    [InlineData("off")]
    [InlineData("y")]
    [InlineData("42")]
    [InlineData("-1.5e3")]
    [InlineData("1_000")]
    [InlineData("0x1F")]
    [InlineData("0o17")]
    [InlineData("0b101")]
    [InlineData("+.inf")]
    [InlineData(".NaN")]
    [InlineData("1:30:00")]
    [InlineData("<<")]
    public void Values_yaml_would_read_as_something_else_are_quoted(string value) =>
        Assert.True(YamlPlainScalars.ResolvesToNonString(value));

    [Theory]
    [InlineData("POST")]
    [InlineData("application/json")]
    [InlineData("200 OK")]
    [InlineData("https://api.x.ai/v1/chat/completions")]
    [InlineData("grok-4-fast")]
    [InlineData("no way")]
    [InlineData("beef")]
    public void Ordinary_strings_stay_plain(string value) =>
        Assert.False(YamlPlainScalars.ResolvesToNonString(value));

    [Theory]
    [InlineData("42")]
    [InlineData("true")]
    [InlineData("0x1F")]
    [InlineData("1:30")]
    public void A_string_that_looks_like_a_number_reads_back_as_the_same_string(string value)
    {
        var cassette = Cassette.Parse(new Cassette().ToYaml());
        cassette.Interactions.Add(new CassetteInteraction(0, new RecordedRequest { Method = "POST", Url = "https://x/y", Body = value }, new RecordedResponse { Code = 200, Body = value }));
        Cassette back = Cassette.Parse(cassette.ToYaml());
        Assert.Equal(value, back.Interactions[0].Request.Body);
        Assert.Equal(value, back.Interactions[0].Response.Body);
    }
}
