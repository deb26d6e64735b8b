using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using XaiAot.Chat;
using XaiAot.Recording;

namespace XaiAot.Extensions.AI.Tests;

// XaiAot has its own ChatMessage and ReasoningEffort (wire types); in this namespace the M.E.AI ones are meant.
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;
using ReasoningEffort = Microsoft.Extensions.AI.ReasoningEffort;

/// <summary>Recorded xAI traffic through the IChatClient, request bodies matched against the recordings.</summary>
public class ReplayTests
{
    private static readonly ChatMessage[] SayHi =
    [
        new(ChatRole.System, "You are a helpful assistant"),
        new(ChatRole.User, "Say hi in Portuguese"),
    ];

    private static ChatOptions Options(string model) => new() { ModelId = model, MaxOutputTokens = 4000 };

    [Fact]
    public async Task Non_streaming_answer_usage_and_extras()
    {
        using var replay = new Replay("xai-grok-code-fast__simple.yaml");

        ChatResponse response = await replay.Adapter.GetResponseAsync(SayHi, Options("grok-code-fast-1"));

        Assert.StartsWith("Olá!", response.Text, StringComparison.Ordinal);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal("3d4e99a3-243f-88eb-3ebf-9bba327ac44b", response.ResponseId);
        Assert.Equal("grok-code-fast-1", response.ModelId);
        Assert.Equal(213, response.Usage!.InputTokenCount);
        Assert.Equal(192, response.Usage.CachedInputTokenCount);
        Assert.Equal(178, response.Usage.ReasoningTokenCount);
        Assert.Equal(23 + 178, response.Usage.OutputTokenCount);
        Assert.Equal(414, response.Usage.TotalTokenCount);
        Assert.Equal(0, response.Usage.AdditionalCounts![XaiPropertyNames.NumSourcesUsed]);
        Assert.Equal("fp_10f00c862d", response.AdditionalProperties![XaiPropertyNames.SystemFingerprint]);
        Assert.Equal("grok-code-fast-1", Assert.IsType<ChatCompletion>(response.RawRepresentation).Model);
        Assert.Empty(replay.Handler.UnusedInteractions);
    }

    [Theory]
    [InlineData("simple_streaming.yaml", "grok-code-fast-1")]
    [InlineData("xai-grok-4-fast__simple_streaming.yaml", "grok-4-fast")]
    public async Task Streaming_reasoning_arrives_as_TextReasoningContent_before_the_answer(string cassette, string model)
    {
        using var replay = new Replay(cassette);

        List<ChatResponseUpdate> updates = [];
        await foreach (ChatResponseUpdate update in replay.Adapter.GetStreamingResponseAsync(SayHi, Options(model)))
        {
            updates.Add(update);
        }

        Assert.Empty(replay.Handler.UnusedInteractions);
        Assert.All(updates, u => Assert.IsType<ChatCompletionChunk>(u.RawRepresentation));
        Assert.All(updates, u => Assert.Equal(ChatRole.Assistant, u.Role));
        string id = updates[0].ResponseId!;
        Assert.All(updates, u => Assert.Equal(id, u.ResponseId));

        ChatResponse response = updates.ToChatResponse();
        Assert.Contains("Olá", response.Text, StringComparison.Ordinal);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        ChatMessage message = Assert.Single(response.Messages);

        UsageContent usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().Single();
        Assert.IsType<Usage>(usage.RawRepresentation);
        Assert.True(usage.Details.CachedInputTokenCount > 0);
        Assert.Equal(response.Usage!.TotalTokenCount, usage.Details.InputTokenCount + usage.Details.OutputTokenCount);

        // grok-code-fast streams its reasoning; grok-4-fast keeps it hidden but still counts it.
        int reasoningUpdates = updates.Count(u => u.Contents.OfType<TextReasoningContent>().Any());
        if (model == "grok-code-fast-1")
        {
            Assert.True(reasoningUpdates > 10);
            int lastReasoning = updates.FindLastIndex(u => u.Contents.OfType<TextReasoningContent>().Any());
            int firstText = updates.FindIndex(u => u.Contents.OfType<TextContent>().Any());
            Assert.True(lastReasoning < firstText);
            Assert.IsType<TextReasoningContent>(message.Contents[0]);
            Assert.False(string.IsNullOrWhiteSpace(((TextReasoningContent)message.Contents[0]).Text));
        }
        else
        {
            Assert.Equal(0, reasoningUpdates);
        }

        Assert.True(usage.Details.ReasoningTokenCount > 0);
        Assert.True(replay.Requests[0].GetProperty("stream_options").GetProperty("include_usage").GetBoolean());

        // The fingerprint repeats in every chunk but is reported once.
        Assert.Single(updates, u => u.AdditionalProperties?.ContainsKey(XaiPropertyNames.SystemFingerprint) == true);
    }

