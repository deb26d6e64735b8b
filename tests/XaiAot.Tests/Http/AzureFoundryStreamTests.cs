using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using XaiAot.Chat;
using XaiAot.Tests.Support;

namespace XaiAot.Tests.Http;

/// <summary>
/// Azure AI Foundry serves grok models with a content-filter prelude chunk whose constants are
/// empty (<c>"object":""</c>, <c>"id":""</c>, <c>"created":0</c>) and with
/// <c>content_filter_results</c> inside later choices. The shape below is the one Azure sends
/// (written from a recorded stream's structure); a strict <c>const</c> check lost the whole answer
/// at event 0.
/// </summary>
public sealed class AzureFoundryStreamTests
{
    private const string Filters = """{"hate":{"filtered":false,"severity":"safe"},"jailbreak":{"filtered":false,"detected":false},"self_harm":{"filtered":false,"severity":"safe"},"sexual":{"filtered":false,"severity":"safe"},"violence":{"filtered":false,"severity":"safe"}}""";

    private static readonly string[] Events =
    [
        """{"choices":[],"created":0,"id":"","model":"","object":"","prompt_filter_results":[{"prompt_index":0,"content_filter_results":""" + Filters + """}]}""",
        """{"choices":[{"content_filter_results":{},"delta":{"content":"","role":"assistant"},"finish_reason":null,"index":0,"logprobs":null}],"created":1764633600,"id":"9f3c1a2e-5b7d-4e61-a0c4-2d8e6f1b3a57","model":"grok-3","object":"chat.completion.chunk","system_fingerprint":"fp_1a2b3c","usage":null}""",
        """{"choices":[{"content_filter_results":""" + Filters + ""","delta":{"content":"Olá"},"finish_reason":null,"index":0,"logprobs":null}],"created":1764633600,"id":"9f3c1a2e-5b7d-4e61-a0c4-2d8e6f1b3a57","model":"grok-3","object":"chat.completion.chunk","system_fingerprint":"fp_1a2b3c","usage":null}""",
        """{"choices":[{"content_filter_results":""" + Filters + ""","delta":{"content":"! Tudo bem?"},"finish_reason":null,"index":0,"logprobs":null}],"created":1764633600,"id":"9f3c1a2e-5b7d-4e61-a0c4-2d8e6f1b3a57","model":"grok-3","object":"chat.completion.chunk","system_fingerprint":"fp_1a2b3c","usage":null}""",
        """{"choices":[{"content_filter_results":{},"delta":{},"finish_reason":"stop","index":0,"logprobs":null}],"created":1764633600,"id":"9f3c1a2e-5b7d-4e61-a0c4-2d8e6f1b3a57","model":"grok-3","object":"chat.completion.chunk","system_fingerprint":"fp_1a2b3c","usage":null}""",
        """{"choices":[],"created":1764633600,"id":"9f3c1a2e-5b7d-4e61-a0c4-2d8e6f1b3a57","model":"grok-3","object":"chat.completion.chunk","system_fingerprint":"fp_1a2b3c","usage":{"completion_tokens":6,"prompt_tokens":14,"total_tokens":20,"prompt_tokens_details":{"cached_tokens":0}}}""",
    ];

    private static string Body() => string.Concat(Events.Select(e => "data: " + e + "\n\n")) + "data: [DONE]\n\n";

    private static ChatCompletionRequest Request() => new()
    {
        Model = "grok-3",
        Messages = new ChatMessage[] { new UserMessage { Content = "Say hi in Portuguese" } },
    };

    [Fact]
    public async Task The_prelude_chunk_is_read_and_the_answer_is_whole()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Responses.Trickle(context, "text/event-stream", Body(), 211, TimeSpan.Zero));
        ChatCompletionStream stream = server.Client().CompleteStreamingAsync(Request());
        var chunks = new List<ChatCompletionChunk>();
        await foreach (ChatCompletionChunk chunk in stream)
        {
            chunks.Add(chunk);
        }

        Assert.Equal(Events.Length, chunks.Count);
        ChatCompletionChunk prelude = chunks[0];
        Assert.Equal(string.Empty, prelude.Object);
        Assert.Equal("chat.completion.chunk", chunks[1].Object);

        ChatCompletion completion = stream.BuildCompletion();
        Assert.Equal("9f3c1a2e-5b7d-4e61-a0c4-2d8e6f1b3a57", completion.Id);
        Assert.Equal("grok-3", completion.Model);
        Assert.Equal(1764633600, completion.Created);
        Choice choice = Assert.Single(completion.Choices);
        Assert.Equal("Olá! Tudo bem?", choice.Message.Content);
        Assert.Equal(FinishReason.Stop, choice.FinishReason);
        Assert.Equal(20, completion.Usage!.TotalTokens);

        // Nothing Azure added is lost: the prompt filter results on the completion, the content
        // filter results on the choice.
        JsonElement promptFilters = completion.AdditionalProperties!["prompt_filter_results"];
        Assert.Equal("safe", promptFilters[0].GetProperty("content_filter_results").GetProperty("violence").GetProperty("severity").GetString());
        Assert.Equal(JsonValueKind.Object, choice.AdditionalProperties!["content_filter_results"].ValueKind);
    }

    [Fact]
    public void Every_event_including_the_prelude_is_written_back_as_it_came()
    {
        foreach (string payload in Events)
        {
            ChatCompletionChunk chunk = JsonSerializer.Deserialize(payload, XaiChatJsonContext.Default.ChatCompletionChunk)!;
            JsonAssert.SemanticallyEqual(payload, JsonSerializer.Serialize(chunk, XaiChatJsonContext.Default.ChatCompletionChunk));
        }
    }

    [Fact]
    public void A_prelude_alone_builds_an_empty_completion_that_is_filled_by_the_first_real_chunk()
    {
        var accumulator = new ChatCompletionAccumulator();
        accumulator.Append(JsonSerializer.Deserialize(Events[0], XaiChatJsonContext.Default.ChatCompletionChunk)!);
        Assert.Equal(string.Empty, accumulator.Build().Id);
        Assert.Equal(0, accumulator.Build().Created);

        accumulator.Append(JsonSerializer.Deserialize(Events[1], XaiChatJsonContext.Default.ChatCompletionChunk)!);
        ChatCompletion completion = accumulator.Build();
        Assert.Equal("9f3c1a2e-5b7d-4e61-a0c4-2d8e6f1b3a57", completion.Id);
        Assert.Equal("grok-3", completion.Model);
        Assert.Equal(1764633600, completion.Created);
    }
}
