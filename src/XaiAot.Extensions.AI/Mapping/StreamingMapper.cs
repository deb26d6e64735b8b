using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.Extensions.AI;
using XaiAot.Chat;

namespace XaiAot.Extensions.AI;

/// <summary>
/// Turns chunks into <see cref="ChatResponseUpdate"/>s, one per chunk: reasoning and text as they arrive, tool
/// calls assembled by index and surfaced whole as <see cref="FunctionCallContent"/> on the update that carries the
/// finish reason (or after the last chunk, if none did), usage as <see cref="UsageContent"/>.
/// Only the first choice (index 0) becomes content; every chunk stays whole in <c>RawRepresentation</c>.
/// </summary>
internal sealed class StreamingMapper
{
    private ChatRole _role = ChatRole.Assistant;
    private ChatFinishReason? _finishReason;
    private string? _responseId;
    private string? _modelId;
    private DateTimeOffset? _createdAt;
    private string? _systemFingerprint;
    private SortedDictionary<long, ToolCallBuilder>? _toolCalls;
    private StringBuilder? _refusal;

    public ChatResponseUpdate Map(ChatCompletionChunk chunk)
    {
        _responseId = chunk.Id;
        _modelId = chunk.Model;
        _createdAt ??= DateTimeOffset.FromUnixTimeSeconds(chunk.Created);

        var update = new ChatResponseUpdate
        {
            ResponseId = chunk.Id,
            MessageId = chunk.Id, // one message per response: the response id names it
            ModelId = chunk.Model,
            CreatedAt = DateTimeOffset.FromUnixTimeSeconds(chunk.Created),
            RawRepresentation = chunk,
        };

        AdditionalPropertiesDictionary? extras = null;

        // The fingerprint repeats in every chunk: report it once (and again only if it changes).
        string? fingerprint = chunk.SystemFingerprint;
        if (fingerprint is not null && fingerprint == _systemFingerprint)
        {
            fingerprint = null;
        }
        else if (fingerprint is not null)
        {
            _systemFingerprint = fingerprint;
        }

        ResponseMapper.AddCompletionExtras(fingerprint, chunk.ServiceTier, chunk.Citations, chunk.AdditionalProperties, ref extras);

        foreach (ChunkChoice choice in chunk.Choices)
        {
            if (choice.Index != 0)
            {
                continue;
            }

            ChunkDelta delta = choice.Delta;
            if (delta.Role is { } role)
            {
                _role = ResponseMapper.ToRole(role);
            }

            if (delta.ReasoningContent is { Length: > 0 } reasoning)
            {
                update.Contents.Add(new TextReasoningContent(reasoning));
            }

            if (delta.Content is { Length: > 0 } text)
            {
                update.Contents.Add(new TextContent(text));
            }

            if (delta.Refusal is { Length: > 0 } refusal)
            {
                (_refusal ??= new StringBuilder()).Append(refusal);
            }

            if (delta.ToolCalls is { } toolCalls)
            {
                foreach (ToolCallDelta call in toolCalls)
                {
                    _toolCalls ??= new SortedDictionary<long, ToolCallBuilder>();
                    if (!_toolCalls.TryGetValue(call.Index, out ToolCallBuilder? builder))
                    {
                        _toolCalls[call.Index] = builder = new ToolCallBuilder();
                    }

                    builder.Append(call);
                }
            }

            if (choice.Logprobs is { } logprobs)
            {
                (extras ??= new())[XaiPropertyNames.ChoiceLogprobs] = JsonValues.ToElement(logprobs, XaiChatJsonContext.Default.Logprobs);
            }

            JsonValues.CopyUnknown(delta.AdditionalProperties, ref extras);
            JsonValues.CopyUnknown(choice.AdditionalProperties, ref extras);

            if (choice.FinishReason is { } finish)
            {
                _finishReason = ResponseMapper.ToFinishReason(finish);
                Flush(update.Contents);
            }
        }

        if (chunk.Usage is { } usage)
        {
            update.Contents.Add(new UsageContent(ResponseMapper.ToUsage(usage)) { RawRepresentation = usage });
        }

        update.Role = _role;
        update.FinishReason = _finishReason;
        update.AdditionalProperties = extras;
        return update;
    }

    /// <summary>After the last chunk: an update with whatever the stream never closed with a finish reason.</summary>
    public ChatResponseUpdate? Complete()
    {
        if (_toolCalls is null && _refusal is null)
        {
            return null;
        }

        var update = new ChatResponseUpdate
        {
            ResponseId = _responseId,
            MessageId = _responseId,
            ModelId = _modelId,
            CreatedAt = _createdAt,
            Role = _role,
            FinishReason = _finishReason,
        };
        Flush(update.Contents);
        return update;
    }

    private void Flush(IList<AIContent> contents)
    {
        if (_toolCalls is not null)
        {
            foreach (ToolCallBuilder builder in _toolCalls.Values)
            {
                if (builder.Build() is { } call)
                {
                    contents.Add(ResponseMapper.ToFunctionCall(call));
                }
            }

            _toolCalls = null;
        }

        if (_refusal is not null)
        {
            contents.Add(new ErrorContent(_refusal.ToString()) { ErrorCode = "Refusal" });
            _refusal = null;
        }
    }

    private sealed class ToolCallBuilder
    {
        private readonly StringBuilder _arguments = new();
        private string? _id;
        private string? _name;
        private ToolCallType? _type;
        private Dictionary<string, System.Text.Json.JsonElement>? _unknown;

        public void Append(ToolCallDelta delta)
        {
            _id ??= delta.Id;
            _type ??= delta.Type;
            if (delta.Function is { } function)
            {
                _name ??= function.Name;
                _arguments.Append(function.Arguments);
            }

            if (delta.AdditionalProperties is { Count: > 0 } unknown)
            {
                _unknown ??= new Dictionary<string, System.Text.Json.JsonElement>(StringComparer.Ordinal);
                foreach (KeyValuePair<string, System.Text.Json.JsonElement> pair in unknown)
                {
                    _unknown[pair.Key] = pair.Value;
                }
            }
        }

        public ToolCall? Build() =>
            string.IsNullOrEmpty(_name)
                ? null
                : new ToolCall
                {
                    Id = _id ?? "",
                    Type = _type,
                    Function = new FunctionCall { Name = _name, Arguments = _arguments.ToString() },
                    AdditionalProperties = _unknown,
                };
    }
}
