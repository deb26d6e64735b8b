using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using XaiAot;
using XaiAot.Chat;

// Streams a chat completion from a local handler that returns the SSE body in args[0], printing
// the text and the token usage: the same work as ../OpenAiConsole.
byte[] body = File.ReadAllBytes(args[0]);
using var http = new HttpClient(new SseFileHandler(body));
var client = new XaiChatClient(http, new XaiClientOptions { BaseAddress = new Uri("http://localhost/v1/"), ApiKey = "x" });
var request = new ChatCompletionRequest
{
    Model = "grok-code-fast-1",
    Messages = [new SystemMessage { Content = "You are a helpful assistant" }, new UserMessage { Content = "Say hi in Portuguese" }],
};

Usage? usage = null;
await foreach (ChatCompletionChunk chunk in client.CompleteStreamingAsync(request))
{
    foreach (ChunkChoice choice in chunk.Choices)
    {
        Console.Write(choice.Delta.Content);
    }

    usage = chunk.Usage ?? usage;
}

Console.WriteLine();
Console.WriteLine("tokens: " + usage?.PromptTokens + " in, " + usage?.CompletionTokens + " out");

internal sealed class SseFileHandler(byte[] body) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new StreamContent(new MemoryStream(body, writable: false));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
