using System.Collections.Generic;
using System.Text.Json;
using XaiAot.Chat;
using XaiAot.Tests.Support;

namespace XaiAot.Tests.Wire;

/// <summary>The generated types read naturally from C# and write the wire format the API expects.</summary>
public sealed class WireModelUsageTests
{
    [Fact]
    public void A_request_built_with_initializers_writes_the_expected_json()
    {
        var request = new ChatCompletionRequest
        {
            Model = "grok-4-fast",
            Messages = new ChatMessage[]
            {
                new SystemMessage { Content = "You are terse." },
                new UserMessage { Content = "Add 2 and 3" },
                new AssistantMessage
                {
                    ToolCalls = new[] { new ToolCall { Id = "call_1", Type = ToolCallType.Function, Function = new FunctionCall { Name = "add", Arguments = "{\"a\":2,\"b\":3}" } } },
                },
                new ToolMessage { ToolCallId = "call_1", Content = "5" },
            },
            ReasoningEffort = ReasoningEffort.High,
            Temperature = 0.2,
            Stop = new[] { "\n\n" },
        };

        string json = JsonSerializer.Serialize(request, XaiChatJsonContext.Default.ChatCompletionRequest);

        JsonAssert.SemanticallyEqual(
            """
            {"model":"grok-4-fast","messages":[
              {"role":"system","content":"You are terse."},
              {"role":"user","content":"Add 2 and 3"},
              {"role":"assistant","tool_calls":[{"id":"call_1","type":"function","function":{"name":"add","arguments":"{\"a\":2,\"b\":3}"}}]},
              {"role":"tool","tool_call_id":"call_1","content":"5"}],
             "reasoning_effort":"high","temperature":0.2,"stop":["\n\n"]}
            """,
            json);
    }

    [Fact]
    public void Message_variants_expose_their_role_and_content_kinds()
    {
        ChatMessage message = new UserMessage
        {
            Content = new ContentPart[]
            {
                new TextContentPart { Text = "What is this?" },
                new ImageUrlContentPart { ImageUrl = new ImageUrl { Url = "https://example.com/a.png", Detail = ImageDetail.High } },
            },
        };

        Assert.Equal("user", message.Role);
        var user = Assert.IsType<UserMessage>(message);
        Assert.True(user.Content.IsArray);
        IReadOnlyList<ContentPart> parts = user.Content.AsArray;
        Assert.Equal("text", parts[0].Type);
        Assert.Equal("image_url", parts[1].Type);

        string json = JsonSerializer.Serialize(message, XaiChatJsonContext.Default.ChatMessage);
        ChatMessage back = JsonSerializer.Deserialize(json, XaiChatJsonContext.Default.ChatMessage)!;
        var image = Assert.IsType<ImageUrlContentPart>(Assert.IsType<UserMessage>(back).Content.AsArray[1]);
        Assert.Equal(ImageDetail.High, image.ImageUrl.Detail);
    }

    [Fact]
    public void The_role_discriminator_is_found_wherever_it_stands()
    {
        // The recorded requests put "role" last; other clients put it first.
        var last = JsonSerializer.Deserialize("""{"content":"hi","name":"ann","role":"user"}""", XaiChatJsonContext.Default.ChatMessage);
        var first = JsonSerializer.Deserialize("""{"role":"tool","content":"5","tool_call_id":"c"}""", XaiChatJsonContext.Default.ChatMessage);
        Assert.Equal("hi", Assert.IsType<UserMessage>(last).Content.AsString);
        Assert.Equal("c", Assert.IsType<ToolMessage>(first).ToolCallId);
    }

    [Fact]
    public void An_unknown_role_is_kept_and_a_role_that_is_not_a_string_is_a_clear_error()
    {
        ChatCompletionRequest request = JsonSerializer.Deserialize("""{"messages":[{"role":"narrator","content":"x"}],"model":"m"}""", XaiChatJsonContext.Default.ChatCompletionRequest)!;
        Assert.Equal("narrator", Assert.IsType<UnknownChatMessage>(request.Messages[0]).Role);

        var error = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize("""{"messages":[{"role":7,"content":"x"}],"model":"m"}""", XaiChatJsonContext.Default.ChatCompletionRequest));
        Assert.Contains("'role'", error.Message, System.StringComparison.Ordinal);
        Assert.Contains("the number 7", error.Message, System.StringComparison.Ordinal);
        Assert.Contains("'system'", error.Message, System.StringComparison.Ordinal);
        Assert.Equal("$.messages[0].role", error.Path);
    }

    [Fact]
    public void Tool_choice_is_a_mode_string_or_a_named_function()
    {
        ToolChoice auto = ToolChoiceMode.Auto;
        ToolChoice named = new NamedToolChoice { Function = new ToolChoiceFunction { Name = "add" } };
        Assert.Equal("\"auto\"", JsonSerializer.Serialize(auto, XaiChatJsonContext.Default.ToolChoice));
        JsonAssert.SemanticallyEqual("""{"type":"function","function":{"name":"add"}}""", JsonSerializer.Serialize(named, XaiChatJsonContext.Default.ToolChoice));
        Assert.True(JsonSerializer.Deserialize("\"required\"", XaiChatJsonContext.Default.ToolChoice).IsToolChoiceMode);
    }
}
