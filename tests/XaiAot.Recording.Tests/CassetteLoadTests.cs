using System;
using System.Collections.Generic;
using System.Linq;

namespace XaiAot.Recording.Tests;

public class CassetteLoadTests
{
    public static IEnumerable<object[]> AllCassettes() => TestPaths.AllCassettes();

    [Fact]
    public void The_shared_folder_holds_the_known_cassettes_with_their_interaction_counts()
    {
        var expected = new Dictionary<string, int>
        {
            ["openai-gpt-4o-mini__multi_tool_streaming.yaml"] = 2,
            ["openrouter-kimi-k2__error_429.yaml"] = 6,
            ["simple_streaming.yaml"] = 1,
            ["xai-grok-3-mini__thinking_streaming.yaml"] = 2,
            ["xai-grok-4-fast__multi_tool.yaml"] = 2,
            ["xai-grok-4-fast__simple_streaming.yaml"] = 1,
            ["xai-grok-code-fast__multi_tool_streaming.yaml"] = 2,
            ["xai-grok-code-fast__simple.yaml"] = 1,
            ["xai-grok-code-fast__tool.yaml"] = 2,
            ["xai-grok-code-fast__tool_streaming.yaml"] = 2,
        };

        Assert.Subset(TestPaths.AllCassetteNames().ToHashSet(), expected.Keys.ToHashSet());
        foreach ((string name, int count) in expected)
        {
            Assert.Equal(count, Cassette.Load(TestPaths.Cassette(name)).Interactions.Count);
        }
    }

    [Theory]
    [MemberData(nameof(AllCassettes))]
    public void Every_cassette_loads_with_complete_interactions(string name)
    {
        string path = TestPaths.Cassette(name);
        Cassette cassette = Cassette.Load(path);

        Assert.Equal(2, cassette.Version);
        Assert.Equal(path, cassette.Source);
        Assert.NotEmpty(cassette.Interactions);
        for (int i = 0; i < cassette.Interactions.Count; i++)
        {
            CassetteInteraction interaction = cassette.Interactions[i];
            Assert.Equal(i, interaction.Id);
            Assert.Equal("POST", interaction.Request.Method);
            Assert.StartsWith("https://", interaction.Request.Url, StringComparison.Ordinal);
            Assert.EndsWith("/chat/completions", interaction.Request.Url, StringComparison.Ordinal);
            Assert.StartsWith("{\"messages\":", interaction.Request.Body, StringComparison.Ordinal);
            Assert.Equal("application/json", interaction.Request.Headers["content-type"]);
            Assert.Equal("HTTP/2.0", interaction.Response.Proto);
            Assert.Contains(interaction.Response.Code, new[] { 200, 429 });
            Assert.StartsWith(interaction.Response.Code + " ", interaction.Response.Status, StringComparison.Ordinal);
            Assert.True(interaction.Response.Duration > TimeSpan.Zero);
            Assert.NotEmpty(interaction.Response.Body);
            Assert.Empty(interaction.Request.AdditionalFields);
            Assert.Empty(interaction.Response.AdditionalFields);
        }
    }

