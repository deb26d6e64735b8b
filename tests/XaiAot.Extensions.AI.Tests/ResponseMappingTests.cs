using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using XaiAot.Chat;

namespace XaiAot.Extensions.AI.Tests;

// XaiAot has its own ChatMessage and ReasoningEffort (wire types); in this namespace the M.E.AI ones are meant.
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;
using ReasoningEffort = Microsoft.Extensions.AI.ReasoningEffort;

/// <summary>Wire responses and chunks to ChatResponse / ChatResponseUpdate, from hand-written JSON.</summary>
public class ResponseMappingTests
{
    private static ChatResponse Map(string completionJson) =>
        ResponseMapper.ToResponse(JsonSerializer.Deserialize(completionJson, XaiChatJsonContext.Default.ChatCompletion)!);

    private const string Rich = """
        {"id":"r-1","object":"chat.completion","created":1762854946,"model":"grok-4",
         "choices":[{"index":0,"message":{"role":"assistant","content":"Paris.","reasoning_content":"The capital...","refusal":null,"x_msg":7},
                     "finish_reason":"stop","logprobs":{"content":[{"token":"Paris","logprob":-0.1}]},"x_choice":"c"}],
         "usage":{"prompt_tokens":10,"completion_tokens":2,"total_tokens":17,
                  "prompt_tokens_details":{"text_tokens":10,"audio_tokens":0,"image_tokens":1,"cached_tokens":8},
                  "completion_tokens_details":{"reasoning_tokens":5,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0,"x_detail":3},
                  "num_sources_used":4,"cost_in_usd_ticks":123456,"x_count":9,"x_label":"not a count"},
         "system_fingerprint":"fp_1","service_tier":"default",
         "citations":["https://example.com/a","not a url"],
         "x_future":{"nested":[1,2]}}
        """;

