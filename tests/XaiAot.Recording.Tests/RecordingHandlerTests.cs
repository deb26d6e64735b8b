using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace XaiAot.Recording.Tests;

public class RecordingHandlerTests
{
    private const string Key = "xai-Sup3rS3cretKey+/With=Odd&Chars";
    private const string Url = "https://api.x.ai/v1/chat/completions";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static HttpRequestMessage KeyLadenRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Url}?api_key={Uri.EscapeDataString(Key)}&stream=true")
        {
            Content = new StringContent($"{{\"model\":\"grok-4\",\"echo\":\"{Key}\",\"stream\":true}}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        request.Headers.Add("X-Api-Key", Key);
        request.Headers.Add("Cookie", "session=abc");
        request.Headers.Add("X-Debug-Echo", "prefix-" + Key);
        request.Headers.UserAgent.ParseAdd("XaiAot.Tests/1.0");
        return request;
    }

    private static HttpResponseMessage StreamingResponse(PieceStream body)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Version = HttpVersion.Version20, Content = new StreamContent(body) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
        response.Headers.Add("X-Request-Id", "req-123");
        response.Headers.Add("Set-Cookie", "tracking=1");
        response.Headers.Add("X-Echo", Key);
        return response;
    }

    [Fact]
    public async Task A_streamed_body_reaches_the_caller_piece_by_piece_and_is_recorded_when_it_ends()
    {
        var body = new PieceStream();
        var time = new FakeTimeProvider();
        var inner = new StubHandler(_ => StreamingResponse(body));
        var recorder = new CassetteRecordingHandler(inner, new CassetteRecordingOptions { ApiKey = Key, TimeProvider = time });
        using var client = new HttpClient(recorder);

        using HttpResponseMessage response = await client.SendAsync(KeyLadenRequest(), HttpCompletionOption.ResponseHeadersRead);
        using Stream stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[4096];

        Task<int> first = stream.ReadAsync(buffer, 0, buffer.Length);
        Assert.False(first.IsCompleted, "nothing was sent yet");
        body.Send("data: {\"n\":1}\n\n");
        Assert.Equal("data: {\"n\":1}\n\n", Encoding.UTF8.GetString(buffer, 0, await first.WaitAsync(Patience)));

        // The first piece arrived while the stream is still open: nothing was buffered ahead of the caller.
        Assert.Empty(recorder.Cassette.Interactions);
        Assert.Equal(1, recorder.PendingCount);

        time.Advance(TimeSpan.FromMilliseconds(1500));
        Task<int> second = stream.ReadAsync(buffer, 0, buffer.Length);
        Assert.False(second.IsCompleted);
        body.Send($"data: {{\"echo\":\"{Key}\"}}\n\n");
        Assert.Equal($"data: {{\"echo\":\"{Key}\"}}\n\n", Encoding.UTF8.GetString(buffer, 0, await second.WaitAsync(Patience)));

        body.Send("data: [DONE]\n\n");
        body.End();
        Assert.Equal("data: [DONE]\n\n", Encoding.UTF8.GetString(buffer, 0, await stream.ReadAsync(buffer, 0, buffer.Length).WaitAsync(Patience)));
        time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.Equal(0, await stream.ReadAsync(buffer, 0, buffer.Length).WaitAsync(Patience));

        CassetteInteraction interaction = Assert.Single(recorder.Cassette.Interactions);
        Assert.Equal(0, recorder.PendingCount);
        Assert.Equal(0, interaction.Id);
        Assert.Equal("data: {\"n\":1}\n\ndata: {\"echo\":\"REDACTED\"}\n\ndata: [DONE]\n\n", interaction.Response.Body);
        Assert.Equal(TimeSpan.FromMilliseconds(1750), interaction.Response.Duration);
        Assert.Equal(200, interaction.Response.Code);
        Assert.Equal("200 OK", interaction.Response.Status);
        Assert.Equal("HTTP/2.0", interaction.Response.Proto);
        Assert.Equal(-1, interaction.Response.ContentLength);
        Assert.True(interaction.Response.IsEventStream);
        Assert.Equal("req-123", interaction.Response.Headers["x-request-id"]);
        Assert.Equal("REDACTED", interaction.Response.Headers["X-Echo"]);
        Assert.False(interaction.Response.Headers.Contains("Set-Cookie"));

        // What the caller saw is untouched by recording.
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["tracking=1"], response.Headers.GetValues("Set-Cookie"));
    }

    [Fact]
    public async Task The_key_never_reaches_the_saved_yaml()
    {
        var body = new PieceStream();
        var inner = new StubHandler(_ => StreamingResponse(body));
        var recorder = new CassetteRecordingHandler(inner, new CassetteRecordingOptions { ApiKey = Key });
        using var client = new HttpClient(recorder);
        body.Send($"data: {{\"you_sent\":\"{Key}\"}}\n\n");
        body.End();

        using HttpResponseMessage response = await client.SendAsync(KeyLadenRequest());

        // The real request went out whole: only the recording is scrubbed.
        Assert.Equal($"Bearer {Key}", inner.LastAuthorization);
        Assert.Contains(Key, inner.LastRequestBody!, StringComparison.Ordinal);
        Assert.Contains(Key, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        string path = Path.Combine(Path.GetTempPath(), $"xaiaot-rec-{Guid.NewGuid():N}.yaml");
        try
        {
            recorder.Save(path);
            string yaml = File.ReadAllText(path);

            Assert.DoesNotContain(Key, yaml, StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(Key), yaml, StringComparison.Ordinal);
            Assert.DoesNotContain("Sup3rS3cret", yaml, StringComparison.Ordinal);
            Assert.DoesNotContain("Authorization", yaml, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("X-Api-Key", yaml, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Cookie", yaml, StringComparison.OrdinalIgnoreCase);

            RecordedRequest request = Assert.Single(Cassette.Load(path).Interactions).Request;
            Assert.Equal($"{Url}?api_key=REDACTED&stream=true", request.Url);
            Assert.Equal("{\"model\":\"grok-4\",\"echo\":\"REDACTED\",\"stream\":true}", request.Body);
            Assert.Equal("prefix-REDACTED", request.Headers["X-Debug-Echo"]);
            Assert.Equal("XaiAot.Tests/1.0", request.Headers["User-Agent"]);
            Assert.Equal("application/json; charset=utf-8", request.Headers["Content-Type"]);
            Assert.Equal("POST", request.Method);
            Assert.Equal("HTTP/1.1", request.Proto);
            Assert.Equal(Encoding.UTF8.GetByteCount($"{{\"model\":\"grok-4\",\"echo\":\"{Key}\",\"stream\":true}}"), request.ContentLength);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_response_disposed_early_is_recorded_as_far_as_it_was_read()
    {
        var body = new PieceStream();
        var recorder = new CassetteRecordingHandler(new StubHandler(_ => StreamingResponse(body)));
        using var client = new HttpClient(recorder);

        HttpResponseMessage response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, Url), HttpCompletionOption.ResponseHeadersRead);
        Stream stream = await response.Content.ReadAsStreamAsync();
        body.Send("data: partial\n\n");
        byte[] buffer = new byte[100];
        Assert.Equal(15, await stream.ReadAsync(buffer).AsTask().WaitAsync(Patience));
        Assert.Empty(recorder.Cassette.Interactions);

        response.Dispose();

        Assert.Equal("data: partial\n\n", Assert.Single(recorder.Cassette.Interactions).Response.Body);
        Assert.Equal(0, recorder.PendingCount);
        Assert.True(body.Disposed);
    }

    [Fact]
    public async Task A_recorded_exchange_replays_offline()
    {
        const string requestBody = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"model\":\"grok-4\"}";
        const string responseBody = "{\"id\":\"r1\",\"choices\":[{\"message\":{\"content\":\"Olá!\"}}]}";
        var recorder = new CassetteRecordingHandler(
            new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(responseBody, Encoding.UTF8, "application/json") }),
            new CassetteRecordingOptions { ApiKey = Key });
        using (var live = new HttpClient(recorder))
        {
            using HttpResponseMessage response = await live.PostAsync(Url, new StringContent(requestBody, Encoding.UTF8, "application/json"));
            Assert.Equal(responseBody, await response.Content.ReadAsStringAsync());
        }

        // The default completion option buffers the body, so the interaction is complete on return.
        Cassette cassette = Cassette.Parse(recorder.ToYaml());
        Assert.Equal(Encoding.UTF8.GetByteCount(responseBody), cassette.Interactions[0].Response.ContentLength);
        using var offline = new HttpClient(new CassetteReplayHandler(cassette));
        using HttpResponseMessage replayed = await offline.PostAsync(Url, new StringContent(requestBody, Encoding.UTF8, "application/json"));

        Assert.Equal(responseBody, await replayed.Content.ReadAsStringAsync());
        Assert.Equal("utf-8", replayed.Content.Headers.ContentType?.CharSet);
    }

    [Fact]
    public async Task Interactions_are_numbered_after_those_already_in_the_cassette()
    {
        Cassette existing = Cassette.Load(TestPaths.Cassette("xai-grok-code-fast__tool.yaml"));
        var recorder = new CassetteRecordingHandler(
            new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("slow down") }),
            new CassetteRecordingOptions { Cassette = existing });
        using var client = new HttpClient(recorder);

        using HttpResponseMessage response = await client.GetAsync(Url);

        Assert.Same(existing, recorder.Cassette);
        Assert.Equal(3, existing.Interactions.Count);
        Assert.Equal(2, existing.Interactions[2].Id);
        Assert.Equal("429 Too Many Requests", existing.Interactions[2].Response.Status);
        Assert.Equal("slow down", existing.Interactions[2].Response.Body);
        Assert.Equal("", existing.Interactions[2].Request.Body);
    }

    [Fact]
    public void The_synchronous_Send_path_records_too()
    {
        var inner = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("pong") });
        var recorder = new CassetteRecordingHandler(inner, new CassetteRecordingOptions { Secrets = { "hunter2" } });
        using var client = new HttpClient(recorder);

        using HttpResponseMessage response = client.Send(new HttpRequestMessage(HttpMethod.Post, "https://example.test/ping") { Content = new StringContent("password is hunter2") });

        Assert.Equal("password is hunter2", inner.LastRequestBody);
        CassetteInteraction interaction = Assert.Single(recorder.Cassette.Interactions);
        Assert.Equal("password is REDACTED", interaction.Request.Body);
        Assert.Equal("pong", interaction.Response.Body);
    }

    [Fact]
    public async Task A_failed_exchange_records_nothing()
    {
        var recorder = new CassetteRecordingHandler(new StubHandler(_ => throw new HttpRequestException("connection refused")));
        using var client = new HttpClient(recorder);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(Url));

        Assert.Empty(recorder.Cassette.Interactions);
        Assert.Equal(0, recorder.PendingCount);
    }

    [Theory]
    [InlineData("Authorization", true)]
    [InlineData("Proxy-Authorization", true)]
    [InlineData("X-Api-Key", true)]
    [InlineData("api-key", true)]
    [InlineData("X-Auth-Token", true)]
    [InlineData("Cookie", true)]
    [InlineData("Set-Cookie", true)]
    [InlineData("X-Client-Secret", true)]
    [InlineData("X-Amz-Security-Token", true)]
    [InlineData("Content-Type", false)]
    [InlineData("User-Agent", false)]
    [InlineData("Accept", false)]
    [InlineData("X-Request-Id", false)]
    public void Secret_looking_header_names_are_recognized(string name, bool secret)
    {
        Assert.Equal(secret, SecretScrubber.IsSecretHeaderName(name));
    }
}
