using System;
using System.Collections.Generic;
using System.Text.Json;
using Microsoft.Extensions.AI;
using XaiAot.Chat;
using MeaiChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace XaiAot.Extensions.AI;

/// <summary>xAI completions, usage and finish reasons to M.E.AI types.</summary>
internal static class ResponseMapper
{
    public static ChatResponse ToResponse(ChatCompletion completion)
    {
        Choice? choice = FirstChoice(completion.Choices);
        AdditionalPropertiesDictionary? responseExtras = null;
        AdditionalPropertiesDictionary? messageExtras = null;

        var contents = new List<AIContent>();
        ResponseMessage? wireMessage = choice?.Message;
        if (wireMessage is not null)
        {
            // Reasoning comes first: the model thought before it answered.
            if (wireMessage.ReasoningContent is { Length: > 0 } reasoning)
            {
                contents.Add(new TextReasoningContent(reasoning));
            }

            if (wireMessage.Content is { Length: > 0 } text)
            {
                var content = new TextContent(text);
                if (completion.Citations is { Count: > 0 } citations)
                {
                    content.Annotations = ToAnnotations(citations);
                }

                contents.Add(content);
            }

            if (wireMessage.ToolCalls is { } toolCalls)
            {
                foreach (ToolCall call in toolCalls)
                {
                    contents.Add(ToFunctionCall(call));
                }
            }

            if (wireMessage.Refusal is { } refusal)
            {
                contents.Add(new ErrorContent(refusal) { ErrorCode = "Refusal" });
            }

            JsonValues.CopyUnknown(wireMessage.AdditionalProperties, ref messageExtras);
        }

        DateTimeOffset created = DateTimeOffset.FromUnixTimeSeconds(completion.Created);
        var message = new MeaiChatMessage(wireMessage is null ? ChatRole.Assistant : ToRole(wireMessage.Role), contents)
        {
            MessageId = completion.Id,
            CreatedAt = created,
            RawRepresentation = wireMessage,
            AdditionalProperties = messageExtras,
        };

        AddCompletionExtras(completion.SystemFingerprint, completion.ServiceTier, completion.Citations, completion.AdditionalProperties, ref responseExtras);
        if (choice is not null)
        {
            if (choice.Logprobs is { } logprobs)
            {
                (responseExtras ??= new())[XaiPropertyNames.ChoiceLogprobs] = JsonValues.ToElement(logprobs, XaiChatJsonContext.Default.Logprobs);
            }

            JsonValues.CopyUnknown(choice.AdditionalProperties, ref responseExtras);
        }

        return new ChatResponse(message)
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = created,
            FinishReason = choice?.FinishReason is { } finish ? ToFinishReason(finish) : null,
            Usage = completion.Usage is { } usage ? ToUsage(usage) : null,
            RawRepresentation = completion,
            AdditionalProperties = responseExtras,
        };
    }

    /// <summary>Completion-level members every response or chunk may carry.</summary>
    public static void AddCompletionExtras(
        string? systemFingerprint,
        ServiceTier? serviceTier,
        IReadOnlyList<string>? citations,
        IDictionary<string, JsonElement>? unknown,
        ref AdditionalPropertiesDictionary? extras)
    {
        if (systemFingerprint is not null)
        {
            (extras ??= new())[XaiPropertyNames.SystemFingerprint] = systemFingerprint;
        }

        if (serviceTier is { } tier)
        {
            (extras ??= new())[XaiPropertyNames.ServiceTier] = tier.Value;
        }

        if (citations is not null)
        {
            // Stored as JSON so the bag stays serializable with AIJsonUtilities.DefaultOptions under NativeAOT.
            (extras ??= new())[XaiPropertyNames.Citations] = JsonValues.ToElement(citations);
        }

        JsonValues.CopyUnknown(unknown, ref extras);
    }

    public static List<AIAnnotation> ToAnnotations(IReadOnlyList<string> citations)
    {
        var annotations = new List<AIAnnotation>(citations.Count);
        foreach (string citation in citations)
        {
            annotations.Add(new CitationAnnotation
            {
                Url = Uri.TryCreate(citation, UriKind.Absolute, out Uri? url) ? url : null,
                Title = url is null ? citation : null,
            });
        }

        return annotations;
    }

    public static FunctionCallContent ToFunctionCall(ToolCall call)
    {
        FunctionCallContent content = FunctionCallContent.CreateFromParsedArguments(
            call.Function.Arguments, call.Id, call.Function.Name, static json => JsonValues.ParseArguments(json));
        content.RawRepresentation = call;

        // Server-side tools (web_search_call, x_search_call, code_interpreter_call, mcp_call) ran at xAI already:
        // function-invocation middleware must not try to run them.
        if (call.Type is { } type && type != ToolCallType.Function)
        {
            content.InformationalOnly = true;
        }

        return content;
    }

    public static ChatRole ToRole(Role role) =>
        role == Role.Assistant ? ChatRole.Assistant
        : role == Role.User ? ChatRole.User
        : role == Role.System ? ChatRole.System
        : role == Role.Tool ? ChatRole.Tool
        : new ChatRole(role.Value);

    public static ChatFinishReason ToFinishReason(FinishReason reason) =>
        reason == FinishReason.Stop || reason == FinishReason.EndTurn ? ChatFinishReason.Stop
        : reason == FinishReason.Length ? ChatFinishReason.Length
        : reason == FinishReason.ToolCalls || reason == FinishReason.FunctionCall ? ChatFinishReason.ToolCalls
        : reason == FinishReason.ContentFilter ? ChatFinishReason.ContentFilter
        : new ChatFinishReason(reason.Value);

    /// <summary>
    /// Maps usage. M.E.AI counts reasoning tokens inside <see cref="UsageDetails.OutputTokenCount"/>; xAI reports
    /// them beside <c>completion_tokens</c> (<c>total = prompt + completion + reasoning</c>). When the numbers show
    /// that accounting, the output count is <c>completion + reasoning</c> (so input + output = total, as with other
    /// providers) and the reported <c>completion_tokens</c> is kept in <see cref="UsageDetails.AdditionalCounts"/>.
    /// </summary>
    public static UsageDetails ToUsage(Usage usage)
    {
        PromptTokensDetails? prompt = usage.PromptTokensDetails;
        CompletionTokensDetails? completion = usage.CompletionTokensDetails;
        long? reasoning = completion?.ReasoningTokens;
        long output = usage.CompletionTokens;
        AdditionalPropertiesDictionary<long>? counts = null;
        if (reasoning is > 0 && usage.TotalTokens == usage.PromptTokens + usage.CompletionTokens + reasoning.Value)
        {
            output += reasoning.Value;
            Add(ref counts, XaiPropertyNames.CompletionTokens, usage.CompletionTokens);
        }

        Add(ref counts, XaiPropertyNames.NumSourcesUsed, usage.NumSourcesUsed);
        Add(ref counts, XaiPropertyNames.CostInUsdTicks, usage.CostInUsdTicks);
        Add(ref counts, XaiPropertyNames.PromptTextTokens, prompt?.TextTokens);
        Add(ref counts, XaiPropertyNames.PromptAudioTokens, prompt?.AudioTokens);
        Add(ref counts, XaiPropertyNames.PromptImageTokens, prompt?.ImageTokens);
        Add(ref counts, XaiPropertyNames.CompletionAudioTokens, completion?.AudioTokens);
        Add(ref counts, XaiPropertyNames.AcceptedPredictionTokens, completion?.AcceptedPredictionTokens);
        Add(ref counts, XaiPropertyNames.RejectedPredictionTokens, completion?.RejectedPredictionTokens);
        AddUnknownCounts(ref counts, "", usage.AdditionalProperties);
        AddUnknownCounts(ref counts, "prompt_tokens_details.", prompt?.AdditionalProperties);
        AddUnknownCounts(ref counts, "completion_tokens_details.", completion?.AdditionalProperties);

        return new UsageDetails
        {
            InputTokenCount = usage.PromptTokens,
            OutputTokenCount = output,
            TotalTokenCount = usage.TotalTokens,
            CachedInputTokenCount = prompt?.CachedTokens,
            ReasoningTokenCount = reasoning,
            AdditionalCounts = counts,
        };
    }

    private static void Add(ref AdditionalPropertiesDictionary<long>? counts, string key, long? value)
    {
        if (value is { } v)
        {
            (counts ??= new())[key] = v;
        }
    }

    // Usage members the schema does not know yet still reach the user, if they are counts.
    private static void AddUnknownCounts(ref AdditionalPropertiesDictionary<long>? counts, string prefix, IDictionary<string, JsonElement>? unknown)
    {
        if (unknown is null)
        {
            return;
        }

        foreach (KeyValuePair<string, JsonElement> pair in unknown)
        {
            if (pair.Value.ValueKind == JsonValueKind.Number && pair.Value.TryGetInt64(out long value))
            {
                (counts ??= new())[prefix + pair.Key] = value;
            }
        }
    }

    public static Choice? FirstChoice(IReadOnlyList<Choice> choices)
    {
        foreach (Choice choice in choices)
        {
            if (choice.Index == 0)
            {
                return choice;
            }
        }

        return choices.Count > 0 ? choices[0] : null;
    }
}
