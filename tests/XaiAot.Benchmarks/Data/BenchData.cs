using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using XaiAot.Recording;

namespace XaiAot.Benchmarks.Data;

/// <summary>
/// The bytes every contender is fed: the seed stream as recorded, the same chunks repeated to
/// 10,000 events, one chunk, and a 20-message request with tools. Built once per process.
/// </summary>
public static class BenchData
{
    private static readonly Lazy<byte[]> s_seed = new(LoadSeed);
    private static readonly Lazy<byte[]> s_synthetic = new(() => Repeat(Seed, SyntheticDataEvents - 1));

    /// <summary>Data events in the synthetic stream: 9,999 chunks and [DONE].</summary>
    public const int SyntheticDataEvents = 10_000;

    /// <summary>The SSE body of <c>simple_streaming.yaml</c>: 163 data events, 162 chunks then <c>[DONE]</c>.</summary>
    public static byte[] Seed => s_seed.Value;

    /// <summary>The seed's chunks repeated to <see cref="SyntheticDataEvents"/> data events (one finish, one usage, one [DONE] at the end).</summary>
    public static byte[] Synthetic => s_synthetic.Value;

    /// <summary>The stream for a <c>[Params]</c> value.</summary>
    public static byte[] Stream(StreamKind kind) => kind == StreamKind.Seed163 ? Seed : Synthetic;

    /// <summary>Chunk events (not counting [DONE]) of a stream.</summary>
    public static int ChunkEvents(StreamKind kind) => CountChunkEvents(Stream(kind));

    /// <summary>A typical chunk of the seed stream: one content delta with the id, model and fingerprint every chunk repeats.</summary>
    public static byte[] OneChunk()
    {
        foreach (string data in DataEvents(Seed))
        {
            if (data.Contains("\"content\":\"Olá\"", StringComparison.Ordinal))
            {
                return Encoding.UTF8.GetBytes(data);
            }
        }

        throw new InvalidOperationException("The seed stream has no 'Olá' content chunk.");
    }

    /// <summary>The folder holding <c>XaiAot.sln</c> (see <see cref="XaiAot.Testing.RepositoryPaths"/>).</summary>
    public static string RepositoryRoot() => XaiAot.Testing.RepositoryPaths.RepositoryRoot;

    /// <summary><c>../shared/cassettes</c> beside the repository (CI clones it there too).</summary>
    public static string CassetteDirectory() => XaiAot.Testing.RepositoryPaths.CassettesDirectory;

    /// <summary>The <c>data:</c> payloads of an SSE body, in order, [DONE] included.</summary>
    public static IEnumerable<string> DataEvents(byte[] body)
    {
        string text = Encoding.UTF8.GetString(body).Replace("\r\n", "\n", StringComparison.Ordinal);
        foreach (string block in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            string trimmed = block.Trim('\n');
            if (trimmed.StartsWith("data: ", StringComparison.Ordinal))
            {
                yield return trimmed.Substring("data: ".Length);
            }
        }
    }

    private static int CountChunkEvents(byte[] body)
    {
        int count = 0;
        foreach (string data in DataEvents(body))
        {
            if (data != "[DONE]")
            {
                count++;
            }
        }

        return count;
    }

    private static byte[] LoadSeed()
    {
        string path = Path.Combine(CassetteDirectory(), "simple_streaming.yaml");
        string body = Cassette.Load(path).Interactions[0].Response.Body;
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        int events = CountChunkEvents(bytes);
        if (events != 162 || !body.TrimEnd().EndsWith("data: [DONE]", StringComparison.Ordinal))
        {
            throw new InvalidDataException(path + ": expected 162 chunk events and [DONE], found " + events + ".");
        }

        return bytes;
    }

    /// <summary>
    /// Repeats the seed's middle chunks (every chunk without finish_reason or usage) in order until
    /// <paramref name="total"/> chunk events, then the seed's finish chunk, usage chunk and [DONE].
    /// </summary>
    private static byte[] Repeat(byte[] seed, int total)
    {
        var middle = new List<string>();
        var tail = new List<string>();
        foreach (string data in DataEvents(seed))
        {
            if (data == "[DONE]")
            {
                continue;
            }

            using JsonDocument doc = JsonDocument.Parse(data);
            JsonElement choices = doc.RootElement.GetProperty("choices");
            bool finishes = choices.GetArrayLength() == 0
                || (choices[0].TryGetProperty("finish_reason", out JsonElement reason) && reason.ValueKind != JsonValueKind.Null);
            (finishes ? tail : middle).Add(data);
        }

        var text = new StringBuilder(total * 240);
        int written = 0;
        for (int i = 0; written < total - tail.Count; i++, written++)
        {
            text.Append("data: ").Append(middle[i % middle.Count]).Append("\n\n");
        }

        foreach (string data in tail)
        {
            text.Append("data: ").Append(data).Append("\n\n");
        }

        text.Append("data: [DONE]\n\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}

/// <summary>Which stream a streaming benchmark reads.</summary>
public enum StreamKind
{
    /// <summary>The recorded seed stream: 163 data events (162 chunks and [DONE]).</summary>
    Seed163,

    /// <summary>The seed's chunks repeated to 10,000 data events (9,999 chunks and [DONE]).</summary>
    Synthetic10k,
}
