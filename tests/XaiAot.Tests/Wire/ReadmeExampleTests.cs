using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using XaiAot.Chat;
using XaiAot.Recording;
using XaiAot.Tests.Support;

namespace XaiAot.Tests.Wire;

/// <summary>The README's usage example, kept compiling and working (against the recorded seed conversation).</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task The_readme_example_streams_reasoning_then_the_answer()
    {
        var output = new StringWriter();
        var http = new HttpClient(new CassetteReplayHandler(SharedCassettes.Load("simple_streaming.yaml")));

        // ---- as in README.md (Console replaced by `output`, the HttpClient by the replaying one) ----
        var client = new XaiChatClient(http, new XaiClientOptions { ApiKey = Environment.GetEnvironmentVariable("XAI_API_KEY") });
        var request = new ChatCompletionRequest
        {
            Model = "grok-code-fast-1",
            Messages = [new SystemMessage { Content = "You are a helpful assistant" }, new UserMessage { Content = "Say hi in Portuguese" }],
            MaxTokens = 4000,
        };
        ChatCompletionStream answer = client.CompleteStreamingAsync(request);
        await foreach (ChatCompletionChunk chunk in answer)
        {
            if (chunk.Choices is [{ Delta: var delta }, ..])
            {
                output.Write(delta.ReasoningContent ?? delta.Content);
            }
        }

        ChatCompletion completion = answer.BuildCompletion(); // the same shape CompleteAsync returns
        bool stopped = completion.Choices[0].FinishReason == FinishReason.Stop;
        output.WriteLine($"\n{completion.Usage?.CompletionTokensDetails?.ReasoningTokens} reasoning tokens, stopped: {stopped}");
        // ---- end of README example ----

        string text = output.ToString();
        Assert.StartsWith(completion.Choices[0].Message.ReasoningContent!, text, StringComparison.Ordinal);
        Assert.Contains(completion.Choices[0].Message.Content!, text, StringComparison.Ordinal);
        Assert.EndsWith("133 reasoning tokens, stopped: True" + Environment.NewLine, text, StringComparison.Ordinal);
    }
}
