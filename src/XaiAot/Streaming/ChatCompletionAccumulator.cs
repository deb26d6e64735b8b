using System;
using System.Collections.Generic;
using System.Text.Json;

namespace XaiAot.Chat;

/// <summary>
/// Folds streamed chunks into the <see cref="ChatCompletion"/> a non-streaming call returns:
/// content, reasoning and refusal text per choice; tool calls merged by <c>index</c> (whole calls,
/// as xAI sends them, and argument fragments, as OpenAI sends them); the last finish_reason;
/// logprobs appended; usage, citations, id, model, created (each from the first chunk that has
/// one: a prelude chunk with empty ones does not win), system_fingerprint and service tier;
/// and unknown members of the chunk, choice and delta kept on the completion, choice and message.
/// Order of arrival is all that matters: any split of the same deltas gives the same result.
/// </summary>
public sealed class ChatCompletionAccumulator
{
    private readonly List<ChoiceState> _choices = new(1);
    private string? _id;
    private long _created;
    private string? _model;
    private string? _systemFingerprint;
    private ServiceTier? _serviceTier;
    private IReadOnlyList<string>? _citations;
    private Usage? _usage;
    private Dictionary<string, JsonElement>? _extra;

    /// <summary>How many chunks have been appended.</summary>
    public int ChunkCount { get; private set; }

    /// <summary>True once any choice has a finish_reason.</summary>
    public bool HasFinishReason { get; private set; }

    /// <summary>The usage reported so far (xAI and OpenAI send it in a last chunk with no choices).</summary>
    public Usage? Usage => _usage;

    /// <summary>Adds one chunk, in arrival order.</summary>
    public void Append(ChatCompletionChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        ChunkCount++;
        // Each from the first chunk that has it: Azure AI Foundry opens with a content-filter prelude
        // whose id and model are "" and created is 0, before the chunks of the answer.
        if (string.IsNullOrEmpty(_id) && !string.IsNullOrEmpty(chunk.Id))
        {
            _id = chunk.Id;
        }

        if (string.IsNullOrEmpty(_model) && !string.IsNullOrEmpty(chunk.Model))
        {
            _model = chunk.Model;
        }

        if (_created == 0)
        {
            _created = chunk.Created;
        }

        _systemFingerprint = chunk.SystemFingerprint ?? _systemFingerprint;
        _serviceTier = chunk.ServiceTier ?? _serviceTier;
        _citations = chunk.Citations ?? _citations;
        _usage = chunk.Usage ?? _usage;
        Merge(ref _extra, chunk.AdditionalProperties);

        IReadOnlyList<ChunkChoice> choices = chunk.Choices;
        for (int i = 0; i < choices.Count; i++)
        {
            ChunkChoice choice = choices[i];
            ChoiceState state = ChoiceAt(choice.Index);
            state.Append(choice);
            if (choice.FinishReason is not null)
            {
                HasFinishReason = true;
            }
        }
    }

    /// <summary>The completion as it stands; can be called at any time, and again later.</summary>
    public ChatCompletion Build()
    {
        var choices = new Choice[_choices.Count];
        for (int i = 0; i < choices.Length; i++)
        {
            choices[i] = _choices[i].Build();
        }

        return new ChatCompletion
        {
            Id = _id ?? string.Empty,
            Created = _created,
            Model = _model ?? string.Empty,
            Choices = choices,
            Usage = _usage,
            SystemFingerprint = _systemFingerprint,
            ServiceTier = _serviceTier,
            Citations = _citations,
            AdditionalProperties = _extra is null ? null : new Dictionary<string, JsonElement>(_extra),
        };
    }

    private ChoiceState ChoiceAt(long index)
    {
        // Nearly always one choice; keep them sorted by index for a stable result.
        for (int i = 0; i < _choices.Count; i++)
        {
            if (_choices[i].Index == index)
            {
                return _choices[i];
            }

            if (_choices[i].Index > index)
            {
                var inserted = new ChoiceState(index);
                _choices.Insert(i, inserted);
                return inserted;
            }
        }

        var added = new ChoiceState(index);
        _choices.Add(added);
        return added;
    }

    /// <summary>Later values of the same unknown member replace earlier ones.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static void Merge(ref Dictionary<string, JsonElement>? target, IDictionary<string, JsonElement>? source)
    {
        if (source is { Count: > 0 })
        {
            MergeInto(ref target, source);
        }
    }

    private static void MergeInto(ref Dictionary<string, JsonElement>? target, IDictionary<string, JsonElement> source)
    {
        target ??= new Dictionary<string, JsonElement>(System.StringComparer.Ordinal);
        foreach (KeyValuePair<string, JsonElement> pair in source)
        {
            target[pair.Key] = pair.Value;
        }
    }

