using System;
using System.IO;
using YamlDotNet.Core;

namespace XaiAot.Recording.Tests;

/// <summary>
/// Deeply nested YAML is refused at the first collection too deep, before any recursion over it
/// runs. Nesting 100,000 deep used to overflow the stack (the CLI tests run that case in a child
/// process, which cannot take the test host down with it); the in-process cases here through
/// Cassette.Parse stay shallow enough not to overflow without the limit, so they fail rather than
/// crash when it is missing.
/// </summary>
public class DepthLimitTests
{
    [Fact]
    public void Nesting_one_deeper_than_the_limit_is_refused_at_the_collection_that_goes_too_deep()
    {
        // The document's mapping is level 1, so the extra key's lists start at level 2.
        const int limit = 64;
        string yaml = HostileYaml.Nested(limit);

        CassetteFormatException ex = Assert.Throws<CassetteFormatException>(() => Cassette.Parse(yaml, "deep.yaml"));

        int line = HostileYaml.Valid.Split('\n').Length + 1;
        Assert.Equal(line, ex.Line);
        Assert.Equal("extra: ".Length + limit, ex.Column);
        Assert.Equal($"expected mappings and lists nested at most {limit} deep, found one nested deeper", ex.Problem);
        Assert.StartsWith($"deep.yaml({line},{"extra: ".Length + limit}): not a go-vcr cassette: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read()
    {
        Cassette cassette = Cassette.Parse(HostileYaml.Nested(63), "deep.yaml");

        Assert.True(cassette.AdditionalFields.ContainsKey("extra"));
    }

    [Fact]
    public void Deeper_nesting_is_refused()
    {
        CassetteFormatException ex = Assert.Throws<CassetteFormatException>(() => Cassette.Parse(HostileYaml.Nested(500), "deep.yaml"));

        Assert.Contains("nested at most 64 deep", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_limit_is_enforced_on_parser_events_so_any_depth_stops_at_the_limit()
    {
        // 100,000 deep: the check runs on the parser's (iterative) events, before YamlDotNet's
        // recursive representation model sees them, so this is safe in-process.
        var parser = new DepthLimitedParser(new Parser(new StringReader(HostileYaml.Nested(100_000))), "deep.yaml");
        int events = 0;

        CassetteFormatException ex = Assert.Throws<CassetteFormatException>(() =>
        {
            while (parser.MoveNext())
            {
                events++;
            }
        });

        Assert.True(events < 1_000, $"stopped after {events} events");
        Assert.Contains("nested at most 64 deep", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Block_style_nesting_counts_the_same()
    {
        // "- - - ... x": each dash opens a list one deeper.
        string yaml = "version: 2\ninteractions: []\nextra:\n" + string.Concat(System.Linq.Enumerable.Repeat("- ", 200)) + "x\n";

        CassetteFormatException ex = Assert.Throws<CassetteFormatException>(() => Cassette.Parse(yaml, "deep.yaml"));

        Assert.Equal(4, ex.Line);
        Assert.Contains("nested at most 64 deep", ex.Problem, StringComparison.Ordinal);
    }
}
