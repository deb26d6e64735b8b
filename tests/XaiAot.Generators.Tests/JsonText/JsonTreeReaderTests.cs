using System;
using System.Linq;
using XaiAot.Generators.JsonText;

namespace XaiAot.Generators.Tests.JsonText;

/// <summary>The positioned reader: diagnostics point at what it records, so positions are asserted exactly.</summary>
public sealed class JsonTreeReaderTests
{
    [Fact]
    public void EveryValueAndMemberNameKnowsItsLineColumnOffsetAndLength()
    {
        JsonTree root = JsonTreeReader.Parse("{\n  \"type\": \"object\",\n  \"n\": [1, true]\n}");

        JsonMember type = root.Member("type")!;
        Assert.Equal((1, 2, 4, 6), Where(type.NamePosition));
        Assert.Equal((1, 10, 12, 8), Where(type.Value.Position));

        JsonTree array = root.Get("n")!;
        Assert.Equal((2, 7, 29, 1), Where(array.Position));
        Assert.Equal((2, 8, 30, 1), Where(array.Items![0].Position));
        Assert.Equal((2, 11, 33, 4), Where(array.Items[1].Position));
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\n")]
    public void EachLineBreakConventionStartsOneNewLine(string lineBreak)
    {
        JsonTree root = JsonTreeReader.Parse("{" + lineBreak + lineBreak + "\"a\": 1}");

        Assert.Equal(2, root.Member("a")!.NamePosition.Line);
        Assert.Equal(0, root.Member("a")!.NamePosition.Column);
    }

    [Fact]
    public void AByteOrderMarkIsSkippedWithoutShiftingColumns()
    {
        JsonTree root = JsonTreeReader.Parse("\uFEFF{\"a\": 1}");

        Assert.Equal(1, root.Member("a")!.NamePosition.Column);
        Assert.Equal(2, root.Member("a")!.NamePosition.Offset);
    }

    [Fact]
    public void StringEscapesAreDecodedAndTheLengthCoversTheEscapedText()
    {
        const string Json = "\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\ud83d\\ude00\"";
        JsonTree value = JsonTreeReader.Parse(Json);

        Assert.Equal(JsonKind.String, value.Kind);
        Assert.Equal("a\"b\\c/d\n\té\U0001F600", value.Text);
        Assert.Equal(Json.Length, value.Position.Length);
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("-0", "-0")]
    [InlineData("1.50", "1.50")]
    [InlineData("1e400", "1e400")]
    [InlineData("12345678901234567890123", "12345678901234567890123")]
    [InlineData("2E-3", "2E-3")]
    public void NumbersAreKeptAsTheirText(string json, string expected)
    {
        JsonTree value = JsonTreeReader.Parse(json);

        Assert.Equal(JsonKind.Number, value.Kind);
        Assert.Equal(expected, value.Text);
    }

    [Fact]
    public void DuplicateKeysAreAllKeptAndTheLastOneWins()
    {
        JsonTree root = JsonTreeReader.Parse("{\"a\": 1, \"b\": 2, \"a\": 3}");

        Assert.Equal(new[] { "a", "b", "a" }, root.Members!.Select(member => member.Name));
        Assert.Equal("3", root.Get("a")!.Text);
        Assert.Equal(17, root.Member("a")!.NamePosition.Offset);
    }

    [Theory]
    [InlineData("{\"a\": 1,}", 0, 8, "expected a member name")]
    [InlineData("{\"a\" 1}", 0, 5, "Expected ':'")]
    [InlineData("[1 2]", 0, 3, "expected ',' or ']'")]
    [InlineData("{\n  \"a\": tru }", 1, 7, "Invalid literal")]
    [InlineData("01", 0, 1, "after the end of the JSON document")]
    [InlineData("1.", 0, 2, "after '.'")]
    [InlineData("-", 0, 1, "expected a digit")]
    [InlineData("\"abc", 0, 4, "closing '\"'")]
    [InlineData("\"a\u0001\"", 0, 2, "control character U+0001")]
    [InlineData("\"\\x\"", 0, 1, "Invalid escape '\\x'")]
    [InlineData("\"ab\\udc00\"", 0, 3, "Unpaired surrogate \\udc00")]
    [InlineData("\"\\u12\"", 0, 1, "four hexadecimal digits")]
    [InlineData("{\"a\": 1", 0, 0, "not closed with '}'")]
    [InlineData("", 0, 0, "expected a JSON value")]
    [InlineData("{} {}", 0, 3, "after the end of the JSON document")]
    public void MalformedInputThrowsWithThePositionOfTheProblem(string json, int line, int column, string message)
    {
        JsonSyntaxException error = Assert.Throws<JsonSyntaxException>(() => JsonTreeReader.Parse(json));

        Assert.Equal((line, column), (error.Position.Line, error.Position.Column));
        Assert.Contains(message, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AnUnpairedSurrogateIsRejectedBecauseItHasNoUtf8Form()
    {
        JsonSyntaxException error = Assert.Throws<JsonSyntaxException>(() => JsonTreeReader.Parse("\"a\ud800b\""));

        Assert.Contains("U+D800", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestingIsBoundedSoAHostileFileCannotOverflowTheStack()
    {
        string atLimit = new string('[', 256) + new string(']', 256);
        string overLimit = new string('[', 257) + new string(']', 257);

        Assert.Equal(JsonKind.Array, JsonTreeReader.Parse(atLimit).Kind);
        JsonSyntaxException error = Assert.Throws<JsonSyntaxException>(() => JsonTreeReader.Parse(overLimit));
        Assert.Equal(256, error.Position.Column);
        Assert.Contains("deeper than 256", error.Message, StringComparison.Ordinal);
    }

    private static (int Line, int Column, int Offset, int Length) Where(TextPosition position) =>
        (position.Line, position.Column, position.Offset, position.Length);
}