    private sealed class ChoiceState
    {
        private readonly List<ToolCallState> _toolCalls = new(0);
        private Role? _role;
        private TextPieces _content;
        private TextPieces _reasoning;
        private TextPieces _refusal;
        private FinishReason? _finishReason;
        private List<TokenLogprob>? _logprobContent;
        private List<TokenLogprob>? _logprobRefusal;
        private Dictionary<string, JsonElement>? _logprobExtra;
        private Dictionary<string, JsonElement>? _choiceExtra;
        private Dictionary<string, JsonElement>? _messageExtra;

        public ChoiceState(long index)
        {
            Index = index;
        }

        public long Index { get; }

        public void Append(ChunkChoice choice)
        {
            ChunkDelta delta = choice.Delta;
            _role ??= delta.Role;
            _content.Append(delta.Content);
            _reasoning.Append(delta.ReasoningContent);
            _refusal.Append(delta.Refusal);
            if (delta.ToolCalls is { } calls)
            {
                for (int i = 0; i < calls.Count; i++)
                {
                    ToolCallAt(calls[i].Index).Append(calls[i]);
                }
            }

            _finishReason = choice.FinishReason ?? _finishReason;
            if (choice.Logprobs is { } logprobs)
            {
                AppendAll(ref _logprobContent, logprobs.Content);
                AppendAll(ref _logprobRefusal, logprobs.Refusal);
                Merge(ref _logprobExtra, logprobs.AdditionalProperties);
            }

            Merge(ref _choiceExtra, choice.AdditionalProperties);
            Merge(ref _messageExtra, delta.AdditionalProperties);
        }

        public Choice Build()
        {
            ToolCall[]? toolCalls = null;
            if (_toolCalls.Count > 0)
            {
                toolCalls = new ToolCall[_toolCalls.Count];
                for (int i = 0; i < toolCalls.Length; i++)
                {
                    toolCalls[i] = _toolCalls[i].Build();
                }
            }

            Logprobs? logprobs = _logprobContent is null && _logprobRefusal is null && _logprobExtra is null
                ? null
                : new Logprobs
                {
                    Content = _logprobContent?.ToArray(),
                    Refusal = _logprobRefusal?.ToArray(),
                    AdditionalProperties = Copy(_logprobExtra),
                };

            return new Choice
            {
                Index = Index,
                Message = new ResponseMessage
                {
                    Role = _role ?? Role.Assistant,
                    Content = _content.Build(),
                    ReasoningContent = _reasoning.Build(),
                    Refusal = _refusal.Build(),
                    ToolCalls = toolCalls,
                    AdditionalProperties = Copy(_messageExtra),
                },
                FinishReason = _finishReason,
                Logprobs = logprobs,
                AdditionalProperties = Copy(_choiceExtra),
            };
        }

        private ToolCallState ToolCallAt(long index)
        {
            for (int i = 0; i < _toolCalls.Count; i++)
            {
                if (_toolCalls[i].Index == index)
                {
                    return _toolCalls[i];
                }
            }

            var added = new ToolCallState(index);
            int at = _toolCalls.Count;
            while (at > 0 && _toolCalls[at - 1].Index > index)
            {
                at--;
            }

            _toolCalls.Insert(at, added);
            return added;
        }

        private static void AppendAll(ref List<TokenLogprob>? target, IReadOnlyList<TokenLogprob>? source)
        {
            if (source is not null)
            {
                (target ??= new List<TokenLogprob>(source.Count)).AddRange(source);
            }
        }

        private static Dictionary<string, JsonElement>? Copy(Dictionary<string, JsonElement>? source) =>
            source is null ? null : new Dictionary<string, JsonElement>(source);
    }

    private sealed class ToolCallState
    {
        private string? _id;
        private ToolCallType? _type;
        private string? _name;
        private TextPieces _arguments;
        private Dictionary<string, JsonElement>? _callExtra;
        private Dictionary<string, JsonElement>? _functionExtra;

        public ToolCallState(long index)
        {
            Index = index;
        }

        public long Index { get; }

        public void Append(ToolCallDelta delta)
        {
            _id ??= delta.Id;
            _type ??= delta.Type;
            if (delta.Function is { } function)
            {
                _name ??= function.Name;
                if (function.Arguments is { } arguments)
                {
                    _arguments.Append(arguments);
                }

                Merge(ref _functionExtra, function.AdditionalProperties);
            }

            Merge(ref _callExtra, delta.AdditionalProperties);
        }

        public ToolCall Build() => new()
        {
            Id = _id ?? string.Empty,
            Type = _type,
            Function = new FunctionCall
            {
                Name = _name ?? string.Empty,
                Arguments = _arguments.Build() ?? string.Empty,
                AdditionalProperties = _functionExtra is null ? null : new Dictionary<string, JsonElement>(_functionExtra),
            },
            AdditionalProperties = _callExtra is null ? null : new Dictionary<string, JsonElement>(_callExtra),
        };
    }
}
