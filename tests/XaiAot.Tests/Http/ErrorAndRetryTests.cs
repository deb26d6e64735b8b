using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using XaiAot.Chat;
using XaiAot.Tests.Support;

namespace XaiAot.Tests.Http;

/// <summary>HTTP error bodies of every shape, and retries only where they are safe.</summary>
public sealed class ErrorAndRetryTests
{
    private const string Key = "xai-SECRET-0123456789abcdef";

    private static ChatCompletionRequest Request() => new()
    {
        Model = "grok-4-fast",
        Messages = new ChatMessage[] { new UserMessage { Content = "hi" } },
    };

    private static Task Error(HttpContext context, int status, string contentType, string body, string? retryAfter = null, string? requestId = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        if (requestId is not null)
        {
            context.Response.Headers["x-request-id"] = requestId;
        }

        return context.Response.WriteAsync(body);
    }

    private static Task Success(HttpContext context) =>
        Responses.Recorded(context, SharedCassettes.Load("xai-grok-code-fast__simple.yaml").Interactions[0].Response);

    [Fact]
    public async Task Xai_flat_error_body_with_request_id()
    {
        const string Body = """{"code":"Client specified an invalid argument","error":"Incorrect API key provided: xa***ef."}""";
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, _) => Error(c, 400, "application/json", Body, requestId: "req-123"));
        var error = await Assert.ThrowsAsync<XaiApiException>(() => server.Client(new XaiClientOptions { ApiKey = Key }).CompleteAsync(Request()));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("Client specified an invalid argument", error.CodeText);
        Assert.Equal("Incorrect API key provided: xa***ef.", error.MessageText);
        Assert.Equal("req-123", error.RequestId);
        Assert.Equal(Body, error.RawBody);
        Assert.Contains("400", error.Message, StringComparison.Ordinal);
        Assert.Contains("req-123", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.ToString(), StringComparison.Ordinal);
        Assert.Single(server.Requests); // 400 is not retried
    }

    [Fact]
    public async Task OpenAI_nested_error_body()
    {
        const string Body = """{"error":{"message":"The model `gpt-9` does not exist","type":"invalid_request_error","param":"model","code":"model_not_found"}}""";
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, _) => Error(c, 404, "application/json; charset=utf-8", Body));
        var error = await Assert.ThrowsAsync<XaiApiException>(() => server.Client().CompleteAsync(Request()));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("model_not_found", error.CodeText);
        Assert.Equal("The model `gpt-9` does not exist", error.MessageText);
        Assert.Equal("model", error.Error!.Error!.Value.AsErrorDetail.Param);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_kept_verbatim()
    {
        const string Body = "upstream connect error or disconnect/reset before headers. reset reason: overflow";
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, _) => Error(c, 503, "text/plain", Body));
        var error = await Assert.ThrowsAsync<XaiApiException>(() => server.Client(new XaiClientOptions { Retry = XaiRetryOptions.None }).CompleteAsync(Request()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Null(error.Error);
        Assert.Equal(Body, error.RawBody);
        Assert.Equal(Body, error.MessageText);
        Assert.Null(error.CodeText);
    }

    [Fact]
    public async Task A_429_with_retry_after_seconds_is_retried_after_that_long()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, n) =>
            n == 0 ? Error(c, 429, "application/json", """{"error":{"message":"slow down","code":429}}""", retryAfter: "1") : Success(c));
        ChatCompletion completion = await server.Client(new XaiClientOptions { ApiKey = Key }).CompleteAsync(Request());

        Assert.Equal("stop", completion.Choices[0].FinishReason!.Value.Value);
        ReceivedRequest[] sent = server.Requests.ToArray();
        Assert.Equal(2, sent.Length);
        Assert.True(sent[1].At - sent[0].At >= TimeSpan.FromMilliseconds(900), "waited " + (sent[1].At - sent[0].At));
        Assert.Equal(sent[0].Body, sent[1].Body);
    }

    [Fact]
    public async Task A_retry_after_http_date_is_honoured()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, n) =>
            n == 0 ? Error(c, 503, "text/plain", "busy", retryAfter: DateTimeOffset.UtcNow.AddSeconds(2).ToString("R")) : Success(c));
        await server.Client().CompleteAsync(Request());

        ReceivedRequest[] sent = server.Requests.ToArray();
        Assert.Equal(2, sent.Length);
        // HTTP dates have whole seconds, so the wait is between 1 and 2 seconds.
        Assert.True(sent[1].At - sent[0].At >= TimeSpan.FromMilliseconds(900), "waited " + (sent[1].At - sent[0].At));
    }

    [Fact]
    public async Task A_retry_after_beyond_the_limit_is_not_waited_for()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, _) => Error(c, 429, "application/json", """{"code":"rate_limited","error":"quota"}""", retryAfter: "3600"));
        var error = await Assert.ThrowsAsync<XaiApiException>(() => server.Client().CompleteAsync(Request()));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1), error.RetryAfter);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff_up_to_the_limit()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, _) => Error(c, 500, "application/json", """{"code":"Internal","error":"boom"}"""));
        var options = new XaiClientOptions { Retry = new XaiRetryOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(100) } };
        var error = await Assert.ThrowsAsync<XaiApiException>(() => server.Client(options).CompleteAsync(Request()));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("boom", error.MessageText);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task Retries_can_be_turned_off()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, _) => Error(c, 502, "text/plain", "bad gateway"));
        await Assert.ThrowsAsync<XaiApiException>(() => server.Client(new XaiClientOptions { Retry = XaiRetryOptions.None }).CompleteAsync(Request()));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_stream_refused_before_its_body_is_retried()
    {
        string seed = SharedCassettes.Load("simple_streaming.yaml").Interactions[0].Response.Body;
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, n) =>
            n == 0 ? Error(c, 429, "application/json", """{"code":"busy","error":"later"}""", retryAfter: "0") : Responses.Trickle(c, "text/event-stream", seed, 4096, TimeSpan.Zero));
        int chunks = 0;
        await foreach (ChatCompletionChunk _ in server.Client().CompleteStreamingAsync(Request()))
        {
            chunks++;
        }

        Assert.Equal(SseText.DataPayloads(seed).Count - 1, chunks);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public void Options_never_show_the_key()
    {
        var options = new XaiClientOptions { ApiKey = Key };
        Assert.DoesNotContain(Key, options.ToString(), StringComparison.Ordinal);
        Assert.Contains("ApiKey = set", options.ToString(), StringComparison.Ordinal);
    }
}
