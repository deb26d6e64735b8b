using System.Text.Json;
using System.Text.Json.Nodes;
using XaiAot.Chat;
using XaiAot.Recording;
using XaiAot.Tests.Support;

namespace XaiAot.Tests.Wire;

/// <summary>
/// The API grows: new members at any level and new enum values must survive a round trip, on
/// hand-made variants of real recorded chunks and responses.
/// </summary>
public sealed class UnknownMemberTests
{
    private static string RecordedChunk(int index)
    {
        Cassette cassette = SharedCassettes.Load("simple_streaming.yaml");
        return SseText.DataPayloads(cassette.Interactions[0].Response.Body)[index];
    }

    private static string RoundTripChunk(string json) =>
        JsonSerializer.Serialize(JsonSerializer.Deserialize(json, XaiChatJsonContext.Default.ChatCompletionChunk)!, XaiChatJsonContext.Default.ChatCompletionChunk);

    [Fact]
    public void A_new_usage_counter_and_new_details_survive()
    {
        var payloads = SseText.DataPayloads(SharedCassettes.Load("simple_streaming.yaml").Interactions[0].Response.Body);
        JsonNode usageChunk = JsonNode.Parse(payloads[^2])!;
        usageChunk["usage"]!["server_side_tool_tokens"] = 42;
        usageChunk["usage"]!["prompt_tokens_details"]!["video_tokens"] = 7;
        usageChunk["usage"]!["completion_tokens_details"]!["future"] = new JsonObject { ["nested"] = new JsonArray(1, "two", null) };
        string variant = usageChunk.ToJsonString();

        ChatCompletionChunk chunk = JsonSerializer.Deserialize(variant, XaiChatJsonContext.Default.ChatCompletionChunk)!;
        Assert.Equal(42, chunk.Usage!.AdditionalProperties!["server_side_tool_tokens"].GetInt32());
        Assert.Equal(7, chunk.Usage.PromptTokensDetails!.AdditionalProperties!["video_tokens"].GetInt32());
        JsonAssert.SemanticallyEqual(variant, RoundTripChunk(variant));
    }

    [Fact]
    public void A_new_delta_member_and_choice_member_survive()
    {
        JsonNode node = JsonNode.Parse(RecordedChunk(3))!;
        node["choices"]![0]!["delta"]!["audio"] = new JsonObject { ["id"] = "a1", ["data"] = "AAAA" };
        node["choices"]![0]!["moderation"] = "passed";
        node["server_timing_ms"] = 12.5;
        string variant = node.ToJsonString();

        ChatCompletionChunk chunk = JsonSerializer.Deserialize(variant, XaiChatJsonContext.Default.ChatCompletionChunk)!;
        Assert.Equal("a1", chunk.Choices[0].Delta.AdditionalProperties!["audio"].GetProperty("id").GetString());
        Assert.Equal("passed", chunk.Choices[0].AdditionalProperties!["moderation"].GetString());
        Assert.Equal(12.5, chunk.AdditionalProperties!["server_timing_ms"].GetDouble());
        JsonAssert.SemanticallyEqual(variant, RoundTripChunk(variant));
    }

    [Fact]
    public void Unknown_enum_values_survive()
    {
        JsonNode node = JsonNode.Parse(RecordedChunk(3))!;
        node["choices"]![0]!["finish_reason"] = "safety_stop";
        node["choices"]![0]!["delta"]!["role"] = "critic";
        node["service_tier"] = "priority_plus";
        string variant = node.ToJsonString();

        ChatCompletionChunk chunk = JsonSerializer.Deserialize(variant, XaiChatJsonContext.Default.ChatCompletionChunk)!;
        FinishReason reason = chunk.Choices[0].FinishReason!.Value;
        Assert.Equal("safety_stop", reason.Value);
        Assert.False(reason.IsKnown);
        Assert.NotEqual(FinishReason.Stop, reason);
        Assert.Equal("critic", chunk.Choices[0].Delta.Role!.Value.Value);
        JsonAssert.SemanticallyEqual(variant, RoundTripChunk(variant));
    }

