using System;
using System.IO;

namespace XaiAot.Recording.Tests;

public class CassetteFormatErrorTests
{
    private const string ValidInteraction = """
        - id: 0
          request:
            body: ""
            headers: {}
            url: https://api.x.ai/v1/chat/completions
            method: POST
          response:
            body: ok
            headers: {}
            status: 200 OK
            code: 200
            duration: 1.5s
        """;

    [Fact]
    public void Text_that_is_not_YAML_names_the_position_and_the_parser_problem()
    {
        CassetteFormatException ex = Assert.Throws<CassetteFormatException>(
            () => Cassette.Parse("version: 2\ninteractions: [\n  {id: 0\n", "broken.yaml"));

        Assert.Equal("broken.yaml", ex.SourceName);
        Assert.NotNull(ex.Line);
        Assert.StartsWith("broken.yaml(", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not a go-vcr cassette: expected valid YAML, but the YAML parser says:", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<YamlDotNet.Core.YamlException>(ex.InnerException);
    }

    [Fact]
    public void Tab_indentation_is_reported_at_its_line()
    {
        CassetteFormatException ex = Assert.Throws<CassetteFormatException>(
            () => Cassette.Parse("version: 2\ninteractions:\n  - id: 0\n\t  request: {}\n", "tabs.yaml"));

        Assert.Equal(3, ex.Line);
        Assert.Equal(9, ex.Column);
        Assert.Contains("tabs.yaml(3,9): ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("tab", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_is_not_a_cassette()
    {
        CassetteFormatException ex = Assert.Throws<CassetteFormatException>(() => Cassette.Parse("hello world", "notes.txt"));

        Assert.Equal("notes.txt(1,1): not a go-vcr cassette: expected the cassette to be a mapping with 'version: 2' and 'interactions', found 'hello world'", ex.Message);
    }

    [Fact]
    public void An_empty_file_is_not_a_cassette()
    {
        CassetteFormatException ex = Assert.Throws<CassetteFormatException>(() => Cassette.Parse("", "empty.yaml"));

        Assert.Contains("empty.yaml(1,1)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("found an empty document", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_interactions_lists_the_keys_found()
    {
        CassetteFormatException ex = Assert.Throws<CassetteFormatException>(() => Cassette.Parse("---\nversion: 2\nrecords: []\n", "c.yaml"));

        Assert.Equal(2, ex.Line);
        Assert.Equal(1, ex.Column);
        Assert.Equal("expected an 'interactions' key at the top level, found keys 'version', 'records'", ex.Problem);
        Assert.Equal("c.yaml(2,1): not a go-vcr cassette: " + ex.Problem, ex.Message);
    }

    [Fact]
    public void A_JSON_document_is_YAML_but_not_a_cassette()
    {
        CassetteFormatException ex = Assert.Throws<CassetteFormatException>(() => Cassette.Parse("{\"version\": 2, \"items\": []}"));

        Assert.Contains("(YAML text)(1,1)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("expected an 'interactions' key", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("version: 1\ninteractions: []\n", "expected 'version: 2' (go-vcr cassette format v2), found version 1", 1, 10)]
    [InlineData("version: three\ninteractions: []\n", "expected a whole number for 'version', found 'three'", 1, 10)]
    [InlineData("interactions: []\n", "expected a 'version: 2' key at the top level, found keys 'interactions'", 1, 1)]
    [InlineData("version: 2\ninteractions: {a: 1}\n", "expected 'interactions' to be a list, found a mapping", 2, 15)]
    [InlineData("version: 2\ninteractions:\n- just text\n", "expected interaction 0 to be a mapping with 'request' and 'response', found 'just text'", 3, 3)]
    public void Wrong_top_level_shape_is_named(string yaml, string problem, long line, long column)
    {
        CassetteFormatException ex = Assert.Throws<CassetteFormatException>(() => Cassette.Parse(yaml, "c.yaml"));

        Assert.Equal(problem, ex.Problem);
        Assert.Equal(line, ex.Line);
        Assert.Equal(column, ex.Column);
    }

    [Fact]
    public void An_interaction_without_a_response_is_named_with_its_position()
    {
        string yaml = "version: 2\ninteractions:\n" + ValidInteraction + "\n- id: 1\n  request:\n    body: \"\"\n    url: https://x.test/\n    method: GET\n";

        CassetteFormatException ex = Assert.Throws<CassetteFormatException>(() => Cassette.Parse(yaml, "c.yaml"));

        Assert.Equal("expected a 'response' in interaction 1, found keys 'id', 'request'", ex.Problem);
        Assert.Equal(15, ex.Line);
        Assert.Equal(3, ex.Column);
    }

    [Fact]
    public void A_request_that_is_not_a_mapping_is_named()
    {
        CassetteFormatException ex = Assert.Throws<CassetteFormatException>(
            () => Cassette.Parse("version: 2\ninteractions:\n- request: yes\n  response: {code: 200}\n", "c.yaml"));

        Assert.Equal("expected the request of interaction 0 to be a mapping, found 'yes'", ex.Problem);
        Assert.Equal(3, ex.Line);
        Assert.Equal(12, ex.Column);
    }

    [Fact]
    public void A_flow_list_left_open_is_not_YAML_even_where_the_parser_gives_no_position()
    {
        CassetteFormatException ex = Assert.Throws<CassetteFormatException>(() => Cassette.Parse("version: [1, 2\ninteractions: []\n", "c.yaml"));

        Assert.StartsWith("c.yaml: not a go-vcr cassette: expected valid YAML", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_interaction_without_a_request_is_named()
    {
        CassetteFormatException ex = Assert.Throws<CassetteFormatException>(
            () => Cassette.Parse("version: 2\ninteractions:\n- id: 0\n  response: {code: 200}\n", "c.yaml"));

        Assert.Equal("expected a 'request' in interaction 0, found keys 'id', 'response'", ex.Problem);
    }

    [Fact]
    public void A_request_without_a_url_is_named()
    {
        CassetteFormatException ex = Assert.Throws<CassetteFormatException>(
            () => Cassette.Parse("version: 2\ninteractions:\n- request: {method: GET}\n  response: {code: 200}\n", "c.yaml"));

        Assert.Equal("expected a 'url' in the request, found keys 'method'", ex.Problem);
        Assert.Equal(3, ex.Line);
        Assert.Equal(12, ex.Column);
    }

    [Fact]
    public void A_bad_duration_points_at_the_value_and_says_what_a_duration_looks_like()
    {
        string yaml = "version: 2\ninteractions:\n" + ValidInteraction.Replace("duration: 1.5s", "duration: 5 parsecs", StringComparison.Ordinal);

        CassetteFormatException ex = Assert.Throws<CassetteFormatException>(() => Cassette.Parse(yaml, "slow.yaml"));

        Assert.Equal(14, ex.Line);
        Assert.Equal(15, ex.Column);
        Assert.Equal(
            "slow.yaml(14,15): not a go-vcr cassette: expected a Go duration such as 1.5s or 250ms for 'duration', found '5 parsecs' (time: unknown unit \" parsecs\" in duration \"5 parsecs\")",
            ex.Message);
        Assert.IsType<FormatException>(ex.InnerException);
    }

    [Theory]
    [InlineData("code: 200", "code: OK", "expected a whole number for 'code', found 'OK'")]
    [InlineData("code: 200", "code: [200]", "expected a text value for 'code', found a list")]
    [InlineData("headers: {}\n    status", "headers: [a, b]\n    status", "expected 'headers' to be a mapping of names to lists of values, found a list")]
    [InlineData("code: 200", "code: 200\n    uncompressed: maybe", "expected true or false for 'uncompressed', found 'maybe'")]
    [InlineData("body: ok", "body: !!binary aGk=", "expected a text 'body', found a !!binary value (a body that is not UTF-8 text is not supported)")]
    public void Wrongly_typed_fields_are_named(string find, string replace, string problem)
    {
        string yaml = "version: 2\ninteractions:\n" + ValidInteraction.Replace(find, replace, StringComparison.Ordinal);

        CassetteFormatException ex = Assert.Throws<CassetteFormatException>(() => Cassette.Parse(yaml, "c.yaml"));

        Assert.StartsWith(problem, ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_names_the_file()
    {
        string path = Path.Combine(Path.GetTempPath(), $"xaiaot-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "version: 2\n");
        try
        {
            CassetteFormatException ex = Assert.Throws<CassetteFormatException>(() => Cassette.Load(path));

            Assert.Equal(path, ex.SourceName);
            Assert.StartsWith(path + "(1,1): ", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_is_not_a_format_error()
    {
        Assert.Throws<FileNotFoundException>(() => Cassette.Load(Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}.yaml")));
    }
}