    [Fact]
    public void Simple_cassette_has_exact_values()
    {
        Cassette cassette = Cassette.Load(TestPaths.Cassette("xai-grok-code-fast__simple.yaml"));

        CassetteInteraction only = Assert.Single(cassette.Interactions);
        RecordedRequest request = only.Request;
        Assert.Equal("https://api.x.ai/v1/chat/completions", request.Url);
        Assert.Equal("HTTP/1.1", request.Proto);
        Assert.Equal(1, request.ProtoMajor);
        Assert.Equal(1, request.ProtoMinor);
        Assert.Equal(166, request.ContentLength);
        Assert.Equal("", request.Host);
        Assert.Null(request.Form);
        Assert.Equal(166, request.Body.Length);
        Assert.Equal(["Accept", "Content-Type", "User-Agent"], request.Headers.Names);
        Assert.Equal(["OpenAI/Go 2.7.1"], request.Headers.GetValues("USER-AGENT"));

        RecordedResponse response = only.Response;
        Assert.Equal(200, response.Code);
        Assert.Equal("200 OK", response.Status);
        Assert.Equal("OK", response.ReasonPhrase);
        Assert.Equal(-1, response.ContentLength);
        Assert.True(response.Uncompressed);
        Assert.Equal(TimeSpan.FromTicks(40_598_113), response.Duration);
        Assert.False(response.IsEventStream);
        Assert.StartsWith("{\"id\":\"3d4e99a3-243f-88eb-3ebf-9bba327ac44b\"", response.Body, StringComparison.Ordinal);

        // '' inside the single-quoted YAML scalar is one apostrophe in the body.
        Assert.Contains("\"content\":\"Olá! (That's \\\"hi\\\" in Portuguese.", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_limit_cassette_has_five_identical_429s_then_a_success()
    {
        Cassette cassette = Cassette.Load(TestPaths.Cassette("openrouter-kimi-k2__error_429.yaml"));

        Assert.Equal([429, 429, 429, 429, 429, 200], cassette.Interactions.Select(i => i.Response.Code));
        Assert.Single(cassette.Interactions.Select(i => i.Request.Body).Distinct());
        Assert.Equal("Too Many Requests", cassette.Interactions[0].Response.ReasonPhrase);
        Assert.Equal(
            [TimeSpan.FromTicks(7_323_544), TimeSpan.FromTicks(6_328_680), TimeSpan.FromTicks(2_839_297), TimeSpan.FromTicks(2_827_374), TimeSpan.FromTicks(3_580_857), TimeSpan.FromTicks(3_094_349)],
            cassette.Interactions.Select(i => i.Response.Duration!.Value));
        Assert.Null(cassette.Interactions[0].Response.Uncompressed);
        Assert.True(cassette.Interactions[5].Response.Uncompressed);
        Assert.Contains("\"content\":\"Olá!\"", cassette.Interactions[5].Response.Body, StringComparison.Ordinal);
        Assert.Equal("https://openrouter.ai/api/v1/chat/completions", cassette.Interactions[3].Request.Url);
    }

    [Fact]
    public void Streaming_cassette_body_is_the_exact_event_stream()
    {
        Cassette cassette = Cassette.Load(TestPaths.Cassette("simple_streaming.yaml"));
        RecordedResponse response = Assert.Single(cassette.Interactions).Response;

        Assert.True(response.IsEventStream);
        Assert.Equal(["text/event-stream"], response.Headers.GetValues("Content-Type"));
        Assert.Equal(TimeSpan.FromTicks(1_925_188), response.Duration);
        Assert.StartsWith("data: {\"id\":\"da8e02b5-c40e-2b4b-33ec-f867d1ba3d3e_us-east-1\"", response.Body, StringComparison.Ordinal);

        // |+ keeps the final blank line: the stream ends with a complete event.
        Assert.EndsWith("\"system_fingerprint\":\"fp_10f00c862d\"}\n\ndata: [DONE]\n\n", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", response.Body, StringComparison.Ordinal);
        Assert.Equal(response.Body.Split("\n\n").Length - 1, response.Body.Split("data: ").Length - 1);
    }

    [Fact]
    public void OpenAI_cassette_keeps_both_durations_and_user_agent()
    {
        Cassette cassette = Cassette.Load(TestPaths.Cassette("openai-gpt-4o-mini__multi_tool_streaming.yaml"));

        Assert.Equal(TimeSpan.FromTicks(12_481_014), cassette.Interactions[0].Response.Duration);
        Assert.Equal(TimeSpan.FromTicks(7_725_786), cassette.Interactions[1].Response.Duration);
        Assert.Equal("Charm-Fantasy/0.33.1 (https://charm.land/fantasy)", cassette.Interactions[0].Request.Headers["User-Agent"]);
        Assert.Equal(853, cassette.Interactions[0].Request.ContentLength);
    }
}
