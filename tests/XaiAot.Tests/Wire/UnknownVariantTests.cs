using System.Text.Json;
using XaiAot.Chat;
using XaiAot.Tests.Support;

namespace XaiAot.Tests.Wire;

/// <summary>
/// A message role, content part or response format the schema does not name yet (OpenAI's
/// <c>developer</c> role, an audio part) is kept whole as an unknown variant and written back, so a
/// request replayed or proxied through these types loses nothing.
/// </summary>
public sealed class UnknownVariantTests
{
    private const string Request = """
        {"model":"grok-4","messages":[
          {"role":"developer","content":"Answer tersely.","x_priority":2},
          {"role":"user","content":[{"type":"text","text":"What is this?"},{"type":"input_audio","input_audio":{"data":"UklGRg==","format":"wav"}}]}],
         "response_format":{"type":"grammar","grammar":"root ::= \"yes\" | \"no\""}}
        """;

    [Fact]
    public void Unknown_roles_parts_and_formats_round_trip()
    {
        ChatCompletionRequest request = JsonSerializer.Deserialize(Request, XaiChatJsonContext.Default.ChatCompletionRequest)!;

        UnknownChatMessage developer = Assert.IsType<UnknownChatMessage>(request.Messages[0]);
        Assert.Equal("developer", developer.Role);
        Assert.Equal(2, developer.Json.GetProperty("x_priority").GetInt32());

        UserMessage user = Assert.IsType<UserMessage>(request.Messages[1]);
        UnknownContentPart audio = Assert.IsType<UnknownContentPart>(user.Content.AsArray[1]);
        Assert.Equal("input_audio", audio.Json.GetProperty("type").GetString());

        Assert.Equal("grammar", Assert.IsType<UnknownResponseFormat>(request.ResponseFormat).Json.GetProperty("type").GetString());

        JsonAssert.SemanticallyEqual(Request, JsonSerializer.Serialize(request, XaiChatJsonContext.Default.ChatCompletionRequest));
    }

    [Fact]
    public void An_unknown_message_can_be_built_by_hand_and_is_sent_as_given()
    {
        using JsonDocument json = JsonDocument.Parse("""{"role":"developer","content":"Be brief."}""");
        var request = new ChatCompletionRequest { Model = "grok-4", Messages = [new UnknownChatMessage(json.RootElement.Clone()), new UserMessage { Content = "hi" }] };
        using JsonDocument sent = JsonDocument.Parse(JsonSerializer.Serialize(request, XaiChatJsonContext.Default.ChatCompletionRequest));
        Assert.Equal("developer", sent.RootElement.GetProperty("messages")[0].GetProperty("role").GetString());
        Assert.Equal("Be brief.", sent.RootElement.GetProperty("messages")[0].GetProperty("content").GetString());
    }
}