    [Fact]
    public void Reasoning_text_and_ids_map_with_reasoning_first()
    {
        ChatResponse response = Map(Rich);

        ChatMessage message = Assert.Single(response.Messages);
        Assert.Equal(ChatRole.Assistant, message.Role);
        Assert.Equal("The capital...", Assert.IsType<TextReasoningContent>(message.Contents[0]).Text);
        Assert.Equal("Paris.", Assert.IsType<TextContent>(message.Contents[1]).Text);
        Assert.Equal(2, message.Contents.Count);
        Assert.Equal("Paris.", response.Text);
        Assert.Equal("r-1", response.ResponseId);
        Assert.Equal("r-1", message.MessageId);
        Assert.Equal("grok-4", response.ModelId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1762854946), response.CreatedAt);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.IsType<ChatCompletion>(response.RawRepresentation);
        Assert.IsType<ResponseMessage>(message.RawRepresentation);
    }

    [Fact]
    public void Usage_keeps_cached_reasoning_and_xai_counts_and_output_includes_reasoning()
    {
        UsageDetails usage = Map(Rich).Usage!;

        Assert.Equal(10, usage.InputTokenCount);
        Assert.Equal(8, usage.CachedInputTokenCount);
        Assert.Equal(5, usage.ReasoningTokenCount);

        // xAI: total = prompt + completion + reasoning, so reasoning is added to the output count (M.E.AI's contract).
        Assert.Equal(7, usage.OutputTokenCount);
        Assert.Equal(17, usage.TotalTokenCount);
        Assert.Equal(usage.TotalTokenCount, usage.InputTokenCount + usage.OutputTokenCount);

        AdditionalPropertiesDictionary<long> counts = usage.AdditionalCounts!;
        Assert.Equal(2, counts[XaiPropertyNames.CompletionTokens]);
        Assert.Equal(4, counts[XaiPropertyNames.NumSourcesUsed]);
        Assert.Equal(123456, counts[XaiPropertyNames.CostInUsdTicks]);
        Assert.Equal(1, counts[XaiPropertyNames.PromptImageTokens]);
        Assert.Equal(10, counts[XaiPropertyNames.PromptTextTokens]);
        Assert.Equal(9, counts["x_count"]);
        Assert.Equal(3, counts["completion_tokens_details.x_detail"]);
        Assert.False(counts.ContainsKey("x_label"));
    }

    [Fact]
    public void OpenAI_style_usage_where_completion_already_includes_reasoning_is_left_alone()
    {
        UsageDetails usage = Map("""
            {"id":"r","object":"chat.completion","created":1,"model":"m","choices":[],
             "usage":{"prompt_tokens":10,"completion_tokens":20,"total_tokens":30,"completion_tokens_details":{"reasoning_tokens":15}}}
            """).Usage!;

        Assert.Equal(20, usage.OutputTokenCount);
        Assert.Equal(15, usage.ReasoningTokenCount);
        Assert.False(usage.AdditionalCounts?.ContainsKey(XaiPropertyNames.CompletionTokens) ?? false);
    }

    [Fact]
    public void Xai_only_and_unknown_members_reach_AdditionalProperties_as_json()
    {
        ChatResponse response = Map(Rich);
        AdditionalPropertiesDictionary extras = response.AdditionalProperties!;

        Assert.Equal("fp_1", extras[XaiPropertyNames.SystemFingerprint]);
        Assert.Equal("default", extras[XaiPropertyNames.ServiceTier]);
        Assert.Equal(["https://example.com/a", "not a url"], ((JsonElement)extras[XaiPropertyNames.Citations]!).EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("""{"nested":[1,2]}""", ((JsonElement)extras["x_future"]!).GetRawText());
        Assert.Equal("c", ((JsonElement)extras["x_choice"]!).GetString());
        Assert.Equal("Paris", ((JsonElement)extras[XaiPropertyNames.ChoiceLogprobs]!).GetProperty("content")[0].GetProperty("token").GetString());
        Assert.Equal(7, ((JsonElement)response.Messages[0].AdditionalProperties!["x_msg"]!).GetInt32());
    }

    [Fact]
    public void Citations_annotate_the_answer_text()
    {
        TextContent text = Map(Rich).Messages[0].Contents.OfType<TextContent>().Single();

        CitationAnnotation[] citations = text.Annotations!.Cast<CitationAnnotation>().ToArray();
        Assert.Equal(new Uri("https://example.com/a"), citations[0].Url);
        Assert.Null(citations[1].Url);
        Assert.Equal("not a url", citations[1].Title);
    }

    [Fact]
    public void A_response_serializes_with_the_MEAI_options_so_caching_middleware_can_store_it()
    {
        ChatResponse response = Map(Rich);

        string json = JsonSerializer.Serialize(response, AIJsonUtilities.DefaultOptions);
        ChatResponse back = JsonSerializer.Deserialize<ChatResponse>(json, AIJsonUtilities.DefaultOptions)!;

        Assert.Equal("Paris.", back.Text);
        Assert.Equal(123456, back.Usage!.AdditionalCounts![XaiPropertyNames.CostInUsdTicks]);
        Assert.Contains("x_future", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stop", "stop")]
    [InlineData("end_turn", "stop")]
    [InlineData("length", "length")]
    [InlineData("tool_calls", "tool_calls")]
    [InlineData("function_call", "tool_calls")]
    [InlineData("content_filter", "content_filter")]
    [InlineData("something_new", "something_new")]
    public void Finish_reasons_map_and_unknown_ones_survive(string wire, string expected)
    {
        ChatResponse response = Map($$"""
            {"id":"r","object":"chat.completion","created":1,"model":"m",
             "choices":[{"index":0,"message":{"role":"assistant","content":"x"},"finish_reason":"{{wire}}"}]}
            """);
        Assert.Equal(expected, response.FinishReason?.Value);
    }

    [Fact]
    public void Tool_calls_parse_to_json_arguments_server_side_calls_are_informational_and_bad_json_is_reported_not_thrown()
    {
        ChatResponse response = Map("""
            {"id":"r","object":"chat.completion","created":1,"model":"m",
             "choices":[{"index":0,"message":{"role":"assistant","content":"","tool_calls":[
                {"id":"c1","type":"function","function":{"name":"add","arguments":"{\"a\":2,\"b\":[3]}"}},
                {"id":"c2","type":"web_search_call","function":{"name":"web_search","arguments":"{\"query\":\"x\"}"}},
                {"id":"c3","type":"function","function":{"name":"broken","arguments":"{\"a\":"}},
                {"id":"c4","type":"function","function":{"name":"noargs","arguments":""}}]},"finish_reason":"tool_calls"}]}
            """);

        FunctionCallContent[] calls = response.Messages[0].Contents.OfType<FunctionCallContent>().ToArray();
        Assert.Equal(4, calls.Length);
        Assert.Empty(response.Messages[0].Contents.OfType<TextContent>());

        Assert.Equal(("c1", "add"), (calls[0].CallId, calls[0].Name));
        Assert.Equal(2, ((JsonElement)calls[0].Arguments!["a"]!).GetInt32());
        Assert.Equal(JsonValueKind.Array, ((JsonElement)calls[0].Arguments!["b"]!).ValueKind);
        Assert.False(calls[0].InformationalOnly);
        Assert.IsType<ToolCall>(calls[0].RawRepresentation);

        Assert.True(calls[1].InformationalOnly);

        Assert.NotNull(calls[2].Exception);
        Assert.Empty(calls[3].Arguments!);
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
    }

    [Fact]
    public void A_refusal_becomes_error_content()
    {
        ChatResponse response = Map("""
            {"id":"r","object":"chat.completion","created":1,"model":"m",
             "choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":"I can't."},"finish_reason":"stop"}]}
            """);
        ErrorContent error = response.Messages[0].Contents.OfType<ErrorContent>().Single();
        Assert.Equal(("I can't.", "Refusal"), (error.Message, error.ErrorCode));
    }

    [Fact]
    public async Task A_stream_that_ends_without_finish_reason_still_surfaces_its_tool_calls_after_the_last_chunk()
    {
        string sse =
            Chunk("""{"role":"assistant","tool_calls":[{"index":1,"id":"c2","type":"function","function":{"name":"second","arguments":"{\"x\""}}]}""") +
            Chunk("""{"tool_calls":[{"index":0,"id":"c1","type":"function","function":{"name":"first","arguments":"{}"}}]}""") +
            Chunk("""{"tool_calls":[{"index":1,"function":{"arguments":":1}"}}]}""") +
            "data: [DONE]\n\n";
        using var http = new HttpClient(new SseHandler(sse));
        var adapter = new XaiChatClientAdapter(new XaiChatClient(http, new XaiClientOptions { Retry = XaiRetryOptions.None }), "m");

        List<ChatResponseUpdate> updates = [];
        await foreach (ChatResponseUpdate update in adapter.GetStreamingResponseAsync([new(ChatRole.User, "go")]))
        {
            updates.Add(update);
        }

        Assert.Equal(4, updates.Count);
        Assert.All(updates.Take(3), u => Assert.Empty(u.Contents.OfType<FunctionCallContent>()));
        Assert.All(updates.Take(3), u => Assert.IsType<ChatCompletionChunk>(u.RawRepresentation));
        FunctionCallContent[] calls = updates[3].Contents.OfType<FunctionCallContent>().ToArray();
        Assert.Equal(["first", "second"], calls.Select(c => c.Name)); // ordered by index
        Assert.Equal("{\"x\":1}", ((ToolCall)calls[1].RawRepresentation!).Function.Arguments);
        Assert.Equal(1, ((JsonElement)calls[1].Arguments!["x"]!).GetInt32());
        Assert.All(updates, u => Assert.Equal("s-1", u.ResponseId));
    }

    [Fact]
    public async Task Streamed_extras_refusals_and_usage_reach_the_updates()
    {
        string sse =
            Chunk("""{"role":"assistant","content":"Hel","x_delta":true}""") +
            Chunk("""{"content":"lo","refusal":"partly "}""") +
            "data: {\"id\":\"s-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"refusal\":\"refused\"},\"finish_reason\":\"stop\"}]," +
            "\"citations\":[\"https://example.com/s\"],\"x_chunk\":{\"k\":1}}\n\n" +
            "data: {\"id\":\"s-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[]," +
            "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":9,\"completion_tokens_details\":{\"reasoning_tokens\":4},\"cost_in_usd_ticks\":77}}\n\n" +
            "data: [DONE]\n\n";
        using var http = new HttpClient(new SseHandler(sse));
        var adapter = new XaiChatClientAdapter(new XaiChatClient(http, new XaiClientOptions { Retry = XaiRetryOptions.None }), "m");

        List<ChatResponseUpdate> updates = [];
        await foreach (ChatResponseUpdate update in adapter.GetStreamingResponseAsync([new(ChatRole.User, "go")]))
        {
            updates.Add(update);
        }

        Assert.Equal(4, updates.Count);
        Assert.True(((JsonElement)updates[0].AdditionalProperties!["x_delta"]!).GetBoolean());
        Assert.Equal(ChatFinishReason.Stop, updates[2].FinishReason);
        Assert.Equal("partly refused", updates[2].Contents.OfType<ErrorContent>().Single().Message);
        Assert.Equal("https://example.com/s", ((JsonElement)updates[2].AdditionalProperties![XaiPropertyNames.Citations]!)[0].GetString());
        Assert.Equal(1, ((JsonElement)updates[2].AdditionalProperties!["x_chunk"]!).GetProperty("k").GetInt32());

        UsageContent usage = updates[3].Contents.OfType<UsageContent>().Single();
        Assert.Equal((3L, 6L, 9L, 4L), (usage.Details.InputTokenCount, usage.Details.OutputTokenCount, usage.Details.TotalTokenCount, usage.Details.ReasoningTokenCount));
        Assert.Equal(77, usage.Details.AdditionalCounts![XaiPropertyNames.CostInUsdTicks]);

        ChatResponse response = updates.ToChatResponse();
        Assert.Equal("Hello", response.Text);
        Assert.Equal(77, response.Usage!.AdditionalCounts![XaiPropertyNames.CostInUsdTicks]);
    }

    [Fact]
    public async Task Bad_options_fail_at_the_call_and_cancellation_reaches_the_request()
    {
        using var http = new HttpClient(new SseHandler("data: [DONE]\n\n"));
        var adapter = new XaiChatClientAdapter(new XaiChatClient(http, new XaiClientOptions { Retry = XaiRetryOptions.None }));

        // No model: thrown by GetStreamingResponseAsync itself, before anything is enumerated.
        Assert.Throws<InvalidOperationException>(() => adapter.GetStreamingResponseAsync([new(ChatRole.User, "go")]));

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => adapter.GetResponseAsync([new(ChatRole.User, "go")], new ChatOptions { ModelId = "m" }, cancelled.Token));
    }

    private static string Chunk(string delta) =>
        "data: {\"id\":\"s-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":" + delta + "}]}\n\n";

    private sealed class SseHandler(string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(body, Encoding.UTF8, "text/event-stream"),
            });
    }
}
