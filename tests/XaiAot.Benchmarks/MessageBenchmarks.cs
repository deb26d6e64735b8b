using System;
using System.Buffers;
using System.ClientModel.Primitives;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenAI;
using OpenAI.Chat;
using XaiAot.Benchmarks.Data;
using XaiAot.Benchmarks.Infrastructure;
using XaiAot.Benchmarks.Peers;
using XaiAot.Chat;

namespace XaiAot.Benchmarks;

/// <summary>One chunk of the seed stream (a content delta) deserialized from its UTF-8 bytes.</summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[BenchmarkCategory("ChunkDeserialize")]
public class ChunkDeserializeBenchmarks
{
    private byte[] _chunk = [];
    private BinaryData _chunkData = null!;

    [GlobalSetup]
    public void Setup()
    {
        _chunk = BenchData.OneChunk();
        _chunkData = BinaryData.FromBytes(_chunk);
        string expected = XaiAot().Choices[0].Delta.Content!;
        Check(expected, "OpenAI", OpenAI().ContentUpdate[0].Text);
        Check(expected, "StjSourceGen", StjSourceGen().Choices![0].Delta!.Content);
        Check(expected, "StjReflection", StjReflection().Choices![0].Delta!.Content);
        if (Limit() <= 0)
        {
            throw new InvalidOperationException("The limit read no tokens.");
        }
    }

    [Benchmark(Baseline = true)]
    public ChatCompletionChunk XaiAot() => JsonSerializer.Deserialize(_chunk, XaiChatJsonContext.Default.ChatCompletionChunk)!;

    [Benchmark]
    public StreamingChatCompletionUpdate OpenAI() =>
        ModelReaderWriter.Read<StreamingChatCompletionUpdate>(_chunkData, ModelReaderWriterOptions.Json, OpenAIContext.Default)!;

    [Benchmark]
    public StjChunk StjSourceGen() => JsonSerializer.Deserialize(_chunk, StjSourceGenContext.Default.StjChunk)!;

    [Benchmark]
    public StjChunk StjReflection() => JsonSerializer.Deserialize<StjChunk>(_chunk, Peers.StjReflection.Options)!;

    [Benchmark]
    public int Limit()
    {
        var reader = new Utf8JsonReader(_chunk);
        int tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    private static void Check(string expected, string who, string? actual)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException(who + " read content '" + actual + "', XaiAot '" + expected + "'.");
        }
    }
}

/// <summary>
/// A 20-message conversation with four tools serialized into a reused buffer. (The OpenAI package
/// has no public way to serialize a request with messages outside an HTTP call, so it is absent.)
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[BenchmarkCategory("RequestSerialize")]
public class RequestSerializeBenchmarks : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private Utf8JsonWriter _writer = null!;
    private ChatCompletionRequest _xai = null!;
    private StjRequest _stj = null!;

    [GlobalSetup]
    public void Setup()
    {
        _writer = new Utf8JsonWriter(_buffer);
        _xai = Conversation.XaiAot();
        _stj = Conversation.Stj();
        byte[] expected = Written(XaiAot());
        Compare(expected, "StjSourceGen", Written(StjSourceGen()));
        Compare(expected, "StjReflection", Written(StjReflection()));
    }

    [Benchmark(Baseline = true)]
    public int XaiAot()
    {
        Reset();
        JsonSerializer.Serialize(_writer, _xai, XaiChatJsonContext.Default.ChatCompletionRequest);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int StjSourceGen()
    {
        Reset();
        JsonSerializer.Serialize(_writer, _stj, StjSourceGenContext.Default.StjRequest);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int StjReflection()
    {
        Reset();
        JsonSerializer.Serialize(_writer, _stj, Peers.StjReflection.Options);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    public void Dispose()
    {
        _writer?.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Reset()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
    }

    private byte[] Written(int count) => _buffer.WrittenSpan[..count].ToArray();

    /// <summary>Same JSON meaning (member order aside) as XaiAot's output, 20 messages and 4 tools.</summary>
    private static void Compare(byte[] expected, string who, byte[] actual)
    {
        using JsonDocument a = JsonDocument.Parse(expected);
        using JsonDocument b = JsonDocument.Parse(actual);
        if (a.RootElement.GetProperty("messages").GetArrayLength() != Conversation.MessageCount
            || a.RootElement.GetProperty("tools").GetArrayLength() != 4)
        {
            throw new InvalidOperationException("XaiAot's request lost messages or tools.");
        }

        if (!JsonElement.DeepEquals(a.RootElement, b.RootElement))
        {
            throw new InvalidOperationException(who + " wrote a different request:\n" + System.Text.Encoding.UTF8.GetString(actual)
                + "\nXaiAot:\n" + System.Text.Encoding.UTF8.GetString(expected));
        }
    }
}
