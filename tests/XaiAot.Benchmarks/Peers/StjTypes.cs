using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace XaiAot.Benchmarks.Peers;

// What a user would hand-write to use System.Text.Json directly: the same members as XaiAot's
// wire types (chunk, choice, delta, tool call, logprobs, usage; request, messages, tools), as
// mutable POCOs with [JsonPropertyName]. They keep no unknown members (less work than XaiAot,
// which captures them) and use plain strings where XaiAot has open enums.

public sealed class StjChunk
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("object")] public string? Object { get; set; }
    [JsonPropertyName("created")] public long Created { get; set; }
    [JsonPropertyName("model")] public string? Model { get; set; }
    [JsonPropertyName("choices")] public List<StjChunkChoice>? Choices { get; set; }
    [JsonPropertyName("usage")] public StjUsage? Usage { get; set; }
    [JsonPropertyName("system_fingerprint")] public string? SystemFingerprint { get; set; }
    [JsonPropertyName("service_tier")] public string? ServiceTier { get; set; }
    [JsonPropertyName("citations")] public List<string>? Citations { get; set; }
}

public sealed class StjChunkChoice
{
    [JsonPropertyName("index")] public long Index { get; set; }
    [JsonPropertyName("delta")] public StjDelta? Delta { get; set; }
    [JsonPropertyName("finish_reason")] public string? FinishReason { get; set; }
    [JsonPropertyName("logprobs")] public StjLogprobs? Logprobs { get; set; }
}

public sealed class StjDelta
{
    [JsonPropertyName("role")] public string? Role { get; set; }
    [JsonPropertyName("content")] public string? Content { get; set; }
    [JsonPropertyName("reasoning_content")] public string? ReasoningContent { get; set; }
    [JsonPropertyName("refusal")] public string? Refusal { get; set; }
    [JsonPropertyName("tool_calls")] public List<StjToolCallDelta>? ToolCalls { get; set; }
}

public sealed class StjToolCallDelta
{
    [JsonPropertyName("index")] public long Index { get; set; }
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("function")] public StjFunctionCall? Function { get; set; }
}

public sealed class StjFunctionCall
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("arguments")] public string? Arguments { get; set; }
}

public sealed class StjLogprobs
{
    [JsonPropertyName("content")] public List<StjTokenLogprob>? Content { get; set; }
    [JsonPropertyName("refusal")] public List<StjTokenLogprob>? Refusal { get; set; }
}

public sealed class StjTokenLogprob
{
    [JsonPropertyName("token")] public string? Token { get; set; }
    [JsonPropertyName("logprob")] public double Logprob { get; set; }
    [JsonPropertyName("bytes")] public List<int>? Bytes { get; set; }
    [JsonPropertyName("top_logprobs")] public List<StjTopLogprob>? TopLogprobs { get; set; }
}

public sealed class StjTopLogprob
{
    [JsonPropertyName("token")] public string? Token { get; set; }
    [JsonPropertyName("logprob")] public double Logprob { get; set; }
    [JsonPropertyName("bytes")] public List<int>? Bytes { get; set; }
}

public sealed class StjUsage
{
    [JsonPropertyName("prompt_tokens")] public long PromptTokens { get; set; }
    [JsonPropertyName("completion_tokens")] public long CompletionTokens { get; set; }
    [JsonPropertyName("total_tokens")] public long TotalTokens { get; set; }
    [JsonPropertyName("prompt_tokens_details")] public StjPromptTokensDetails? PromptTokensDetails { get; set; }
    [JsonPropertyName("completion_tokens_details")] public StjCompletionTokensDetails? CompletionTokensDetails { get; set; }
    [JsonPropertyName("num_sources_used")] public long? NumSourcesUsed { get; set; }
    [JsonPropertyName("cost_in_usd_ticks")] public long? CostInUsdTicks { get; set; }
}

public sealed class StjPromptTokensDetails
{
    [JsonPropertyName("text_tokens")] public long? TextTokens { get; set; }
    [JsonPropertyName("audio_tokens")] public long? AudioTokens { get; set; }
    [JsonPropertyName("image_tokens")] public long? ImageTokens { get; set; }
    [JsonPropertyName("cached_tokens")] public long? CachedTokens { get; set; }
}

public sealed class StjCompletionTokensDetails
{
    [JsonPropertyName("reasoning_tokens")] public long? ReasoningTokens { get; set; }
    [JsonPropertyName("audio_tokens")] public long? AudioTokens { get; set; }
    [JsonPropertyName("accepted_prediction_tokens")] public long? AcceptedPredictionTokens { get; set; }
    [JsonPropertyName("rejected_prediction_tokens")] public long? RejectedPredictionTokens { get; set; }
}

public sealed class StjRequest
{
    [JsonPropertyName("model")] public string? Model { get; set; }
    [JsonPropertyName("messages")] public List<StjMessage>? Messages { get; set; }
    [JsonPropertyName("tools")] public List<StjTool>? Tools { get; set; }
    [JsonPropertyName("tool_choice")] public string? ToolChoice { get; set; }
    [JsonPropertyName("max_tokens")] public long? MaxTokens { get; set; }
    [JsonPropertyName("temperature")] public double? Temperature { get; set; }
    [JsonPropertyName("stream")] public bool? Stream { get; set; }
    [JsonPropertyName("stream_options")] public StjStreamOptions? StreamOptions { get; set; }
}

/// <summary>One flat message type with every role's members, the way most hand-written clients do it.</summary>
public sealed class StjMessage
{
    [JsonPropertyName("role")] public string? Role { get; set; }
    [JsonPropertyName("content")] public string? Content { get; set; }
    [JsonPropertyName("tool_calls")] public List<StjToolCall>? ToolCalls { get; set; }
    [JsonPropertyName("tool_call_id")] public string? ToolCallId { get; set; }
}

public sealed class StjToolCall
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("function")] public StjFunctionCall? Function { get; set; }
}

public sealed class StjTool
{
    [JsonPropertyName("type")] public string Type { get; set; } = "function";
    [JsonPropertyName("function")] public StjFunctionDefinition? Function { get; set; }
}

public sealed class StjFunctionDefinition
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("parameters")] public JsonElement Parameters { get; set; }
    [JsonPropertyName("strict")] public bool? Strict { get; set; }
}

public sealed class StjStreamOptions
{
    [JsonPropertyName("include_usage")] public bool? IncludeUsage { get; set; }
}

/// <summary>System.Text.Json's own source generator over the types above.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StjChunk))]
[JsonSerializable(typeof(StjRequest))]
internal sealed partial class StjSourceGenContext : JsonSerializerContext
{
}

/// <summary>The same types through System.Text.Json's reflection path.</summary>
internal static class StjReflection
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}
