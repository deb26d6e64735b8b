using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using XaiAot.Chat;
using XaiAot.Tests.Support;

namespace XaiAot.Tests.Telemetry;

/// <summary>
/// Spans and metrics as the OpenTelemetry GenAI conventions name them, over the recorded streamed
/// conversation served by a loopback Kestrel: a streamed call, a whole call, an error after a
/// retry, a cancelled stream, a stream the caller leaves, and content capture on and off.
/// </summary>
public sealed class TelemetryTests
{
    private static readonly string SeedBody = SharedCassettes.Load("simple_streaming.yaml").Interactions[0].Response.Body;

    private static ChatCompletionRequest Request(string model) => new()
    {
        Model = model,
        Messages = new ChatMessage[] { new UserMessage { Content = "Say hi in Portuguese" } },
        Temperature = 0.25,
        MaxTokens = 4000,
    };

    private static object? Tag(Activity span, string name) => span.TagObjects.FirstOrDefault(t => t.Key == name).Value;

    private static object? Tag(KeyValuePair<string, object?>[] tags, string name) => tags.FirstOrDefault(t => t.Key == name).Value;

    [Fact]
    public async Task A_streamed_call_is_one_client_span_with_request_response_and_usage_and_three_metrics()
    {
        using var capture = new TelemetryCapture();
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Responses.Trickle(context, "text/event-stream", SeedBody, 4096, TimeSpan.Zero));
        ChatCompletionStream stream = server.Client().CompleteStreamingAsync(Request(capture.Model));
        await foreach (ChatCompletionChunk _ in stream)
        {
        }

        ChatCompletion completion = stream.BuildCompletion();
        Activity span = Assert.Single(capture.Spans);
        Assert.Equal("chat " + capture.Model, span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal("chat", Tag(span, "gen_ai.operation.name"));
        Assert.Equal("x_ai", Tag(span, "gen_ai.provider.name"));
        Assert.Equal(capture.Model, Tag(span, "gen_ai.request.model"));
        Assert.Equal(0.25, Tag(span, "gen_ai.request.temperature"));
        Assert.Equal(4000L, Tag(span, "gen_ai.request.max_tokens"));
        Assert.Equal("127.0.0.1", Tag(span, "server.address"));
        Assert.Equal(server.BaseAddress.Port, Tag(span, "server.port"));
        Assert.Equal(completion.Id, Tag(span, "gen_ai.response.id"));
        Assert.Equal(completion.Model, Tag(span, "gen_ai.response.model"));
        Assert.Equal(new[] { "stop" }, Tag(span, "gen_ai.response.finish_reasons"));
        Assert.Equal(completion.Usage!.PromptTokens, Tag(span, "gen_ai.usage.input_tokens"));
        Assert.Equal(completion.Usage.CompletionTokens, Tag(span, "gen_ai.usage.output_tokens"));
        Assert.Equal(completion.Usage.CompletionTokensDetails!.ReasoningTokens, Tag(span, "gen_ai.usage.reasoning.output_tokens"));
        Assert.Null(Tag(span, "gen_ai.input.messages")); // content is off unless asked for
        Assert.Null(Tag(span, "error.type"));
        Assert.Contains(span.Events, e => e.Name == "gen_ai.first_chunk");

        var tokens = capture.Measurements("gen_ai.client.token.usage");
        Assert.Equal(completion.Usage.PromptTokens, tokens.Single(t => Equals(Tag(t.Tags, "gen_ai.token.type"), "input")).Value);
        Assert.Equal(completion.Usage.CompletionTokens, tokens.Single(t => Equals(Tag(t.Tags, "gen_ai.token.type"), "output")).Value);
        var duration = Assert.Single(capture.Measurements("gen_ai.client.operation.duration"));
        Assert.Equal(completion.Model, Tag(duration.Tags, "gen_ai.response.model"));
        double firstChunk = Assert.Single(capture.Measurements("gen_ai.client.operation.time_to_first_chunk")).Value;
        Assert.InRange(firstChunk, 0, duration.Value);
    }

