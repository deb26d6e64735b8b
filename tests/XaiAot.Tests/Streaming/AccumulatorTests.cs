using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CsCheck;
using XaiAot.Chat;
using XaiAot.Recording;
using XaiAot.Tests.Support;

namespace XaiAot.Tests.Streaming;

/// <summary>Streams fold into the same shape a non-streaming call returns, whatever the split.</summary>
public sealed class AccumulatorTests
{
    public static IEnumerable<object[]> StreamingInteractions()
    {
        foreach (object[] name in SharedCassettes.All())
        {
            Cassette cassette = SharedCassettes.Load((string)name[0]);
            for (int i = 0; i < cassette.Interactions.Count; i++)
            {
                if (cassette.Interactions[i].Response.IsEventStream)
                {
                    yield return new object[] { name[0], i };
                }
            }
        }
    }

    private static List<ChatCompletionChunk> Chunks(string cassette, int interaction) =>
        SseText.DataPayloads(SharedCassettes.Load(cassette).Interactions[interaction].Response.Body)
            .Where(p => p != "[DONE]")
            .Select(p => JsonSerializer.Deserialize(p, XaiChatJsonContext.Default.ChatCompletionChunk)!)
            .ToList();

    private static ChatCompletion Fold(IEnumerable<ChatCompletionChunk> chunks)
    {
        var accumulator = new ChatCompletionAccumulator();
        foreach (ChatCompletionChunk chunk in chunks)
        {
            accumulator.Append(chunk);
        }

        return accumulator.Build();
    }

    private static string Wire(ChatCompletion completion) => JsonSerializer.Serialize(completion, XaiChatJsonContext.Default.ChatCompletion);

    [Theory]
    [MemberData(nameof(StreamingInteractions))]
    public void A_recorded_stream_folds_into_its_message(string cassette, int interaction)
    {
        List<ChatCompletionChunk> chunks = Chunks(cassette, interaction);
        ChatCompletion completion = Fold(chunks);

        IEnumerable<ChunkDelta> deltas = chunks.SelectMany(c => c.Choices).Select(c => c.Delta);
        Choice choice = Assert.Single(completion.Choices);
        Assert.Equal(NullIfEmpty(string.Concat(deltas.Select(d => d.Content))), choice.Message.Content);
        Assert.Equal(NullIfEmpty(string.Concat(deltas.Select(d => d.ReasoningContent))), choice.Message.ReasoningContent);
        Assert.Equal(Role.Assistant, choice.Message.Role);
        Assert.Equal(chunks.SelectMany(c => c.Choices).Last(c => c.FinishReason is not null).FinishReason, choice.FinishReason);
        Assert.Same(chunks.Last(c => c.Usage is not null).Usage, completion.Usage);
        Assert.Equal(chunks[0].Id, completion.Id);
        Assert.Equal(chunks[0].Model, completion.Model);
        Assert.Equal(chunks[0].Created, completion.Created);
        Assert.Equal(chunks[^1].SystemFingerprint, completion.SystemFingerprint);
        Assert.Equal("chat.completion", completion.Object);

        // Every tool call, whole or in fragments, is one call with all its argument text.
        var calls = deltas.Where(d => d.ToolCalls is not null).SelectMany(d => d.ToolCalls!).GroupBy(t => t.Index).OrderBy(g => g.Key).ToList();
        Assert.Equal(calls.Count, choice.Message.ToolCalls?.Count ?? 0);
        for (int i = 0; i < calls.Count; i++)
        {
            ToolCall call = choice.Message.ToolCalls![i];
            Assert.Equal(calls[i].First(t => t.Id is not null).Id, call.Id);
            Assert.Equal(calls[i].First(t => t.Function?.Name is not null).Function!.Name, call.Function.Name);
            Assert.Equal(string.Concat(calls[i].Select(t => t.Function?.Arguments)), call.Function.Arguments);
            using JsonDocument arguments = JsonDocument.Parse(call.Function.Arguments);
            Assert.Equal(JsonValueKind.Object, arguments.RootElement.ValueKind);
        }
    }

    [Fact]
    public void OpenAI_argument_fragments_merge_into_whole_calls()
    {
        ChatCompletion completion = Fold(Chunks("openai-gpt-4o-mini__multi_tool_streaming.yaml", 0));
        IReadOnlyList<ToolCall> calls = completion.Choices[0].Message.ToolCalls!;
        Assert.Equal(new[] { "add", "multiply" }, calls.Select(c => c.Function.Name));
        Assert.All(calls, c => Assert.Equal(JsonSerializer.Serialize(new { a = 2, b = 3 }), JsonSerializer.Serialize(JsonDocument.Parse(c.Function.Arguments).RootElement)));
        Assert.All(calls, c => Assert.StartsWith("call_", c.Id, StringComparison.Ordinal));
        Assert.Equal(FinishReason.ToolCalls, completion.Choices[0].FinishReason);
        Assert.Equal("default", completion.ServiceTier!.Value.Value);
    }

