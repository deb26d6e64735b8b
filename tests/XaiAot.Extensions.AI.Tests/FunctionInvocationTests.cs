using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace XaiAot.Extensions.AI.Tests;

// XaiAot has its own ChatMessage and ReasoningEffort (wire types); in this namespace the M.E.AI ones are meant.
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;
using ReasoningEffort = Microsoft.Extensions.AI.ReasoningEffort;

/// <summary>
/// <c>ChatClientBuilder.UseFunctionInvocation()</c> over recorded tool-call conversations. The replay handler
/// matches every request body against the recording (JSON compared by meaning), so the follow-up request
/// being served at all proves it carried the recorded assistant tool calls and the tool results.
/// </summary>
public class FunctionInvocationTests
{
    private const string MultiToolSystem = "You are a helpful assistant. CRITICAL: Always use both add and multiply at the same time ALWAYS.";
    private const string MultiToolStreamingSystem = "You are a helpful assistant. Always use both add and multiply at the same time.";
    private const string MultiToolUser = "Add and multiply the number 2 and 3";

    private static ChatOptions ArithmeticOptions(string model, AIFunction add, AIFunction multiply) => new()
    {
        ModelId = model,
        MaxOutputTokens = 4000,
        Tools = [add, multiply],
        // The recordings declare "strict": false on each function (the OpenAI adapter's convention for the key).
        AdditionalProperties = new() { [XaiPropertyNames.Strict] = false },
    };

    private static void AssertCalledOnceWith2And3(ArithmeticFunction function)
    {
        IReadOnlyDictionary<string, object?> call = Assert.Single(function.Calls);
        Assert.Equal(["a", "b"], call.Keys.Order());
        Assert.Equal(2, ((JsonElement)call["a"]!).GetInt64());
        Assert.Equal(3, ((JsonElement)call["b"]!).GetInt64());
    }

    private static JsonElement[] Messages(JsonElement request) => request.GetProperty("messages").EnumerateArray().ToArray();

    [Fact]
    public async Task Non_streaming_multi_tool_calls_both_functions_and_sends_their_results_back()
    {
        using var replay = new Replay("xai-grok-4-fast__multi_tool.yaml");
        var add = ArithmeticFunction.Add();
        var multiply = ArithmeticFunction.Multiply();
        using IChatClient client = new ChatClientBuilder(replay.Adapter).UseFunctionInvocation().Build();

        ChatResponse response = await client.GetResponseAsync(
            [new(ChatRole.System, MultiToolSystem), new(ChatRole.User, MultiToolUser)],
            ArithmeticOptions("grok-4-fast", add, multiply));

        AssertCalledOnceWith2And3(add);
        AssertCalledOnceWith2And3(multiply);
        Assert.Empty(replay.Handler.UnusedInteractions);
        Assert.Equal("The sum of 2 and 3 is 5.  \nThe product of 2 and 3 is 6.", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);

        // What the follow-up carried, as sent (the replay already matched it against the recording).
        Assert.Equal(2, replay.Requests.Count);
        JsonElement[] followUp = Messages(replay.Requests[1]);
        Assert.Equal(["system", "user", "assistant", "tool", "tool"], followUp.Select(m => m.GetProperty("role").GetString()));
        JsonElement assistant = followUp[2];
        Assert.False(assistant.TryGetProperty("content", out _), "a tool-call-only assistant message carries no content");
        Assert.Equal(["call_77946408", "call_90297600"], assistant.GetProperty("tool_calls").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(("call_77946408", "5"), (followUp[3].GetProperty("tool_call_id").GetString(), followUp[3].GetProperty("content").GetString()));
        Assert.Equal(("call_90297600", "6"), (followUp[4].GetProperty("tool_call_id").GetString(), followUp[4].GetProperty("content").GetString()));

        // The history the middleware built: the call message, the results, then the answer.
        Assert.Equal([ChatRole.Assistant, ChatRole.Tool, ChatRole.Assistant], response.Messages.Select(m => m.Role));
        Assert.Equal(["add", "multiply"], response.Messages[0].Contents.OfType<FunctionCallContent>().Select(c => c.Name));
        Assert.Equal(new object?[] { 5L, 6L }, response.Messages[1].Contents.OfType<FunctionResultContent>().Select(r => r.Result));

        // Usage is summed over both calls by the middleware, cached and reasoning tokens included.
        Assert.Equal(437 + 666, response.Usage?.InputTokenCount);
        Assert.Equal(304 + 304, response.Usage?.CachedInputTokenCount);
        Assert.Equal(143 + 43, response.Usage?.ReasoningTokenCount);
        Assert.Equal(648 + 734, response.Usage?.TotalTokenCount);
    }

    [Fact]
    public async Task Streaming_multi_tool_echoes_the_streamed_reasoning_and_calls_in_the_follow_up()
    {
        using var replay = new Replay("xai-grok-code-fast__multi_tool_streaming.yaml");
        var add = ArithmeticFunction.Add();
        var multiply = ArithmeticFunction.Multiply();
        using IChatClient client = new ChatClientBuilder(replay.Adapter).UseFunctionInvocation().Build();

        List<ChatResponseUpdate> updates = [];
        await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync(
            [new(ChatRole.System, MultiToolStreamingSystem), new(ChatRole.User, MultiToolUser)],
            ArithmeticOptions("grok-code-fast-1", add, multiply)))
        {
            updates.Add(update);
        }

        AssertCalledOnceWith2And3(add);
        AssertCalledOnceWith2And3(multiply);
        Assert.Empty(replay.Handler.UnusedInteractions);

        JsonElement assistant = Messages(replay.Requests[1])[2];
        Assert.Equal(
            "The user asked to add and multiply 2 and 3. I need to use both tools: add and multiply.\n",
            assistant.GetProperty("reasoning_content").GetString());
        Assert.True(replay.Requests.All(r => r.GetProperty("stream").GetBoolean()));

        ChatResponse response = updates.ToChatResponse();
        Assert.Contains("5", response.Text, StringComparison.Ordinal);
        Assert.Contains("6", response.Text, StringComparison.Ordinal);
        Assert.Equal(ChatFinishReason.Stop, updates.Last(u => u.FinishReason is not null).FinishReason);
    }

