using XaiAot.Generators.Naming;

namespace XaiAot.Generators.Tests.Naming;

/// <summary>JSON names to C# identifiers: deterministic, always valid, readable where possible.</summary>
public sealed class IdentifiersTests
{
    [Theory]
    [InlineData("finish_reason", "FinishReason")]
    [InlineData("content-type", "ContentType")]
    [InlineData("toolCalls", "ToolCalls")]
    [InlineData("x.y z", "XYZ")]
    [InlineData("MAX_TOKENS", "MaxTokens")]
    [InlineData("HTTPServer", "HTTPServer")]
    [InlineData("_private", "Private")]
    public void WordBreaksBecomeCapitals(string json, string expected)
    {
        Assert.Equal(expected, Identifiers.ToPascalCase(json));
    }

    [Theory]
    [InlineData("class", "Class")]
    [InlineData("string", "String")]
    [InlineData("var", "Var")]
    [InlineData("namespace", "Namespace")]
    public void KeywordsDoNotSurviveCapitalisationSoNeedNoEscape(string json, string expected)
    {
        // C# keywords are lower-case; PascalCase always capitalises the first letter.
        string result = Identifiers.ToPascalCase(json);

        Assert.Equal(expected, result);
        Assert.True(Identifiers.IsValidIdentifier(result));
    }

    [Fact]
    public void AFallbackIsUsedAsGivenForAnEmptyName()
    {
        Assert.Equal("Empty", Identifiers.ToPascalCase(string.Empty, "Empty"));
        Assert.Equal("Value", Identifiers.ToPascalCase(string.Empty));
    }

    [Theory]
    [InlineData("2fa", "_2fa")]
    [InlineData("1st_place", "_1stPlace")]
    [InlineData("+1", "Plus1")]
    [InlineData("-1", "Minus1")]
    public void ALeadingDigitGetsAnUnderscoreAndASignIsSpelledOut(string json, string expected)
    {
        Assert.Equal(expected, Identifiers.ToPascalCase(json));
    }

    [Theory]
    [InlineData("", "Fallback")]
    [InlineData("!=", "NotEqual")]
    [InlineData("<=", "LessEqual")]
    [InlineData("*", "Star")]
    [InlineData("__", "UnderscoreUnderscore")]
    [InlineData("\U0001F600", "U1F600")]
    public void NamesWithoutLettersAreSpelledOutNotNumbered(string json, string expected)
    {
        Assert.Equal(expected, Identifiers.ToPascalCase(json, "Fallback"));
    }

    [Theory]
    [InlineData("café_au_lait", "CaféAuLait")]
    [InlineData("größe", "Größe")]
    [InlineData("имя", "Имя")]
    [InlineData("名前", "名前")]
    public void UnicodeLettersAreKept(string json, string expected)
    {
        string result = Identifiers.ToPascalCase(json);

        Assert.Equal(expected, result);
        Assert.True(Identifiers.IsValidIdentifier(result));
    }

    [Theory]
    [InlineData("Valid", true)]
    [InlineData("_x", true)]
    [InlineData("class", false)]
    [InlineData("1a", false)]
    [InlineData("a-b", false)]
    [InlineData("", false)]
    public void IsValidIdentifierRejectsKeywordsAndNonIdentifiers(string name, bool valid)
    {
        Assert.Equal(valid, Identifiers.IsValidIdentifier(name));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("My.Company.Api", true)]
    [InlineData("My..Api", false)]
    [InlineData("My.class", false)]
    [InlineData("My.2nd", false)]
    public void IsValidNamespaceChecksEveryPart(string name, bool valid)
    {
        Assert.Equal(valid, Identifiers.IsValidNamespace(name));
    }
}