    [Fact]
    public void A_streamed_answer_has_the_same_shape_as_a_non_streaming_one()
    {
        // Same prompt, recorded both ways: the folded stream and the whole response carry the same members.
        ChatCompletion streamed = Fold(Chunks("simple_streaming.yaml", 0));
        ChatCompletion whole = JsonSerializer.Deserialize(
            SharedCassettes.Load("xai-grok-code-fast__simple.yaml").Interactions[0].Response.Body, XaiChatJsonContext.Default.ChatCompletion)!;

        using JsonDocument a = JsonDocument.Parse(Wire(streamed));
        using JsonDocument b = JsonDocument.Parse(Wire(whole));
        string[] Members(JsonElement e) => e.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(Members(b.RootElement), Members(a.RootElement));
        Assert.Equal(Members(b.RootElement.GetProperty("usage")), Members(a.RootElement.GetProperty("usage")));
        // The non-streaming body omits reasoning_content (xAI reports only its token count there).
        Assert.Subset(
            Members(b.RootElement.GetProperty("choices")[0].GetProperty("message")).Append("reasoning_content").ToHashSet(),
            Members(a.RootElement.GetProperty("choices")[0].GetProperty("message")).ToHashSet());
    }

    [Fact]
    public void Unknown_members_of_chunk_choice_and_delta_are_kept()
    {
        List<ChatCompletionChunk> chunks = Chunks("simple_streaming.yaml", 0);
        JsonElement Value(string json) => JsonDocument.Parse(json).RootElement;
        chunks[1] = chunks[1] with
        {
            AdditionalProperties = new Dictionary<string, JsonElement> { ["trace"] = Value("\"t1\"") },
            Choices = new[]
            {
                chunks[1].Choices[0] with
                {
                    AdditionalProperties = new Dictionary<string, JsonElement> { ["score"] = Value("0.5") },
                    Delta = chunks[1].Choices[0].Delta with { AdditionalProperties = new Dictionary<string, JsonElement> { ["audio"] = Value("{\"id\":\"a\"}") } },
                },
            },
        };

        ChatCompletion completion = Fold(chunks);
        Assert.Equal("t1", completion.AdditionalProperties!["trace"].GetString());
        Assert.Equal(0.5, completion.Choices[0].AdditionalProperties!["score"].GetDouble());
        Assert.Equal("a", completion.Choices[0].Message.AdditionalProperties!["audio"].GetProperty("id").GetString());
    }

    [Fact]
    public void Logprobs_are_appended_in_order()
    {
        var first = new TokenLogprob { Token = "Ol", Logprob = -0.1, Bytes = new long[] { 79, 108 }, TopLogprobs = Array.Empty<TopLogprob>() };
        var second = new TokenLogprob { Token = "á", Logprob = -0.2, Bytes = null, TopLogprobs = Array.Empty<TopLogprob>() };
        ChatCompletionChunk Chunk(TokenLogprob token, string text) => new()
        {
            Id = "c", Created = 1, Model = "m",
            Choices = new[] { new ChunkChoice { Index = 0, Delta = new ChunkDelta { Content = text }, Logprobs = new Logprobs { Content = new[] { token } } } },
        };

        ChatCompletion completion = Fold(new[] { Chunk(first, "Ol"), Chunk(second, "á") });
        Assert.Equal(new[] { first, second }, completion.Choices[0].Logprobs!.Content);
        Assert.Equal("Olá", completion.Choices[0].Message.Content);
    }

    [Fact]
    public void Choices_are_kept_apart_by_index_in_index_order()
    {
        ChatCompletionChunk Chunk(long index, string text) => new()
        {
            Id = "c", Created = 1, Model = "m",
            Choices = new[] { new ChunkChoice { Index = index, Delta = new ChunkDelta { Content = text } } },
        };

        ChatCompletion completion = Fold(new[] { Chunk(1, "b1"), Chunk(0, "a1"), Chunk(1, "b2"), Chunk(0, "a2") });
        Assert.Equal(new long[] { 0, 1 }, completion.Choices.Select(c => c.Index));
        Assert.Equal("a1a2", completion.Choices[0].Message.Content);
        Assert.Equal("b1b2", completion.Choices[1].Message.Content);
    }

    /// <summary>
    /// Property: cut a real stream's text and argument deltas at arbitrary points and regroup them
    /// into arbitrary chunks; the folded message is always the same.
    /// </summary>
    [Theory]
    [MemberData(nameof(StreamingInteractions))]
    public void Any_split_of_a_real_streams_deltas_folds_to_the_same_message(string cassette, int interaction)
    {
        List<ChatCompletionChunk> original = Chunks(cassette, interaction);
        string expected = Wire(Fold(original));
        List<Piece> pieces = Pieces(original);

        Gen.Int[1, 6].Array[pieces.Count].Select(Gen.Int[1, 5].Array[pieces.Count]).Sample(
            cuts =>
            {
                (int[] splitInto, int[] groupSizes) = cuts;
                ChatCompletion refolded = Fold(Regroup(original, pieces, splitInto, groupSizes));
                return Wire(refolded) == expected;
            },
            iter: 60);
    }

