using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using OpenAI;
using OpenAI.Chat;
using XaiAot.Chat;

namespace XaiAot.Benchmarks.Peers;

/// <summary>What every contender reduces a stream to, so GlobalSetup can check they agree.</summary>
public sealed record FinalMessage(string? Content, string? Reasoning, string? FinishReason, long PromptTokens, long CompletionTokens, long TotalTokens)
{
    public static FinalMessage From(XaiAot.Chat.ChatCompletion completion)
    {
        ArgumentNullException.ThrowIfNull(completion);
        ResponseMessage message = completion.Choices[0].Message;
        Usage? usage = completion.Usage;
        return new FinalMessage(message.Content, message.ReasoningContent, completion.Choices[0].FinishReason?.Value,
            usage?.PromptTokens ?? -1, usage?.CompletionTokens ?? -1, usage?.TotalTokens ?? -1);
    }
}

/// <summary>
/// Each contender reads a fresh MemoryStream over the same bytes to a final message, the way a
/// user of that library would.
/// </summary>
public static class StreamContenders
{
    private static ReadOnlySpan<byte> Done => "[DONE]"u8;

    /// <summary>XaiAot: the streaming core and the accumulator the client uses.</summary>
    public static async Task<XaiAot.Chat.ChatCompletion> XaiAotAsync(byte[] body)
    {
        using var stream = new MemoryStream(body, writable: false);
        ChatCompletionStream chunks = ChatCompletionStream.Read(stream);
        await foreach (ChatCompletionChunk chunk in chunks.ConfigureAwait(false))
        {
            _ = chunk;
        }

        return chunks.BuildCompletion();
    }

    /// <summary>System.Text.Json over hand-written types: SseParser, then Deserialize per event, StringBuilders.</summary>
    public static async Task<FinalMessage> StjAsync(byte[] body, JsonTypeInfo<StjChunk> typeInfo)
    {
        using var stream = new MemoryStream(body, writable: false);
        SseParser<StjChunk?> parser = SseParser.Create(stream, (_, data) =>
            data.SequenceEqual(Done) ? null : JsonSerializer.Deserialize(data, typeInfo));
        var accumulator = new StjAccumulator();
        await foreach (SseItem<StjChunk?> item in parser.EnumerateAsync().ConfigureAwait(false))
        {
            if (item.Data is null)
            {
                break;
            }

            accumulator.Append(item.Data);
        }

        return accumulator.Build();
    }

    /// <summary>System.Text.Json reflection: the same, through <c>Deserialize&lt;T&gt;(span, options)</c>.</summary>
    public static async Task<FinalMessage> StjReflectionAsync(byte[] body)
    {
        using var stream = new MemoryStream(body, writable: false);
        SseParser<StjChunk?> parser = SseParser.Create(stream, static (_, data) =>
            data.SequenceEqual(Done) ? null : JsonSerializer.Deserialize<StjChunk>(data, StjReflection.Options));
        var accumulator = new StjAccumulator();
        await foreach (SseItem<StjChunk?> item in parser.EnumerateAsync().ConfigureAwait(false))
        {
            if (item.Data is null)
            {
                break;
            }

            accumulator.Append(item.Data);
        }

        return accumulator.Build();
    }

    /// <summary>The limit: SseParser and a Utf8JsonReader pass over each payload that only reads tokens.</summary>
    public static async Task<long> LimitAsync(byte[] body)
    {
        using var stream = new MemoryStream(body, writable: false);
        SseParser<int> parser = SseParser.Create(stream, static (_, data) =>
        {
            if (data.SequenceEqual(Done))
            {
                return -1;
            }

            var reader = new Utf8JsonReader(data);
            int tokens = 0;
            while (reader.Read())
            {
                tokens++;
            }

            return tokens;
        });
        long total = 0;
        await foreach (SseItem<int> item in parser.EnumerateAsync().ConfigureAwait(false))
        {
            if (item.Data < 0)
            {
                break;
            }

            total += item.Data;
        }

        return total;
    }

