using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using OpenAI;
using OpenAI.Chat;
using XaiAot.Chat;

// Streams a chat completion from a local handler that returns the SSE body in args[0], printing
// the text and the token usage: the same work as ../XaiAotConsole.
byte[] body = File.ReadAllBytes(args[0]);
using var http = new HttpClient(new SseFileHandler(body));
var client = new ChatClient("grok-code-fast-1", new ApiKeyCredential("x"), new OpenAIClientOptions
{
    Transport = new HttpClientPipelineTransport(http),
    Endpoint = new Uri("http://localhost/v1"),
});

ChatTokenUsage? usage = null;
await foreach (StreamingChatCompletionUpdate update in client.CompleteChatStreamingAsync(
    [new SystemChatMessage("You are a helpful assistant"), new UserChatMessage("Say hi in Portuguese")]))
{
    foreach (ChatMessageContentPart part in update.ContentUpdate)
    {
        Console.Write(part.Text);
    }

    usage = update.Usage ?? usage;
}

Console.WriteLine();
Console.WriteLine("tokens: " + usage?.InputTokenCount + " in, " + usage?.OutputTokenCount + " out");

internal sealed class SseFileHandler(byte[] body) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new StreamContent(new MemoryStream(body, writable: false));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
