using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using XaiAot.Chat;
using XaiAot.Recording;
using XaiAot.Tests.Support;

namespace XaiAot.Tests.Http;

/// <summary>
/// The client against a real Kestrel server that answers with the recorded responses of each
/// cassette, in order: what the client returns must be what was recorded.
/// </summary>
public sealed class CassetteServerTests
{
    public static IEnumerable<object[]> Cassettes() => SharedCassettes.All();

    [Theory]
    [MemberData(nameof(Cassettes))]
    public async Task Every_recorded_interaction_comes_back_as_recorded(string cassetteName)
    {
        Cassette cassette = SharedCassettes.Load(cassetteName);
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, n) => Responses.Recorded(context, cassette.Interactions[n].Response));
        XaiChatClient client = server.Client(new XaiClientOptions { ApiKey = "xai-test-key", Retry = XaiRetryOptions.None });

        foreach (CassetteInteraction interaction in cassette.Interactions)
        {
            ChatCompletionRequest request = JsonSerializer.Deserialize(interaction.Request.Body, XaiChatJsonContext.Default.ChatCompletionRequest)!;
            RecordedResponse recorded = interaction.Response;
            if (recorded.Code != 200)
            {
                var error = await Assert.ThrowsAsync<XaiApiException>(() => client.CompleteAsync(request));
                Assert.Equal((HttpStatusCode)recorded.Code, error.StatusCode);
                JsonAssert.SemanticallyEqual(recorded.Body, JsonSerializer.Serialize(error.Error!, XaiChatJsonContext.Default.ErrorResponse));
                Assert.Equal(recorded.Body, error.RawBody);
            }
            else if (request.Stream == true)
            {
                ChatCompletionStream stream = client.CompleteStreamingAsync(request);
                var received = new List<string>();
                await foreach (ChatCompletionChunk chunk in stream)
                {
                    received.Add(JsonSerializer.Serialize(chunk, XaiChatJsonContext.Default.ChatCompletionChunk));
                }

                List<string> expected = SseText.DataPayloads(recorded.Body).Where(p => p != "[DONE]").ToList();
                Assert.Equal(expected.Count, received.Count);
                for (int i = 0; i < expected.Count; i++)
                {
                    JsonAssert.SemanticallyEqual(expected[i], received[i], cassetteName + " event " + i);
                }

                Assert.NotNull(stream.BuildCompletion().Choices[0].FinishReason);
                Assert.NotNull(stream.BuildCompletion().Usage);
            }
            else
            {
                ChatCompletion completion = await client.CompleteAsync(request);
                JsonAssert.SemanticallyEqual(recorded.Body, JsonSerializer.Serialize(completion, XaiChatJsonContext.Default.ChatCompletion));
            }
        }

        // What went over the wire is what was recorded: same requests, in order.
        ReceivedRequest[] sent = server.Requests.ToArray();
        Assert.Equal(cassette.Interactions.Count, sent.Length);
        for (int i = 0; i < sent.Length; i++)
        {
            Assert.Equal("POST", sent[i].Method);
            Assert.Equal("/v1/chat/completions", sent[i].Path);
            Assert.Equal("Bearer xai-test-key", sent[i].Authorization);
            JsonAssert.SemanticallyEqual(cassette.Interactions[i].Request.Body, sent[i].Body, cassetteName + " request " + i);
        }
    }
}