    [Fact]
    public void Known_enum_values_are_recognised()
    {
        string stop = SseText.DataPayloads(SharedCassettes.Load("simple_streaming.yaml").Interactions[0].Response.Body)
            .Find(p => p.Contains("\"finish_reason\":\"stop\"", System.StringComparison.Ordinal))!;
        ChatCompletionChunk chunk = JsonSerializer.Deserialize(stop, XaiChatJsonContext.Default.ChatCompletionChunk)!;
        Assert.Equal(FinishReason.Stop, chunk.Choices[0].FinishReason);
        Assert.True(chunk.Choices[0].FinishReason!.Value.IsKnown);
    }

    [Fact]
    public void Explicit_nulls_stay_null_and_absent_members_stay_absent()
    {
        // OpenAI sends "usage":null, "logprobs":null, "finish_reason":null; xAI omits them.
        string openAi = SseText.DataPayloads(SharedCassettes.Load("openai-gpt-4o-mini__multi_tool_streaming.yaml").Interactions[0].Response.Body)[1];
        Assert.Contains("\"usage\":null", openAi, System.StringComparison.Ordinal);
        string back = RoundTripChunk(openAi);
        Assert.Contains("\"usage\":null", back, System.StringComparison.Ordinal);
        Assert.Contains("\"logprobs\":null", back, System.StringComparison.Ordinal);
        Assert.Contains("\"finish_reason\":null", back, System.StringComparison.Ordinal);

        string xai = RecordedChunk(3);
        Assert.DoesNotContain("usage", xai, System.StringComparison.Ordinal);
        string xaiBack = RoundTripChunk(xai);
        Assert.DoesNotContain("usage", xaiBack, System.StringComparison.Ordinal);
        Assert.DoesNotContain("finish_reason", xaiBack, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_request_members_are_sent_back_as_they_came()
    {
        // OpenRouter's request carries "provider" and "usage", which the xAI schema does not name.
        string body = SharedCassettes.Load("openrouter-kimi-k2__error_429.yaml").Interactions[0].Request.Body;
        ChatCompletionRequest request = JsonSerializer.Deserialize(body, XaiChatJsonContext.Default.ChatCompletionRequest)!;
        Assert.Equal("wandb", request.AdditionalProperties!["provider"].GetProperty("only")[0].GetString());
        Assert.True(request.AdditionalProperties["usage"].GetProperty("include").GetBoolean());
        JsonAssert.SemanticallyEqual(body, JsonSerializer.Serialize(request, XaiChatJsonContext.Default.ChatCompletionRequest));
    }

    [Fact]
    public void A_chunk_missing_a_required_member_names_it_and_the_path()
    {
        JsonNode node = JsonNode.Parse(RecordedChunk(3))!;
        node["choices"]![0]!.AsObject().Remove("index");
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(node.ToJsonString(), XaiChatJsonContext.Default.ChatCompletionChunk));
        Assert.Contains("'index'", error.Message, System.StringComparison.Ordinal);
        Assert.Contains("integer", error.Message, System.StringComparison.Ordinal);
        Assert.Equal("$.choices[0].index", error.Path);
    }

    [Fact]
    public void A_wrong_token_type_names_what_was_expected_and_where()
    {
        JsonNode node = JsonNode.Parse(RecordedChunk(3))!;
        node["choices"]![0]!["delta"]!["reasoning_content"] = 17;
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(node.ToJsonString(), XaiChatJsonContext.Default.ChatCompletionChunk));
        Assert.Contains("Expected a string but found the number 17", error.Message, System.StringComparison.Ordinal);
        Assert.Equal("$.choices[0].delta.reasoning_content", error.Path);
    }

    [Fact]
    public void A_named_member_put_among_the_unknown_ones_is_refused_rather_than_sent_twice()
    {
        using JsonDocument value = JsonDocument.Parse("\"grok-4\"");
        var request = new ChatCompletionRequest
        {
            Model = "grok-4-fast",
            Messages = [new UserMessage { Content = "hi" }],
            AdditionalProperties = new System.Collections.Generic.Dictionary<string, JsonElement> { ["model"] = value.RootElement.Clone() },
        };
        var error = Assert.Throws<System.InvalidOperationException>(() => JsonSerializer.Serialize(request, XaiChatJsonContext.Default.ChatCompletionRequest));
        Assert.Contains("'model'", error.Message, System.StringComparison.Ordinal);
        Assert.Contains("ChatCompletionRequest", error.Message, System.StringComparison.Ordinal);
    }
}
