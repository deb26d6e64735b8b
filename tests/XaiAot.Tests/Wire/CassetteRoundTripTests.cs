using System.Collections.Generic;
using System.Text.Json;
using XaiAot.Chat;
using XaiAot.Recording;
using XaiAot.Tests.Support;

namespace XaiAot.Tests.Wire;

/// <summary>
/// Losslessness against real traffic: every recorded request, every streamed event, every
/// non-streaming body and every error body goes through the generated types and comes back as
/// semantically equal JSON: no member dropped, renamed or defaulted in.
/// </summary>
public sealed class CassetteRoundTripTests
{
    public static IEnumerable<object[]> Cassettes() => SharedCassettes.All();

    [Theory]
    [MemberData(nameof(Cassettes))]
    public void Every_recorded_request_round_trips(string cassetteName)
    {
        Cassette cassette = SharedCassettes.Load(cassetteName);
        Assert.NotEmpty(cassette.Interactions);
        foreach (CassetteInteraction interaction in cassette.Interactions)
        {
            string body = interaction.Request.Body;
            ChatCompletionRequest? request = JsonSerializer.Deserialize(body, XaiChatJsonContext.Default.ChatCompletionRequest);
            Assert.NotNull(request);
            Assert.NotEmpty(request.Messages);
            JsonAssert.SemanticallyEqual(body, JsonSerializer.Serialize(request, XaiChatJsonContext.Default.ChatCompletionRequest), cassetteName + " request " + interaction.Id);
        }
    }

    [Theory]
    [MemberData(nameof(Cassettes))]
    public void Every_response_body_round_trips(string cassetteName)
    {
        Cassette cassette = SharedCassettes.Load(cassetteName);
        int checkedBodies = 0;
        foreach (CassetteInteraction interaction in cassette.Interactions)
        {
            RecordedResponse response = interaction.Response;
            string where = cassetteName + " response " + interaction.Id;
            if (response.Code != 200)
            {
                ErrorResponse? error = JsonSerializer.Deserialize(response.Body, XaiChatJsonContext.Default.ErrorResponse);
                Assert.NotNull(error);
                Assert.False(string.IsNullOrEmpty(error.MessageText), where + ": the error message must be readable");
                JsonAssert.SemanticallyEqual(response.Body, JsonSerializer.Serialize(error, XaiChatJsonContext.Default.ErrorResponse), where);
                checkedBodies++;
            }
            else if (response.IsEventStream)
            {
                List<string> events = SseText.DataPayloads(response.Body);
                Assert.Equal("[DONE]", events[^1]);
                foreach (string data in events[..^1])
                {
                    ChatCompletionChunk? chunk = JsonSerializer.Deserialize(data, XaiChatJsonContext.Default.ChatCompletionChunk);
                    Assert.NotNull(chunk);
                    JsonAssert.SemanticallyEqual(data, JsonSerializer.Serialize(chunk, XaiChatJsonContext.Default.ChatCompletionChunk), where);
                    checkedBodies++;
                }
            }
            else
            {
                ChatCompletion? completion = JsonSerializer.Deserialize(response.Body, XaiChatJsonContext.Default.ChatCompletion);
                Assert.NotNull(completion);
                Assert.NotEmpty(completion.Choices);
                JsonAssert.SemanticallyEqual(response.Body, JsonSerializer.Serialize(completion, XaiChatJsonContext.Default.ChatCompletion), where);
                checkedBodies++;
            }
        }

        Assert.True(checkedBodies >= cassette.Interactions.Count);
    }

    [Fact]
    public void Error_bodies_of_both_shapes_parse_into_the_error_type()
    {
        // OpenRouter (OpenAI-style nested, integer code) from the recording; xAI's flat shape as documented.
        Cassette cassette = SharedCassettes.Load("openrouter-kimi-k2__error_429.yaml");
        ErrorResponse nested = JsonSerializer.Deserialize(cassette.Interactions[0].Response.Body, XaiChatJsonContext.Default.ErrorResponse)!;
        Assert.Equal("Provider returned error", nested.MessageText);
        Assert.Equal("429", nested.CodeText);
        Assert.True(nested.Error!.Value.IsErrorDetail);
        Assert.Equal(429, nested.Error.Value.AsErrorDetail.Code!.Value.AsInteger);
        Assert.True(nested.AdditionalProperties!.ContainsKey("user_id"));
        Assert.True(nested.Error.Value.AsErrorDetail.AdditionalProperties!.ContainsKey("metadata"));

        const string Flat = """{"code":"Client specified an invalid argument","error":"Incorrect API key provided: xa***at. You can obtain an API key from https://console.x.ai."}""";
        ErrorResponse flat = JsonSerializer.Deserialize(Flat, XaiChatJsonContext.Default.ErrorResponse)!;
        Assert.True(flat.Error!.Value.IsString);
        Assert.StartsWith("Incorrect API key provided", flat.MessageText, System.StringComparison.Ordinal);
        Assert.Equal("Client specified an invalid argument", flat.CodeText);
        JsonAssert.SemanticallyEqual(Flat, JsonSerializer.Serialize(flat, XaiChatJsonContext.Default.ErrorResponse));
    }
}
