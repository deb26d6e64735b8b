using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using XaiAot.Chat;
using XaiAot.Tests.Support;

namespace XaiAot.Tests.Http;

/// <summary>
/// <see cref="XaiClientOptions.ValidateRequests"/> against a real loopback server: on, a request that
/// breaks the schema is never sent and the exception lists every violation; off (the default), it is
/// sent as it is; on, a valid request goes through.
/// </summary>
public sealed class RequestValidationTests
{
    private const string Completion = """
        {"id": "c-1", "object": "chat.completion", "created": 1, "model": "grok-3",
         "choices": [{"index": 0, "message": {"role": "assistant", "content": "Olá"}, "finish_reason": "stop"}]}
        """;

    private static ChatCompletionRequest Request(double temperature, long? n = null) => new()
    {
        Model = "grok-3",
        Messages = new ChatMessage[] { new UserMessage { Content = "Say hi in Portuguese" } },
        Temperature = temperature,
        N = n,
    };

    private static Task Answer(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(Completion);
    }

    [Fact]
    public async Task An_invalid_request_is_not_sent_and_every_violation_is_listed()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, _) => Answer(c));
        XaiChatClient client = server.Client(new XaiClientOptions { ValidateRequests = true });

        var error = await Assert.ThrowsAsync<XaiRequestValidationException>(() => client.CompleteAsync(Request(temperature: 2.5, n: 0)));

        Assert.Empty(server.Requests);
        Assert.Equal(new[] { "/n minimum", "/temperature maximum" }, error.Violations.Select(v => v.InstanceLocation + " " + v.Keyword).Order());
        Assert.Contains(error.Violations, v => v.SchemaLocation == "#/$defs/ChatCompletionRequest/properties/temperature/maximum");
        Assert.Contains("/temperature: must be at most 2", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<XaiException>(error);
    }

    [Fact]
    public async Task A_streaming_request_is_checked_too()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, _) => Answer(c));
        XaiChatClient client = server.Client(new XaiClientOptions { ValidateRequests = true });

        await Assert.ThrowsAsync<XaiRequestValidationException>(async () =>
        {
            await foreach (ChatCompletionChunk _ in client.CompleteStreamingAsync(Request(temperature: -1)))
            {
            }
        });
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Off_by_default_the_request_is_sent_as_it_is()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, _) => Answer(c));
        Assert.False(new XaiClientOptions().ValidateRequests);

        ChatCompletion completion = await server.Client().CompleteAsync(Request(temperature: 2.5));

        Assert.Equal("Olá", completion.Choices[0].Message.Content);
        Assert.Contains("\"temperature\":2.5", Assert.Single(server.Requests).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_request_goes_through()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, _) => Answer(c));
        ChatCompletion completion = await server.Client(new XaiClientOptions { ValidateRequests = true }).CompleteAsync(Request(temperature: 0.7, n: 1));

        Assert.Equal("Olá", completion.Choices[0].Message.Content);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task With_the_checks_trimmed_away_ValidateRequests_says_so_and_sends_nothing()
    {
        // The feature switch a trimmed app (the xaiaot CLI) sets. Tests of this class run one at a
        // time, and no other class turns ValidateRequests on, so flipping it here is seen by no one else.
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, _) => Answer(c));
        XaiChatClient client = server.Client(new XaiClientOptions { ValidateRequests = true });
        AppContext.SetSwitch("XaiAot.RequestValidation.IsSupported", false);
        try
        {
            var error = await Assert.ThrowsAsync<NotSupportedException>(() => client.CompleteAsync(Request(temperature: 1)));
            Assert.Contains("XaiAot.RequestValidation.IsSupported", error.Message, StringComparison.Ordinal);
            Assert.Empty(server.Requests);
        }
        finally
        {
            AppContext.SetSwitch("XaiAot.RequestValidation.IsSupported", true);
        }
    }
}
