using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using XaiAot.Chat;

namespace XaiAot.Tests.Support;

internal static class Streams
{
    public static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>Reads every chunk through the client's SSE reader, with the accumulator it filled.</summary>
    public static async Task<(List<ChatCompletionChunk> Chunks, ChatCompletionAccumulator Accumulator)> ReadAllAsync(string sseBody)
    {
        var chunks = new List<ChatCompletionChunk>();
        await foreach (ChatCompletionChunk chunk in ChatCompletionStream.Read(Utf8(sseBody)))
        {
            chunks.Add(chunk);
        }

        // The same chunks folded again: the accumulator a test inspects (HasFinishReason, Usage).
        var accumulator = new ChatCompletionAccumulator();
        foreach (ChatCompletionChunk chunk in chunks)
        {
            accumulator.Append(chunk);
        }

        return (chunks, accumulator);
    }
}