    [Fact]
    public async Task Streaming_tool_arguments_split_over_chunks_are_reassembled_and_sent_back_verbatim()
    {
        // OpenAI streams arguments in fragments and with spaces: "{\"a\": 2, \"b\": 3}". The follow-up must send
        // that exact text back (arguments is a string member, so the replay compares it character by character).
        using var replay = new Replay("openai-gpt-4o-mini__multi_tool_streaming.yaml", new Uri("https://api.openai.com/v1/"));
        var add = ArithmeticFunction.Add();
        var multiply = ArithmeticFunction.Multiply();
        using IChatClient client = new ChatClientBuilder(replay.Adapter).UseFunctionInvocation().Build();

        ChatResponse response = await client.GetStreamingResponseAsync(
            [new(ChatRole.System, MultiToolStreamingSystem), new(ChatRole.User, MultiToolUser)],
            ArithmeticOptions("gpt-4o-mini", add, multiply)).ToChatResponseAsync();

        AssertCalledOnceWith2And3(add);
        AssertCalledOnceWith2And3(multiply);
        Assert.Empty(replay.Handler.UnusedInteractions);
        JsonElement[] calls = Messages(replay.Requests[1])[2].GetProperty("tool_calls").EnumerateArray().ToArray();
        Assert.All(calls, c => Assert.Equal("{\"a\": 2, \"b\": 3}", c.GetProperty("function").GetProperty("arguments").GetString()));
        Assert.Contains("6", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streaming_thinking_model_with_reasoning_effort_round_trips_its_long_reasoning()
    {
        using var replay = new Replay("xai-grok-3-mini__thinking_streaming.yaml");
        List<string> locations = [];
        AIFunction weather = AIFunctionFactory.Create(
            ([Description("the city")] string location) =>
            {
                locations.Add(location);
                return "40 C";
            },
            "weather",
            "Get weather information for a location");
        using IChatClient client = new ChatClientBuilder(replay.Adapter).UseFunctionInvocation().Build();

        var options = new ChatOptions
        {
            ModelId = "grok-3-mini",
            Tools = [weather],
            AdditionalProperties = new() { [XaiPropertyNames.Strict] = false, [XaiPropertyNames.ReasoningEffort] = "high" },
        };
        List<ChatResponseUpdate> updates = [];
        await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync(
            [new(ChatRole.System, "You are a helpful assistant"), new(ChatRole.User, "What's the weather in Florence, Italy?")], options))
        {
            updates.Add(update);
        }

        Assert.Equal(["Florence, Italy"], locations);
        Assert.Empty(replay.Handler.UnusedInteractions);
        Assert.Equal("high", replay.Requests[0].GetProperty("reasoning_effort").GetString());
        Assert.Equal("40 C", Messages(replay.Requests[1])[3].GetProperty("content").GetString());

        // Reasoning streamed in many small pieces, before any answer text of the same turn.
        int firstReasoning = updates.FindIndex(u => u.Contents.OfType<TextReasoningContent>().Any());
        int firstText = updates.FindIndex(u => u.Contents.OfType<TextContent>().Any());
        Assert.InRange(firstReasoning, 0, firstText - 1);
        Assert.True(updates.Count(u => u.Contents.OfType<TextReasoningContent>().Any()) > 100);
        Assert.EndsWith("40°C.", string.Concat(updates.Select(u => u.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AIFunctionFactory_functions_work_unchanged_and_string_results_are_sent_as_text()
    {
        using var replay = new Replay("xai-grok-code-fast__tool.yaml");
        string? received = null;
        AIFunction weather = AIFunctionFactory.Create(
            ([Description("the city")] string location) =>
            {
                received = location;
                return "40 C";
            },
            "weather",
            "Get weather information for a location");
        using IChatClient client = new ChatClientBuilder(replay.Adapter).UseFunctionInvocation().Build();

        ChatResponse response = await client.GetResponseAsync(
            [new(ChatRole.System, "You are a helpful assistant"), new(ChatRole.User, "What's the weather in Florence,Italy?")],
            new ChatOptions
            {
                ModelId = "grok-code-fast-1",
                MaxOutputTokens = 4000,
                Tools = [weather],
                AdditionalProperties = new() { [XaiPropertyNames.Strict] = false },
            });

        Assert.Equal("Florence,Italy", received);
        Assert.Empty(replay.Handler.UnusedInteractions);

        // A JSON string result goes out as its text ("40 C"), not as a quoted JSON literal ("\"40 C\"").
        Assert.Equal("40 C", Messages(replay.Requests[1])[3].GetProperty("content").GetString());
        Assert.Contains("40", response.Text, StringComparison.Ordinal);
    }
}