    [Fact]
    public async Task Message_content_is_recorded_only_when_asked_and_a_whole_call_has_no_first_chunk()
    {
        using var capture = new TelemetryCapture();
        string body = JsonSerializer.Serialize(new ChatCompletion
        {
            Id = "r1",
            Model = capture.Model,
            Created = 1,
            Choices = [new Choice { Index = 0, Message = new ResponseMessage { Role = Role.Assistant, Content = "Olá!" }, FinishReason = FinishReason.Stop }],
        }, XaiChatJsonContext.Default.ChatCompletion);
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Responses.Trickle(context, "application/json", body, 4096, TimeSpan.Zero));

        await server.Client(new XaiClientOptions { RecordMessageContent = true }).CompleteAsync(Request(capture.Model));

        Activity span = Assert.Single(capture.Spans);
        using JsonDocument input = JsonDocument.Parse((string)Tag(span, "gen_ai.input.messages")!);
        Assert.Equal("user", input.RootElement[0].GetProperty("role").GetString());
        Assert.Equal("Say hi in Portuguese", input.RootElement[0].GetProperty("parts")[0].GetProperty("content").GetString());
        using JsonDocument output = JsonDocument.Parse((string)Tag(span, "gen_ai.output.messages")!);
        Assert.Equal("Olá!", output.RootElement[0].GetProperty("parts")[0].GetProperty("content").GetString());
        Assert.Equal("stop", output.RootElement[0].GetProperty("finish_reason").GetString());
        Assert.Empty(capture.Measurements("gen_ai.client.operation.time_to_first_chunk"));
        Assert.Single(capture.Measurements("gen_ai.client.operation.duration"));
    }

    [Fact]
    public async Task An_error_after_a_retry_shows_the_retry_and_the_status_as_error_type()
    {
        using var capture = new TelemetryCapture();
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, n) =>
        {
            context.Response.StatusCode = n == 0 ? 503 : 400;
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync("{\"error\":{\"message\":\"no\",\"type\":\"invalid_request_error\"}}"u8.ToArray());
        });
        XaiChatClient client = server.Client(new XaiClientOptions { Retry = new XaiRetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) } });

        await Assert.ThrowsAsync<XaiApiException>(async () =>
        {
            await foreach (ChatCompletionChunk _ in client.CompleteStreamingAsync(Request(capture.Model)))
            {
            }
        });

        Activity span = Assert.Single(capture.Spans);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("400", Tag(span, "error.type"));
        ActivityEvent retry = Assert.Single(span.Events, e => e.Name == "xaiaot.retry");
        Assert.Equal(503, retry.Tags.First(t => t.Key == "http.response.status_code").Value);
        Assert.Equal(1, Tag(span, "http.request.resend_count"));
        Assert.Equal("400", Tag(Assert.Single(capture.Measurements("gen_ai.client.operation.duration")).Tags, "error.type"));
        Assert.Empty(capture.Measurements("gen_ai.client.token.usage"));
    }

    [Fact]
    public async Task A_cancelled_stream_is_an_error_of_type_cancelled_and_a_stream_left_early_is_not_an_error()
    {
        using var capture = new TelemetryCapture();
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
            Responses.Trickle(context, "text/event-stream", SeedBody, 64, TimeSpan.FromMilliseconds(5)));

        using (var cancel = new CancellationTokenSource())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                await foreach (ChatCompletionChunk _ in server.Client().CompleteStreamingAsync(Request(capture.Model), cancel.Token))
                {
                    cancel.Cancel();
                }
            });
        }

        await foreach (ChatCompletionChunk _ in server.Client().CompleteStreamingAsync(Request(capture.Model)))
        {
            break;
        }

        Assert.Equal(2, capture.Spans.Count);
        Activity cancelled = capture.Spans[0];
        Assert.Equal(ActivityStatusCode.Error, cancelled.Status);
        Assert.Equal("cancelled", Tag(cancelled, "error.type"));
        Activity left = capture.Spans[1];
        Assert.Equal(ActivityStatusCode.Unset, left.Status);
        Assert.Equal(true, Tag(left, "xaiaot.stream.abandoned"));
        Assert.Equal(2, capture.Measurements("gen_ai.client.operation.duration").Count);
    }
}
