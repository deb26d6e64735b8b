using System.Collections.Generic;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenAI.Chat;
using XaiAot.Benchmarks.Data;
using XaiAot.Benchmarks.Infrastructure;
using XaiAot.Benchmarks.Peers;

namespace XaiAot.Benchmarks;

/// <summary>
/// Stream parse + reassembly: from a MemoryStream over the SSE body to the final message (text,
/// reasoning where the contender types it, finish reason, usage).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(StreamConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[BenchmarkCategory("StreamParse")]
public class StreamBenchmarks
{
    private byte[] _body = [];
    private ChatClient _openAi = null!;

    [Params(StreamKind.Seed163, StreamKind.Synthetic10k)]
    public StreamKind Stream { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _body = BenchData.Stream(Stream);
        _openAi = StreamContenders.CreateOpenAiClient(_body);

        // A broken contender must not win: all of them have to produce the same message.
        FinalMessage expected = FinalMessage.From(StreamContenders.XaiAotAsync(_body).GetAwaiter().GetResult());
        var others = new Dictionary<string, FinalMessage>
        {
            ["OpenAI"] = StreamContenders.OpenAiAsync(_openAi).GetAwaiter().GetResult(),
            ["StjSourceGen"] = StreamContenders.StjAsync(_body, StjSourceGenContext.Default.StjChunk).GetAwaiter().GetResult(),
            ["StjReflection"] = StreamContenders.StjReflectionAsync(_body).GetAwaiter().GetResult(),
        };
        StreamContenders.AssertAgree(Stream.ToString(), expected, others, ["OpenAI"]);
        if (StreamContenders.LimitAsync(_body).GetAwaiter().GetResult() <= 0)
        {
            throw new System.InvalidOperationException("The limit read no tokens.");
        }
    }

    [Benchmark(Baseline = true)]
    public Task<XaiAot.Chat.ChatCompletion> XaiAot() => StreamContenders.XaiAotAsync(_body);

    [Benchmark]
    public Task<FinalMessage> OpenAI() => StreamContenders.OpenAiAsync(_openAi);

    [Benchmark]
    public Task<FinalMessage> StjSourceGen() => StreamContenders.StjAsync(_body, StjSourceGenContext.Default.StjChunk);

    [Benchmark]
    public Task<FinalMessage> StjReflection() => StreamContenders.StjReflectionAsync(_body);

    [Benchmark]
    public Task<long> Limit() => StreamContenders.LimitAsync(_body);
}