    [Fact]
    public async Task Unknown_options_reach_the_wire_exactly_and_an_api_error_comes_through_typed()
    {
        // The OpenRouter recording sent "provider" and "usage" members the schema does not know; passing them as
        // AdditionalProperties gives the same body (or the replay would throw a mismatch instead of the 429).
        using var replay = new Replay("openrouter-kimi-k2__error_429.yaml", new Uri("https://openrouter.ai/api/v1/"));
        var options = new ChatOptions
        {
            ModelId = "moonshotai/kimi-k2-0905",
            MaxOutputTokens = 4000,
            AdditionalProperties = new()
            {
                ["provider"] = new Dictionary<string, object?> { ["only"] = new[] { "wandb" } },
                ["usage"] = new Dictionary<string, object?> { ["include"] = true },
            },
        };

        XaiApiException error = await Assert.ThrowsAsync<XaiApiException>(() => replay.Adapter.GetResponseAsync(SayHi, options));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Single(replay.Requests);
    }

    [Fact]
    public async Task The_replay_really_compares_bodies_a_missing_strict_flag_is_a_mismatch()
    {
        // Guards the function-invocation tests: without "strict": false the first request differs from the recording.
        using var replay = new Replay("xai-grok-4-fast__multi_tool.yaml");
        var options = new ChatOptions { ModelId = "grok-4-fast", MaxOutputTokens = 4000, Tools = [ArithmeticFunction.Add(), ArithmeticFunction.Multiply()] };

        CassetteMismatchException error = await Assert.ThrowsAsync<CassetteMismatchException>(() => replay.Adapter.GetResponseAsync(
            [new(ChatRole.System, "You are a helpful assistant. CRITICAL: Always use both add and multiply at the same time ALWAYS."), new(ChatRole.User, "Add and multiply the number 2 and 3")],
            options));

        Assert.Contains("strict", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_middleware_a_tool_call_response_surfaces_FunctionCallContent_and_tool_calls_finish()
    {
        using var replay = new Replay("xai-grok-code-fast__tool_streaming.yaml");
        AIFunctionDeclaration weather = AIFunctionFactory.CreateDeclaration(
            "weather",
            "Get weather information for a location",
            JsonDocument.Parse("""{"properties":{"location":{"description":"the city","type":"string"}},"required":["location"],"type":"object"}""").RootElement);
        var options = new ChatOptions
        {
            ModelId = "grok-code-fast-1",
            MaxOutputTokens = 4000,
            Tools = [weather],
            AdditionalProperties = new() { [XaiPropertyNames.Strict] = false },
        };
        ChatMessage[] history = [new(ChatRole.System, "You are a helpful assistant"), new(ChatRole.User, "What's the weather in Florence,Italy?")];

        List<ChatResponseUpdate> updates = [];
        await foreach (ChatResponseUpdate update in replay.Adapter.GetStreamingResponseAsync(history, options))
        {
            updates.Add(update);
        }

        ChatResponseUpdate finish = Assert.Single(updates, u => u.Contents.OfType<FunctionCallContent>().Any());
        Assert.Equal(ChatFinishReason.ToolCalls, finish.FinishReason);
        FunctionCallContent call = finish.Contents.OfType<FunctionCallContent>().Single();
        Assert.Equal(("call_64629939", "weather"), (call.CallId, call.Name));
        Assert.Equal("Florence,Italy", ((JsonElement)call.Arguments!["location"]!).GetString());

        // Hand the turn back by hand, as an agent framework would: the recorded follow-up matches.
        ChatResponse first = updates.ToChatResponse();
        List<ChatMessage> next = [.. history, .. first.Messages, new(ChatRole.Tool, [new FunctionResultContent(call.CallId, "40 C")])];
        ChatResponse second = await replay.Adapter.GetStreamingResponseAsync(next, options).ToChatResponseAsync();

        Assert.Empty(replay.Handler.UnusedInteractions);
        Assert.EndsWith("°C.", second.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void GetService_exposes_metadata_the_inner_client_and_itself()
    {
        using var replay = new Replay("xai-grok-code-fast__simple.yaml");
        IChatClient client = replay.Client.AsIChatClient("grok-4-fast");

        ChatClientMetadata metadata = client.GetService<ChatClientMetadata>()!;
        Assert.Equal("xai", metadata.ProviderName);
        Assert.Equal(new Uri("https://api.x.ai/v1/"), metadata.ProviderUri);
        Assert.Equal("grok-4-fast", metadata.DefaultModelId);
        Assert.Same(replay.Client, client.GetService<XaiChatClient>());
        Assert.Same(client, client.GetService<XaiChatClientAdapter>());
        Assert.Null(client.GetService<XaiChatClient>("keyed"));
        Assert.Null(client.GetService<string>());
    }
}
