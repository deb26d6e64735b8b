using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using XaiAot.Benchmarks.Data;
using XaiAot.Benchmarks.Peers;
using XaiAot.Chat;

namespace XaiAot.Benchmarks.Infrastructure;

/// <summary>
/// <c>dotnet run -c Release -- --profile [Seed163|Synthetic10k]</c>: where the time and the
/// allocations of XaiAot's stream path go, stage by stage (best of several rounds, in-process,
/// a rough guide next to the BenchmarkDotNet figures, not a replacement for them).
/// </summary>
internal static class StageProfile
{
    private static readonly JsonConverter<ChatCompletionChunk> Converter =
        (JsonConverter<ChatCompletionChunk>)XaiChatJsonContext.Default.ChatCompletionChunk.Converter;

    private static ReadOnlySpan<byte> Done => "[DONE]"u8;

    private static int s_repeat = 1;

    public static async Task RunAsync(StreamKind kind)
    {
        byte[] body = BenchData.Stream(kind);
        byte[][] payloads = Payloads(body);
        int chunks = payloads.Length;
        s_repeat = Math.Max(1, 2_000_000 / body.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind}: {body.Length:N0} bytes, {chunks:N0} chunks; 1 s warm-up, then best of 15 rounds of {s_repeat} run(s); figures per run"));
        Console.WriteLine("| stage | ms | MB/s | B/chunk |");
        Console.WriteLine("|---|---:|---:|---:|");

        await Stage("SseParser async, no parse (returns 0)", body, chunks, b => SseOnlyAsync(b)).ConfigureAwait(false);
        await Stage("SseParser sync, Utf8JsonReader token pass", body, chunks, b => Task.FromResult(LimitSync(b))).ConfigureAwait(false);
        await Stage("SseParser async, Utf8JsonReader token pass (= Limit)", body, chunks, b => StreamContenders.LimitAsync(b)).ConfigureAwait(false);
        await Stage("payloads pre-split: Utf8JsonReader token pass", body, chunks, _ => Task.FromResult(TokensOnly(payloads))).ConfigureAwait(false);
        await Stage("payloads pre-split: XaiAot converter.Read", body, chunks, _ => Task.FromResult(ConverterOnly(payloads))).ConfigureAwait(false);
        await Stage("payloads pre-split: XaiAot JsonSerializer.Deserialize", body, chunks, _ => Task.FromResult(DeserializeOnly(payloads))).ConfigureAwait(false);
        await Stage("payloads pre-split: STJ source-gen Deserialize", body, chunks, _ => Task.FromResult(StjOnly(payloads))).ConfigureAwait(false);
        await Stage("payloads pre-split: XaiAot converter + accumulator", body, chunks, _ => Task.FromResult(ConverterAndAccumulator(payloads))).ConfigureAwait(false);
        await Stage("SseParser async + XaiAot converter, no accumulator", body, chunks, b => SseAndConverterAsync(b)).ConfigureAwait(false);
        await Stage("SseParser sync + XaiAot converter + accumulator", body, chunks, b => Task.FromResult(SyncPipeline(b))).ConfigureAwait(false);
        await Stage("ChatCompletionStream.Read + BuildCompletion (= XaiAot)", body, chunks, async b => (await StreamContenders.XaiAotAsync(b).ConfigureAwait(false)).Choices.Count).ConfigureAwait(false);
        await Stage("SseParser async + STJ source-gen + StringBuilders (= StjSourceGen)", body, chunks, async b => (await StreamContenders.StjAsync(b, StjSourceGenContext.Default.StjChunk).ConfigureAwait(false)).TotalTokens).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>--loop CONTENDER SECONDS [STREAM]</c>: runs one contender on one stream for a while and
    /// nothing else, for a sampling profiler (<c>DOTNET_PerfMapEnabled=1 perf record -F 999 -g</c>).
    /// </summary>
    public static async Task LoopAsync(string contender, double seconds, StreamKind kind)
    {
        byte[] body = BenchData.Stream(kind);
        Func<byte[], Task> run = contender switch
        {
            "XaiAot" => b => StreamContenders.XaiAotAsync(b),
            "StjSourceGen" => b => StreamContenders.StjAsync(b, StjSourceGenContext.Default.StjChunk),
            "Limit" => b => StreamContenders.LimitAsync(b),
            _ => throw new ArgumentException("Unknown contender " + contender + " (XaiAot, StjSourceGen, Limit).", nameof(contender)),
        };
        long start = Stopwatch.GetTimestamp();
        long runs = 0;
        while (Stopwatch.GetElapsedTime(start).TotalSeconds < seconds)
        {
            await run(body).ConfigureAwait(false);
            runs++;
        }

        double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds / runs;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{contender} on {kind}: {runs:N0} runs, {ms:F3} ms per run on average"));
    }

    private static async Task Stage<T>(string name, byte[] body, int chunks, Func<byte[], Task<T>> run)
    {
        // Warm up for a second so tiered compilation has moved every method on the path to tier 1.
        long warmup = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(warmup).TotalSeconds < 1.0)
        {
            await run(body).ConfigureAwait(false);
        }

        double best = double.MaxValue;
        long allocated = long.MaxValue;
        for (int i = 0; i < 15; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            for (int r = 0; r < s_repeat; r++)
            {
                await run(body).ConfigureAwait(false);
            }

            double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds / s_repeat;
            allocated = Math.Min(allocated, (GC.GetAllocatedBytesForCurrentThread() - before) / s_repeat);
            best = Math.Min(best, ms);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {best:F3} | {body.Length / (best / 1000) / 1e6:N0} | {(double)allocated / chunks:N0} |"));
    }

    private static byte[][] Payloads(byte[] body)
    {
        var list = new List<byte[]>();
        foreach (string data in BenchData.DataEvents(body))
        {
            if (data != "[DONE]")
            {
                list.Add(Encoding.UTF8.GetBytes(data));
            }
        }

        return list.ToArray();
    }

    private static async Task<int> SseOnlyAsync(byte[] body)
    {
        using var stream = new MemoryStream(body, writable: false);
        int count = 0;
        await foreach (SseItem<int> item in SseParser.Create(stream, static (_, _) => 0).EnumerateAsync().ConfigureAwait(false))
        {
            count += item.Data + 1;
        }

        return count;
    }

    private static long LimitSync(byte[] body)
    {
        using var stream = new MemoryStream(body, writable: false);
        long total = 0;
        foreach (SseItem<int> item in SseParser.Create(stream, static (_, data) =>
        {
            if (data.SequenceEqual(Done))
            {
                return 0;
            }

            var reader = new Utf8JsonReader(data);
            int tokens = 0;
            while (reader.Read())
            {
                tokens++;
            }

            return tokens;
        }).Enumerate())
        {
            total += item.Data;
        }

        return total;
    }

    private static long TokensOnly(byte[][] payloads)
    {
        long total = 0;
        foreach (byte[] payload in payloads)
        {
            var reader = new Utf8JsonReader(payload);
            while (reader.Read())
            {
                total++;
            }
        }

        return total;
    }

    private static ChatCompletionChunk Read(ReadOnlySpan<byte> payload)
    {
        var reader = new Utf8JsonReader(payload);
        reader.Read();
        return Converter.Read(ref reader, typeof(ChatCompletionChunk), XaiChatJsonContext.Default.Options)!;
    }

    private static int ConverterOnly(byte[][] payloads)
    {
        int n = 0;
        foreach (byte[] payload in payloads)
        {
            n += Read(payload).Choices.Count;
        }

        return n;
    }

    private static int DeserializeOnly(byte[][] payloads)
    {
        int n = 0;
        foreach (byte[] payload in payloads)
        {
            n += JsonSerializer.Deserialize(payload, XaiChatJsonContext.Default.ChatCompletionChunk)!.Choices.Count;
        }

        return n;
    }

    private static int StjOnly(byte[][] payloads)
    {
        int n = 0;
        foreach (byte[] payload in payloads)
        {
            n += JsonSerializer.Deserialize(payload, StjSourceGenContext.Default.StjChunk)!.Choices!.Count;
        }

        return n;
    }

    private static int ConverterAndAccumulator(byte[][] payloads)
    {
        var accumulator = new ChatCompletionAccumulator();
        foreach (byte[] payload in payloads)
        {
            accumulator.Append(Read(payload));
        }

        return accumulator.Build().Choices.Count;
    }

    private static async Task<int> SseAndConverterAsync(byte[] body)
    {
        using var stream = new MemoryStream(body, writable: false);
        int n = 0;
        await foreach (SseItem<ChatCompletionChunk?> item in SseParser.Create(stream, static (_, data) => data.SequenceEqual(Done) ? null : Read(data)).EnumerateAsync().ConfigureAwait(false))
        {
            n += item.Data?.Choices.Count ?? 0;
        }

        return n;
    }

    private static int SyncPipeline(byte[] body)
    {
        using var stream = new MemoryStream(body, writable: false);
        var accumulator = new ChatCompletionAccumulator();
        foreach (SseItem<ChatCompletionChunk?> item in SseParser.Create(stream, static (_, data) => data.SequenceEqual(Done) ? null : Read(data)).Enumerate())
        {
            if (item.Data is { } chunk)
            {
                accumulator.Append(chunk);
            }
        }

        return accumulator.Build().Choices.Count;
    }
}
