using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace XaiAot.Recording.Tests;

public class ReplayHandlerTests
{
    private const string XaiUrl = "https://api.x.ai/v1/chat/completions";

    private static Cassette Load(string name) => Cassette.Load(TestPaths.Cassette(name));

    private static HttpRequestMessage Post(string url, string body) =>
        new(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    [Fact]
    public async Task Non_streaming_response_comes_back_exactly()
    {
        Cassette cassette = Load("xai-grok-code-fast__simple.yaml");
        CassetteInteraction recorded = cassette.Interactions[0];
        using var client = new HttpClient(new CassetteReplayHandler(cassette));

        using HttpResponseMessage response = await client.SendAsync(Post(recorded.Request.Url, recorded.Request.Body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("OK", response.ReasonPhrase);
        Assert.Equal(new Version(2, 0), response.Version);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        byte[] body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetBytes(recorded.Response.Body), body);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Contains("Olá!", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streaming_response_comes_back_exactly_through_ResponseHeadersRead()
    {
        Cassette cassette = Load("simple_streaming.yaml");
        CassetteInteraction recorded = cassette.Interactions[0];
        using var client = new HttpClient(new CassetteReplayHandler(cassette));

        using HttpResponseMessage response = await client.SendAsync(Post(recorded.Request.Url, recorded.Request.Body), HttpCompletionOption.ResponseHeadersRead);
        using Stream stream = await response.Content.ReadAsStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Encoding.UTF8.GetBytes(recorded.Response.Body), copy.ToArray());
        Assert.EndsWith("data: [DONE]\n\n", Encoding.UTF8.GetString(copy.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_equal_as_JSON_matches_whatever_its_member_order_and_spacing()
    {
        Cassette cassette = Load("xai-grok-code-fast__simple.yaml");
        var json = JsonNode.Parse(cassette.Interactions[0].Request.Body)!.AsObject();
        var reordered = new JsonObject();
        foreach (string name in json.Select(p => p.Key).Reverse().ToList())
        {
            JsonNode? value = json[name];
            json.Remove(name);
            reordered[name] = value;
        }

        string body = reordered.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        Assert.NotEqual(cassette.Interactions[0].Request.Body, body);
        using var client = new HttpClient(new CassetteReplayHandler(cassette));

        using HttpResponseMessage response = await client.SendAsync(Post(XaiUrl, body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Identical_requests_are_served_in_recorded_order_each_once()
    {
        Cassette cassette = Load("openrouter-kimi-k2__error_429.yaml");
        CassetteInteraction first = cassette.Interactions[0];
        var handler = new CassetteReplayHandler(cassette);
        using var client = new HttpClient(handler);

        var codes = new int[6];
        for (int i = 0; i < 6; i++)
        {
            using HttpResponseMessage response = await client.SendAsync(Post(first.Request.Url, first.Request.Body));
            codes[i] = (int)response.StatusCode;
            Assert.Equal(i < 5 ? "Too Many Requests" : "OK", response.ReasonPhrase);
            Assert.Equal(cassette.Interactions[i].Response.Body, await response.Content.ReadAsStringAsync());
            Assert.Equal(Enumerable.Range(i + 1, 5 - i), handler.UnusedInteractions.Select(x => x.Id));
        }

        Assert.Equal([429, 429, 429, 429, 429, 200], codes);

        CassetteMismatchException ex = await Assert.ThrowsAsync<CassetteMismatchException>(
            () => client.SendAsync(Post(first.Request.Url, first.Request.Body)));
        Assert.Contains("6 interactions, 0 unused", ex.Message, StringComparison.Ordinal);
        Assert.Contains("already been served", ex.Message, StringComparison.Ordinal);
        Assert.Contains("already used", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_pick_their_interaction_by_body_not_by_position()
    {
        Cassette cassette = Load("xai-grok-code-fast__tool.yaml");
        var handler = new CassetteReplayHandler(cassette);
        using var client = new HttpClient(handler);

        using HttpResponseMessage second = await client.SendAsync(Post(XaiUrl, cassette.Interactions[1].Request.Body));

        Assert.Contains("40°C", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal([0], handler.UnusedInteractions.Select(i => i.Id));
    }

    [Fact]
    public async Task A_changed_message_shows_the_closest_interaction_and_the_first_differing_member()
    {
        Cassette cassette = Load("xai-grok-code-fast__tool.yaml");
        string body = cassette.Interactions[0].Request.Body.Replace("Florence,Italy", "Paris,France", StringComparison.Ordinal);
        using var client = new HttpClient(new CassetteReplayHandler(cassette));

        CassetteMismatchException ex = await Assert.ThrowsAsync<CassetteMismatchException>(() => client.SendAsync(Post(XaiUrl, body)));

        Assert.Equal("POST", ex.Method);
        Assert.Equal(new Uri(XaiUrl), ex.RequestUri);
        Assert.Equal(0, ex.ClosestInteraction?.Id);
        Assert.StartsWith($"No recorded interaction matches the request POST {XaiUrl}.", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"Closest: interaction 0 (POST {XaiUrl}, unused):", ex.Message, StringComparison.Ordinal);
        Assert.Contains(
            "body differs at $.messages[1].content: recorded \"What's the weather in Florence,Italy?\", request \"What's the weather in Paris,France?\"",
            ex.Message,
            StringComparison.Ordinal);
        Assert.DoesNotContain("url differs", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_member_and_an_extra_item_are_described()
    {
        Cassette cassette = Load("xai-grok-code-fast__simple.yaml");
        var json = JsonNode.Parse(cassette.Interactions[0].Request.Body)!.AsObject();
        json.Remove("max_tokens");
        using var client = new HttpClient(new CassetteReplayHandler(cassette));

        CassetteMismatchException missing = await Assert.ThrowsAsync<CassetteMismatchException>(() => client.SendAsync(Post(XaiUrl, json.ToJsonString())));
        Assert.Equal("body differs at $.max_tokens: recorded 4000, request has no such member", missing.Difference);

        json["max_tokens"] = 4000;
        json["messages"]!.AsArray().Add(new JsonObject { ["role"] = "user", ["content"] = "and in Spanish?" });
        CassetteMismatchException extra = await Assert.ThrowsAsync<CassetteMismatchException>(() => client.SendAsync(Post(XaiUrl, json.ToJsonString())));
        Assert.Equal("body differs at $.messages: recorded 2 items, request 3 items; request [2] is {\"role\":\"user\",\"content\":\"and in Spanish?\"}", extra.Difference);
    }

    [Fact]
    public async Task A_different_url_and_method_are_described()
    {
        Cassette cassette = Load("xai-grok-code-fast__simple.yaml");
        using var client = new HttpClient(new CassetteReplayHandler(cassette));

        CassetteMismatchException ex = await Assert.ThrowsAsync<CassetteMismatchException>(
            () => client.SendAsync(new HttpRequestMessage(HttpMethod.Put, "https://api.x.ai/v1/models") { Content = new StringContent(cassette.Interactions[0].Request.Body) }));

        Assert.Contains("No recorded interaction matches the request PUT https://api.x.ai/v1/models.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("  - method differs: recorded POST, request PUT", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"  - url differs: recorded {XaiUrl}, request https://api.x.ai/v1/models", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("body differs", ex.Message, StringComparison.Ordinal);
        Assert.Contains(cassette.Source!, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_bodies_compare_as_text_and_the_difference_points_at_the_character()
    {
        var cassette = new Cassette();
        cassette.Interactions.Add(new CassetteInteraction(0, new RecordedRequest { Method = "POST", Url = "https://example.test/echo", Body = "hello world, how are you" }, new RecordedResponse { Code = 204 }));
        using var client = new HttpClient(new CassetteReplayHandler(cassette));

        CassetteMismatchException ex = await Assert.ThrowsAsync<CassetteMismatchException>(
            () => client.PostAsync("https://example.test/echo", new StringContent("hello world, who are you")));
        Assert.Equal("body text differs at character 13: recorded hello world, how are you, request hello world, who are you", ex.Difference);

        using HttpResponseMessage ok = await client.PostAsync("https://example.test/echo", new StringContent("hello world, how are you"));
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
    }

    [Fact]
    public async Task An_empty_cassette_says_so()
    {
        using var client = new HttpClient(new CassetteReplayHandler(new Cassette { Source = "none.yaml" }));

        CassetteMismatchException ex = await Assert.ThrowsAsync<CassetteMismatchException>(() => client.GetAsync("https://example.test/"));

        Assert.Null(ex.ClosestInteraction);
        Assert.EndsWith("The cassette has no interactions.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("none.yaml (0 interactions, 0 unused)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MatchBody_off_serves_by_method_and_url_alone()
    {
        Cassette cassette = Load("xai-grok-code-fast__tool.yaml");
        using var client = new HttpClient(new CassetteReplayHandler(cassette, new CassetteReplayOptions { MatchBody = false }));

        using HttpResponseMessage first = await client.SendAsync(Post(XaiUrl, "{}"));
        using HttpResponseMessage second = await client.SendAsync(Post(XaiUrl, "not even json"));

        Assert.Contains("\"finish_reason\":\"tool_calls\"", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("40°C", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_synchronous_Send_path_is_served_too()
    {
        Cassette cassette = Load("xai-grok-code-fast__simple.yaml");
        using var client = new HttpClient(new CassetteReplayHandler(cassette));

        using HttpResponseMessage response = client.Send(Post(XaiUrl, cassette.Interactions[0].Request.Body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(response.Content.ReadAsStream());
        Assert.Equal(cassette.Interactions[0].Response.Body, reader.ReadToEnd());
    }

    [Fact]
    public async Task Recorded_headers_split_between_response_and_content_and_framing_headers_are_dropped()
    {
        var cassette = new Cassette();
        var response = new RecordedResponse { Code = 200, Status = "200 OK", Body = "{}" };
        response.Headers.Add("Content-Type", "application/json; charset=utf-8");
        response.Headers.Add("Content-Length", "999");
        response.Headers.Add("X-Request-Id", "abc");
        response.Headers.Add("Set-Cookie", "a=1");
        response.Headers.Add("Set-Cookie", "b=2");
        cassette.Interactions.Add(new CassetteInteraction(0, new RecordedRequest { Method = "GET", Url = "https://example.test/h" }, response));
        using var client = new HttpClient(new CassetteReplayHandler(cassette));

        using HttpResponseMessage message = await client.GetAsync("https://example.test/h");

        Assert.Equal("utf-8", message.Content.Headers.ContentType?.CharSet);
        Assert.Equal(2, message.Content.Headers.ContentLength);
        Assert.Equal(["abc"], message.Headers.GetValues("x-request-id"));
        Assert.Equal(["a=1", "b=2"], message.Headers.GetValues("Set-Cookie"));
    }
}