    private sealed record Piece(string? Content, string? Reasoning, ToolCallDelta? Tool, ChunkChoice Source);

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>Every delta of the stream as separate pieces of text or tool-call fragments, in order.</summary>
    private static List<Piece> Pieces(List<ChatCompletionChunk> chunks)
    {
        var pieces = new List<Piece>();
        foreach (ChunkChoice choice in chunks.SelectMany(c => c.Choices))
        {
            ChunkDelta delta = choice.Delta;
            if (delta.ReasoningContent is { } reasoning)
            {
                pieces.Add(new Piece(null, reasoning, null, choice));
            }

            if (delta.Content is { } content)
            {
                pieces.Add(new Piece(content, null, null, choice));
            }

            foreach (ToolCallDelta tool in delta.ToolCalls ?? Array.Empty<ToolCallDelta>())
            {
                pieces.Add(new Piece(null, null, tool, choice));
            }
        }

        return pieces;
    }

    /// <summary>Splits each piece's text into <paramref name="splitInto"/> parts and packs consecutive parts into chunks.</summary>
    private static IEnumerable<ChatCompletionChunk> Regroup(List<ChatCompletionChunk> original, List<Piece> pieces, int[] splitInto, int[] groupSizes)
    {
        var fragments = new List<ChunkDelta>();
        for (int i = 0; i < pieces.Count; i++)
        {
            Piece piece = pieces[i];
            string text = piece.Content ?? piece.Reasoning ?? piece.Tool?.Function?.Arguments ?? string.Empty;
            List<string> parts = Split(text, splitInto[i]);
            for (int p = 0; p < parts.Count; p++)
            {
                if (piece.Tool is { } tool)
                {
                    // The first fragment carries id, type and name, later ones only arguments (OpenAI style).
                    ToolCallDelta fragment = p == 0
                        ? tool with { Function = (tool.Function ?? new FunctionCallDelta()) with { Arguments = parts[p] } }
                        : new ToolCallDelta { Index = tool.Index, Function = new FunctionCallDelta { Arguments = parts[p] } };
                    fragments.Add(new ChunkDelta { Role = piece.Source.Delta.Role, ToolCalls = new[] { fragment } });
                }
                else
                {
                    fragments.Add(new ChunkDelta { Role = piece.Source.Delta.Role, Content = piece.Content is null ? null : parts[p], ReasoningContent = piece.Reasoning is null ? null : parts[p] });
                }
            }
        }

        ChatCompletionChunk template = original[0];
        int at = 0;
        for (int g = 0; at < fragments.Count; g++)
        {
            int size = groupSizes[g % groupSizes.Length];
            // A chunk holds one delta per choice, so a group merges its fragments into one delta.
            List<ChunkDelta> group = fragments.Skip(at).Take(size).ToList();
            at += group.Count;
            yield return template with
            {
                Choices = new[] { new ChunkChoice { Index = 0, Delta = Merge(group) } },
                Usage = null,
            };
        }

        ChunkChoice last = original.SelectMany(c => c.Choices).Last(c => c.FinishReason is not null);
        yield return template with { Choices = new[] { new ChunkChoice { Index = 0, Delta = new ChunkDelta(), FinishReason = last.FinishReason } }, Usage = null };
        yield return original[^1] with { };
    }

    private static ChunkDelta Merge(List<ChunkDelta> group)
    {
        // Concatenating within a chunk keeps order: reasoning and content never interleave inside one group
        // except at the boundary, where reasoning precedes content as in the stream.
        string? reasoning = NullIfEmpty(string.Concat(group.Select(d => d.ReasoningContent)));
        string? content = NullIfEmpty(string.Concat(group.Select(d => d.Content)));
        var tools = group.Where(d => d.ToolCalls is not null).SelectMany(d => d.ToolCalls!).ToList();
        return new ChunkDelta
        {
            Role = group.Select(d => d.Role).FirstOrDefault(r => r is not null),
            ReasoningContent = reasoning,
            Content = content,
            ToolCalls = tools.Count == 0 ? null : tools,
        };
    }

    private static List<string> Split(string text, int parts)
    {
        var result = new List<string>();
        int size = Math.Max(1, (int)Math.Ceiling(text.Length / (double)parts));
        for (int i = 0; i < text.Length; i += size)
        {
            result.Add(text.Substring(i, Math.Min(size, text.Length - i)));
        }

        if (result.Count == 0)
        {
            result.Add(text);
        }

        return result;
    }
}
