using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace XaiAot.Tests.Support;

internal static class Streams
{
    public static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>Reads every chunk through the client's SSE reader, with the accumulator it filled.</summary>
    public static async Task<(List<ChatCompletionChunk> Chunks, ChatCompletionAccumulator Accumulator)> ReadAllAsync(string sseBody)
    {
        var accumulator = new ChatCompletionAccumulator();
        var chunks = new List<ChatCompletionChunk>();
        await foreach (ChatCompletionChunk chunk in ChunkStream.ReadAsync(Utf8(sseBody), accumulator))
        {
            chunks.Add(chunk);
        }

        return (chunks, accumulator);
    }
}
