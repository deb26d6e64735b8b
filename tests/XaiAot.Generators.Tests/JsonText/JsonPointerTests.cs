using XaiAot.Generators.JsonText;

namespace XaiAot.Generators.Tests.JsonText;

/// <summary>RFC 6901 pointers and the URI fragments <c>$ref</c>s carry them in (RFC 3986 percent-encoding).</summary>
public sealed class JsonPointerTests
{
    [Theory]
    [InlineData("a/b", "/a~1b")]
    [InlineData("m~n", "/m~0n")]
    [InlineData("~1", "/~01")]
    [InlineData("", "/")]
    public void AppendEscapesTildeBeforeSlash(string token, string expected)
    {
        Assert.Equal(expected, JsonPointer.Append(string.Empty, token));
    }

    [Theory]
    [InlineData("a~1b", "a/b")]
    [InlineData("m~0n", "m~n")]
    [InlineData("~01", "~1")]
    public void UnescapeReadsTokensBackInTheOrderTheRfcRequires(string token, string expected)
    {
        Assert.Equal(expected, JsonPointer.Unescape(token));
    }

    [Fact]
    public void ResolveFollowsEscapedMemberNamesAndArrayIndexes()
    {
        JsonTree root = JsonTreeReader.Parse("{\"a/b\": {\"m~n\": [10, 20]}}");

        JsonTree? found = JsonPointer.Resolve(root, "/a~1b/m~0n/1", out string? failure);

        Assert.Null(failure);
        Assert.Equal("20", found!.Text);
        Assert.Same(root, JsonPointer.Resolve(root, string.Empty, out _));
    }

    [Theory]
    [InlineData("/missing", "there is no 'missing' at '#'")]
    [InlineData("/a/5", "there is no '5' at '#/a'")]
    [InlineData("/a/-1", "there is no '-1' at '#/a'")]
    [InlineData("a", "must start with '/'")]
    public void ResolveSaysWhichStepIsMissing(string pointer, string expected)
    {
        JsonTree root = JsonTreeReader.Parse("{\"a\": [1]}");

        Assert.Null(JsonPointer.Resolve(root, pointer, out string? failure));
        Assert.Contains(expected, failure, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#/$defs/A%20B", "", "/$defs/A B")]
    [InlineData("#/$defs/caf%C3%A9", "", "/$defs/café")]
    [InlineData("#/$defs/100%25", "", "/$defs/100%")]
    [InlineData("#/$defs/bad%zz", "", "/$defs/bad%zz")]
    [InlineData("other.json#/$defs/A", "other.json", "/$defs/A")]
    [InlineData("other.json", "other.json", "")]
    [InlineData("#", "", "")]
    public void SplitRefSeparatesTheDocumentAndPercentDecodesTheFragment(string reference, string document, string fragment)
    {
        Assert.Equal((document, fragment), JsonPointer.SplitRef(reference));
    }

    [Fact]
    public void APercentEncodedSlashSeparatesTokensLikeAPlainOne()
    {
        // "%2F" decodes to '/', which then separates tokens: to name a member with a slash a $ref
        // must write "~1", exactly as RFC 6901 says.
        JsonTree root = JsonTreeReader.Parse("{\"a\": {\"b\": 1}, \"a/b\": 2}");

        Assert.Equal("1", JsonPointer.Resolve(root, JsonPointer.SplitRef("#/a%2Fb").Fragment, out _)!.Text);
        Assert.Equal("2", JsonPointer.Resolve(root, JsonPointer.SplitRef("#/a~1b").Fragment, out _)!.Text);
    }

    [Theory]
    [InlineData("", null, true)]
    [InlineData("https://x.example/s.json", "https://x.example/s.json", true)]
    [InlineData("https://x.example/s.json", null, false)]
    [InlineData("other.json", "https://x.example/s.json", false)]
    public void OnlyTheDocumentItselfIsLocal(string document, string? rootId, bool local)
    {
        Assert.Equal(local, JsonPointer.IsLocal(document, rootId));
    }
}