    /// <summary>The official OpenAI package: ChatClient streaming over a handler that returns the bytes.</summary>
    public static ChatClient CreateOpenAiClient(byte[] body)
    {
#pragma warning disable CA2000 // The HttpClient lives as long as the ChatClient (the benchmark's lifetime).
        var http = new HttpClient(new SseBytesHandler(body));
#pragma warning restore CA2000
        return new ChatClient("grok-code-fast-1", new ApiKeyCredential("x"), new OpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(http),
            Endpoint = new Uri("http://localhost/v1"),
        });
    }

    /// <summary>The seed's request, for the OpenAI client (the handler ignores it).</summary>
    public static readonly IReadOnlyList<OpenAI.Chat.ChatMessage> OpenAiMessages =
    [
        new SystemChatMessage("You are a helpful assistant"),
        new UserChatMessage("Say hi in Portuguese"),
    ];

    /// <summary>Content updates concatenated, usage and finish reason kept: what a user of the package does (it has no reasoning_content).</summary>
    public static async Task<FinalMessage> OpenAiAsync(ChatClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var content = new StringBuilder(256);
        ChatTokenUsage? usage = null;
        ChatFinishReason? finish = null;
        await foreach (StreamingChatCompletionUpdate update in client.CompleteChatStreamingAsync(OpenAiMessages).ConfigureAwait(false))
        {
            foreach (ChatMessageContentPart part in update.ContentUpdate)
            {
                content.Append(part.Text);
            }

            usage = update.Usage ?? usage;
            finish = update.FinishReason ?? finish;
        }

        return new FinalMessage(content.ToString(), null, finish switch
        {
            ChatFinishReason.Stop => "stop",
            ChatFinishReason.Length => "length",
            ChatFinishReason.ToolCalls => "tool_calls",
            ChatFinishReason.ContentFilter => "content_filter",
            ChatFinishReason.FunctionCall => "function_call",
            _ => null,
        }, usage?.InputTokenCount ?? -1, usage?.OutputTokenCount ?? -1, usage?.TotalTokenCount ?? -1);
    }

    /// <summary>Throws unless every contender produced the same content, usage and finish reason (and reasoning, where typed).</summary>
    public static void AssertAgree(string what, FinalMessage expected, IReadOnlyDictionary<string, FinalMessage> others, ICollection<string> withoutReasoning)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(others);
        ArgumentNullException.ThrowIfNull(withoutReasoning);
        if (string.IsNullOrEmpty(expected.Content) || string.IsNullOrEmpty(expected.Reasoning) || expected.TotalTokens <= 0)
        {
            throw new InvalidOperationException(what + ": XaiAot produced an empty message: " + expected);
        }

        foreach (KeyValuePair<string, FinalMessage> pair in others)
        {
            FinalMessage compared = withoutReasoning.Contains(pair.Key) ? expected with { Reasoning = null } : expected;
            if (pair.Value != compared)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"{what}: {pair.Key} disagrees with XaiAot.\n  XaiAot: {compared}\n  {pair.Key}: {pair.Value}"));
            }
        }
    }

    /// <summary>What a user of plain System.Text.Json writes: StringBuilders for the first choice, usage and finish reason.</summary>
    private sealed class StjAccumulator
    {
        private readonly StringBuilder _content = new(256);
        private readonly StringBuilder _reasoning = new(256);
        private string? _finish;
        private StjUsage? _usage;
        private string? _id;
        private string? _model;

        public void Append(StjChunk chunk)
        {
            _id ??= chunk.Id;
            _model ??= chunk.Model;
            _usage = chunk.Usage ?? _usage;
            if (chunk.Choices is { Count: > 0 } choices && choices[0].Delta is { } delta)
            {
                _content.Append(delta.Content);
                _reasoning.Append(delta.ReasoningContent);
                _finish = choices[0].FinishReason ?? _finish;
            }
        }

        public FinalMessage Build() => new(
            _content.ToString(), _reasoning.ToString(), _finish,
            _usage?.PromptTokens ?? -1, _usage?.CompletionTokens ?? -1, _usage?.TotalTokens ?? -1);
    }

    /// <summary>Answers every request with the same SSE body, as a fresh stream.</summary>
    private sealed class SseBytesHandler(byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new MemoryStream(body, writable: false));
            content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
