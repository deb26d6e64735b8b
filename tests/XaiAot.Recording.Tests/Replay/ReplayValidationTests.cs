using System;
using System.Net.Http;

namespace XaiAot.Recording.Tests;

/// <summary>
/// A cassette built or changed in code never passed the reader: the replay handler holds it to
/// the same rules when it is created, instead of failing inside HttpResponseMessage (an
/// ArgumentOutOfRangeException for code -1) or replaying an altered response.
/// </summary>
public class ReplayValidationTests
{
    private static Cassette Valid() => Cassette.Parse(HostileYaml.Valid, "built.yaml");

    [Theory]
    [InlineData("code", "expected an HTTP status code from 100 to 599 for 'code', found -1")]
    [InlineData("proto_major", "expected a single digit for 'proto_major' (as in HTTP/1.1), found -1")]
    [InlineData("status", "expected a status line without line breaks for 'status', found '200 OK\\r\\nX: 1'")]
    [InlineData("header", "expected a value without line breaks for 'headers.X-Test', found 'a\\r\\nb'")]
    [InlineData("header name", "expected a header name (letters, digits and !#$%&'*+-.^_`|~) in 'headers', found 'X Test'")]
    [InlineData("trailer", "expected a value without line breaks for 'trailer.X-Test', found 'a\\nb'")]
    [InlineData("duration", "expected a duration of 0 or more for 'duration', found -00:00:05")]
    [InlineData("body", "expected Unicode text for 'body', found the unpaired surrogate \\uD800 at character 2, which has no UTF-8 form")]
    public void A_response_field_replay_cannot_reproduce_is_refused_when_the_handler_is_created(string field, string problem)
    {
        Cassette cassette = Valid();
        cassette.Interactions.Add(new CassetteInteraction(7, cassette.Interactions[0].Request, new RecordedResponse { Code = 200, Body = "ok" }));
        RecordedResponse response = cassette.Interactions[1].Response;
        switch (field)
        {
            case "code": response.Code = -1; break;
            case "proto_major": response.ProtoMajor = -1; break;
            case "status": response.Status = "200 OK\r\nX: 1"; break;
            case "header": response.Headers.Add("X-Test", "a\r\nb"); break;
            case "header name": response.Headers.Add("X Test", "a"); break;
            case "trailer": response.Trailer = new MultiValueMap { { "X-Test", "a\nb" } }; break;
            case "duration": response.Duration = TimeSpan.FromSeconds(-5); break;
            case "body": response.Body = "ok\uD800"; break;
        }

        CassetteFormatException ex = Assert.Throws<CassetteFormatException>(() => new CassetteReplayHandler(cassette));

        Assert.Equal("built.yaml", ex.SourceName);
        Assert.Null(ex.Line);
        Assert.Equal($"in the response of interaction 1 (id 7): {problem}", ex.Problem);
        Assert.Equal($"built.yaml: not a go-vcr cassette: in the response of interaction 1 (id 7): {problem}", ex.Message);
    }

    [Fact]
    public void A_request_field_is_named_as_the_request()
    {
        Cassette cassette = Valid();
        cassette.Interactions[0].Request.Method = "GET /x";

        CassetteFormatException ex = Assert.Throws<CassetteFormatException>(() => new CassetteReplayHandler(cassette));

        Assert.StartsWith("in the request of interaction 0 (id 0): expected an HTTP method", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_cassette_built_in_code_replays()
    {
        using var handler = new CassetteReplayHandler(Valid());
        using var client = new HttpClient(handler);

        using HttpResponseMessage response = client.Send(new HttpRequestMessage(HttpMethod.Post, "https://api.x.ai/v1/chat/completions") { Content = new StringContent("{}") });

        Assert.Equal(200, (int)response.StatusCode);
    }
}
