using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;
using XaiAot.Chat;
using MeaiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using MeaiReasoningEffort = Microsoft.Extensions.AI.ReasoningEffort;
using WireChatMessage = XaiAot.Chat.ChatMessage;
using WireReasoningEffort = XaiAot.Chat.ReasoningEffort;

namespace XaiAot.Extensions.AI;

/// <summary>M.E.AI messages and options to an xAI <see cref="ChatCompletionRequest"/>.</summary>
internal static class RequestMapper
{
    private static readonly ChatRole DeveloperRole = new("developer");

    // Request members that ChatOptions (or the adapter) already owns: passing them through
    // AdditionalProperties would write the member twice, so they are refused with a pointer.
    private static readonly Dictionary<string, string> OwnedMembers = new(StringComparer.Ordinal)
    {
        ["model"] = "ChatOptions.ModelId",
        ["messages"] = "the messages argument",
        ["stream"] = "GetStreamingResponseAsync",
        ["temperature"] = "ChatOptions.Temperature",
        ["top_p"] = "ChatOptions.TopP",
        ["max_tokens"] = "ChatOptions.MaxOutputTokens",
        ["seed"] = "ChatOptions.Seed",
        ["stop"] = "ChatOptions.StopSequences",
        ["frequency_penalty"] = "ChatOptions.FrequencyPenalty",
        ["presence_penalty"] = "ChatOptions.PresencePenalty",
        ["response_format"] = "ChatOptions.ResponseFormat",
        ["tools"] = "ChatOptions.Tools",
        ["tool_choice"] = "ChatOptions.ToolMode",
    };

    public static ChatCompletionRequest ToRequest(
        IEnumerable<MeaiChatMessage> messages, ChatOptions? options, string? defaultModelId, IChatClient client)
    {
        ChatCompletionRequest? raw = options?.RawRepresentationFactory?.Invoke(client) as ChatCompletionRequest;

        string? model = raw?.Model is { Length: > 0 } rawModel ? rawModel : options?.ModelId ?? defaultModelId;
        if (string.IsNullOrEmpty(model))
        {
            throw new InvalidOperationException(
                "No model to ask: set ChatOptions.ModelId or pass a default model id when creating the IChatClient.");
        }

        AdditionalPropertiesDictionary? extra = options?.AdditionalProperties;
        bool? strict = GetBool(extra, XaiPropertyNames.Strict);

        var wireMessages = new List<WireChatMessage>();
        if (raw?.Messages is { Count: > 0 } rawMessages)
        {
            wireMessages.AddRange(rawMessages);
        }

        if (options?.Instructions is { } instructions && !string.IsNullOrWhiteSpace(instructions))
        {
            wireMessages.Add(new SystemMessage { Content = instructions });
        }

        foreach (MeaiChatMessage message in messages)
        {
            AddMessage(wireMessages, message);
        }

        ChatCompletionRequest request = (raw ?? new ChatCompletionRequest { Model = model, Messages = wireMessages }) with
        {
            Model = model,
            Messages = wireMessages,
        };

        if (options is null)
        {
            return request;
        }

        // Values the raw representation already carries win (the RawRepresentationFactory contract).
        List<Tool>? tools = request.Tools is null ? ToTools(options, strict) : null;
        bool hasTools = (request.Tools ?? tools) is { Count: > 0 };
        request = request with
        {
            Temperature = request.Temperature ?? ToDouble(options.Temperature),
            TopP = request.TopP ?? ToDouble(options.TopP),
            FrequencyPenalty = request.FrequencyPenalty ?? ToDouble(options.FrequencyPenalty),
            PresencePenalty = request.PresencePenalty ?? ToDouble(options.PresencePenalty),
            MaxTokens = request.MaxTokens ?? options.MaxOutputTokens,
            Seed = request.Seed ?? options.Seed,
            Stop = request.Stop ?? (options.StopSequences is { Count: > 0 } stops ? new StopSequences(ToArray(stops)) : (StopSequences?)null),
            ResponseFormat = request.ResponseFormat ?? ToResponseFormat(options.ResponseFormat, strict),
            Tools = request.Tools ?? tools,
            ToolChoice = request.ToolChoice ?? (hasTools ? ToToolChoice(options.ToolMode) : null),
            ParallelToolCalls = request.ParallelToolCalls ?? (hasTools ? options.AllowMultipleToolCalls : null),
            ReasoningEffort = request.ReasoningEffort ?? ToReasoningEffort(options.Reasoning?.Effort),
            SearchParameters = request.SearchParameters ?? (HasWebSearch(options.Tools) ? new SearchParameters { Mode = SearchMode.Auto } : null),
        };

        return extra is { Count: > 0 } ? ApplyAdditionalProperties(request, extra) : request;
    }

    // ---- Messages ------------------------------------------------------------------------------------------------

    private static void AddMessage(List<WireChatMessage> target, MeaiChatMessage message)
    {
        if (message.RawRepresentation is WireChatMessage raw)
        {
            target.Add(raw);
            return;
        }

        ChatRole role = message.Role;
        if (role == ChatRole.User)
        {
            target.Add(new UserMessage { Content = ToContent(message.Contents), Name = message.AuthorName });
        }
        else if (role == ChatRole.System || role == DeveloperRole)
        {
            // The wire model has no developer message; xAI reads system instructions the same way.
            target.Add(new SystemMessage { Content = ToContent(message.Contents), Name = message.AuthorName });
        }
        else if (role == ChatRole.Assistant)
        {
            target.Add(ToAssistantMessage(message));
        }
        else if (role == ChatRole.Tool)
        {
            foreach (AIContent content in message.Contents)
            {
                if (content is FunctionResultContent result)
                {
                    target.Add(new ToolMessage { ToolCallId = result.CallId, Content = JsonValues.ResultToText(result.Result) });
                }
            }
        }
        else
        {
            throw new ArgumentException(
                "The chat role '" + role.Value + "' has no xAI equivalent (system, developer, user, assistant and tool do).", nameof(message));
        }
    }

    private static ChatMessageContent ToContent(IList<AIContent> contents)
    {
        if (contents.Count == 1 && contents[0] is TextContent { RawRepresentation: not ContentPart } single)
        {
            return single.Text;
        }

        var parts = new List<ContentPart>(contents.Count);
        foreach (AIContent content in contents)
        {
            if (ToContentPart(content) is { } part)
            {
                parts.Add(part);
            }
        }

        return parts.Count == 0 ? new ChatMessageContent("") : new ChatMessageContent(parts);
    }

    private static ContentPart? ToContentPart(AIContent content)
    {
        switch (content)
        {
            case { RawRepresentation: ContentPart raw }:
                return raw;
            case TextContent text:
                return new TextContentPart { Text = text.Text };
            case UriContent uri when uri.HasTopLevelMediaType("image"):
                return new ImageUrlContentPart { ImageUrl = new ImageUrl { Url = uri.Uri.OriginalString, Detail = GetDetail(content) } };
            case DataContent data when data.HasTopLevelMediaType("image"):
                return new ImageUrlContentPart { ImageUrl = new ImageUrl { Url = data.Uri, Detail = GetDetail(content) } };
            case DataContent data:
                return new FileContentPart { File = new FileReference { FileData = data.Uri, Filename = data.Name } };
            case HostedFileContent hosted:
                return new FileContentPart { File = new FileReference { FileId = hosted.FileId, Filename = hosted.Name } };
            case UriContent uri:
                return new FileContentPart { File = new FileReference { Url = uri.Uri.OriginalString } };
            default:
                // Reasoning, usage, function calls and other kinds have no place in a user or system message.
                return null;
        }
    }

    private static ImageDetail? GetDetail(AIContent content) =>
        content.AdditionalProperties?.TryGetValue("detail", out object? value) is true
            ? value switch
            {
                string s => new ImageDetail(s),
                ImageDetail d => d,
                _ => (ImageDetail?)null,
            }
            : null;

    private static AssistantMessage ToAssistantMessage(MeaiChatMessage message)
    {
        StringBuilder? text = null;
        StringBuilder? reasoning = null;
        List<ToolCall>? toolCalls = null;
        foreach (AIContent content in message.Contents)
        {
            switch (content)
            {
                case TextContent t when t.Text.Length > 0:
                    (text ??= new StringBuilder()).Append(t.Text);
                    break;
                case TextReasoningContent r when r.Text.Length > 0:
                    (reasoning ??= new StringBuilder()).Append(r.Text);
                    break;
                case FunctionCallContent call:
                    (toolCalls ??= new List<ToolCall>()).Add(ToToolCall(call));
                    break;
            }
        }

        return new AssistantMessage
        {
            // A message that only calls tools carries no content member (as OpenAI-style clients send it);
            // one with neither text nor calls still needs content.
            Content = text is not null ? text.ToString() : toolCalls is null ? "" : (ChatMessageContent?)null,
            ReasoningContent = reasoning?.ToString(),
            ToolCalls = toolCalls,
            Name = message.AuthorName,
        };
    }

    private static ToolCall ToToolCall(FunctionCallContent call)
    {
        string arguments = JsonValues.SerializeArguments(call.Arguments);

        // A call this adapter produced keeps the model's own argument text, byte for byte, as long as the
        // arguments still mean the same (so replays and provider-side caches see what the model wrote).
        if (call.RawRepresentation is ToolCall raw && raw.Id == call.CallId && raw.Function.Name == call.Name && SameJson(raw.Function.Arguments, arguments))
        {
            return raw;
        }

        return new ToolCall
        {
            Id = call.CallId,
            Type = ToolCallType.Function,
            Function = new FunctionCall { Name = call.Name, Arguments = arguments },
        };
    }

    private static bool SameJson(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        try
        {
            using JsonDocument left = JsonDocument.Parse(string.IsNullOrWhiteSpace(a) ? "{}" : a);
            using JsonDocument right = JsonDocument.Parse(b);
            return JsonElement.DeepEquals(left.RootElement, right.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // ---- Options -------------------------------------------------------------------------------------------------

    private static List<Tool>? ToTools(ChatOptions options, bool? strict)
    {
        if (options.Tools is not { Count: > 0 } tools)
        {
            return null;
        }

        List<Tool>? result = null;
        foreach (AITool tool in tools)
        {
            if (tool is AIFunctionDeclaration function)
            {
                (result ??= new List<Tool>(tools.Count)).Add(new Tool
                {
                    Function = new FunctionDefinition
                    {
                        Name = function.Name,
                        Description = string.IsNullOrEmpty(function.Description) ? null : function.Description,
                        Parameters = function.JsonSchema,
                        Strict = GetBool(function.AdditionalProperties, XaiPropertyNames.Strict) ?? strict,
                    },
                });
            }

            // HostedWebSearchTool becomes search_parameters (below); other hosted tools have no chat-completions form.
        }

        return result;
    }

    private static bool HasWebSearch(IList<AITool>? tools)
    {
        if (tools is null)
        {
            return false;
        }

        foreach (AITool tool in tools)
        {
            if (tool is HostedWebSearchTool)
            {
                return true;
            }
        }

        return false;
    }

    private static ToolChoice? ToToolChoice(ChatToolMode? mode) =>
        mode switch
        {
            NoneChatToolMode => new ToolChoice(ToolChoiceMode.None),
            RequiredChatToolMode { RequiredFunctionName: { } name } => new ToolChoice(new NamedToolChoice { Function = new ToolChoiceFunction { Name = name } }),
            RequiredChatToolMode => new ToolChoice(ToolChoiceMode.Required),

            // Auto or unset: say so explicitly (what OpenAI-style clients send whenever tools are present).
            _ => new ToolChoice(ToolChoiceMode.Auto),
        };

    private static ResponseFormat? ToResponseFormat(ChatResponseFormat? format, bool? strict) =>
        format switch
        {
            ChatResponseFormatText => new TextResponseFormat(),
            ChatResponseFormatJson { Schema: { } schema } json => new JsonSchemaResponseFormat
            {
                JsonSchema = new JsonSchemaFormat
                {
                    Name = json.SchemaName ?? "json_schema",
                    Description = json.SchemaDescription,
                    Schema = schema,
                    Strict = strict,
                },
            },
            ChatResponseFormatJson => new JsonObjectResponseFormat(),
            _ => null,
        };

    private static WireReasoningEffort? ToReasoningEffort(MeaiReasoningEffort? effort) =>
        effort switch
        {
            MeaiReasoningEffort.None => WireReasoningEffort.None,
            MeaiReasoningEffort.Low => WireReasoningEffort.Low,
            MeaiReasoningEffort.Medium => WireReasoningEffort.Medium,
            MeaiReasoningEffort.High => WireReasoningEffort.High,
            MeaiReasoningEffort.ExtraHigh => WireReasoningEffort.Xhigh,
            _ => (WireReasoningEffort?)null,
        };

    /// <summary>
    /// A float's shortest text as a double: (double)0.7f is 0.699999988079071, which would go on the wire;
    /// the user wrote 0.7.
    /// </summary>
    private static double? ToDouble(float? value) =>
        value is { } f ? double.Parse(f.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : null;

    private static string[] ToArray(IList<string> values)
    {
        var array = new string[values.Count];
        values.CopyTo(array, 0);
        return array;
    }

    // ---- AdditionalProperties ------------------------------------------------------------------------------------

    private static ChatCompletionRequest ApplyAdditionalProperties(ChatCompletionRequest request, AdditionalPropertiesDictionary extra)
    {
        Dictionary<string, JsonElement>? unknown = null;
        foreach (KeyValuePair<string, object?> pair in extra)
        {
            string key = pair.Key;
            object? value = pair.Value;
            switch (key)
            {
                case XaiPropertyNames.Strict:
                    break; // consumed by tools and response format
                case XaiPropertyNames.ReasoningEffort:
                    request = request with { ReasoningEffort = ToWireReasoningEffort(value, key) };
                    break;
                case XaiPropertyNames.SearchParameters:
                    request = request with { SearchParameters = Convert(value, key, XaiChatJsonContext.Default.SearchParameters) };
                    break;
                case XaiPropertyNames.StreamOptions:
                    request = request with { StreamOptions = Convert(value, key, XaiChatJsonContext.Default.StreamOptions) };
                    break;
                case XaiPropertyNames.User:
                    request = request with { User = ToElement(value, key).GetString() };
                    break;
                case XaiPropertyNames.N:
                    request = request with { N = GetInt64(value, key) };
                    break;
                case XaiPropertyNames.TopLogprobs:
                    request = request with { TopLogprobs = GetInt64(value, key) };
                    break;
                case XaiPropertyNames.MaxCompletionTokens:
                    request = request with { MaxCompletionTokens = GetInt64(value, key) };
                    break;
                case XaiPropertyNames.Logprobs:
                    request = request with { Logprobs = GetBool(value, key) };
                    break;
                case XaiPropertyNames.ParallelToolCalls:
                    request = request with { ParallelToolCalls = GetBool(value, key) };
                    break;
                case XaiPropertyNames.Deferred:
                    request = request with { Deferred = GetBool(value, key) };
                    break;
                case XaiPropertyNames.LogitBias:
                    request = request with { LogitBias = ToLogitBias(value, key) };
                    break;
                default:
                    if (OwnedMembers.TryGetValue(key, out string? owner))
                    {
                        throw new ArgumentException(
                            "ChatOptions.AdditionalProperties[\"" + key + "\"] would duplicate a member the adapter writes; use " + owner + " instead.");
                    }

                    (unknown ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[key] = ToElement(value, key);
                    break;
            }
        }

        if (unknown is null)
        {
            return request;
        }

        if (request.AdditionalProperties is { Count: > 0 } existing)
        {
            foreach (KeyValuePair<string, JsonElement> pair in existing)
            {
                unknown.TryAdd(pair.Key, pair.Value);
            }
        }

        return request with { AdditionalProperties = unknown };
    }

    private static WireReasoningEffort? ToWireReasoningEffort(object? value, string key) =>
        value switch
        {
            null => null,
            WireReasoningEffort wire => wire,
            MeaiReasoningEffort effort => ToReasoningEffort(effort),
            string s => new WireReasoningEffort(s),
            _ => ToElement(value, key) is { ValueKind: JsonValueKind.String } e
                ? new WireReasoningEffort(e.GetString()!)
                : throw new ArgumentException("ChatOptions.AdditionalProperties[\"" + key + "\"] must be a string or a reasoning effort."),
        };

    private static IReadOnlyDictionary<string, double>? ToLogitBias(object? value, string key)
    {
        switch (value)
        {
            case null:
                return null;
            case IReadOnlyDictionary<string, double> typed:
                return typed;
        }

        JsonElement element = ToElement(value, key);
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("ChatOptions.AdditionalProperties[\"" + key + "\"] must be an object of token id to bias.");
        }

        var bias = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            bias[property.Name] = property.Value.GetDouble();
        }

        return bias;
    }

    private static T? Convert<T>(object? value, string key, JsonTypeInfo<T> typeInfo)
        where T : class =>
        value switch
        {
            null => null,
            T typed => typed,
            _ => ToElement(value, key).Deserialize(typeInfo),
        };

    private static long? GetInt64(object? value, string key) =>
        value is null ? null
        : ToElement(value, key) is { ValueKind: JsonValueKind.Number } e && e.TryGetInt64(out long l) ? l
        : throw new ArgumentException("ChatOptions.AdditionalProperties[\"" + key + "\"] must be an integer.");

    private static bool? GetBool(object? value, string key) =>
        value switch
        {
            null => null,
            bool b => b,
            _ => ToElement(value, key).ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new ArgumentException("ChatOptions.AdditionalProperties[\"" + key + "\"] must be a bool."),
            },
        };

    private static bool? GetBool(IReadOnlyDictionary<string, object?>? properties, string key) =>
        properties is not null && properties.TryGetValue(key, out object? value) ? GetBool(value, key) : null;

    private static JsonElement ToElement(object? value, string key)
    {
        try
        {
            return JsonValues.ToElement(value);
        }
        catch (NotSupportedException ex)
        {
            throw new ArgumentException("ChatOptions.AdditionalProperties[\"" + key + "\"]: " + ex.Message, ex);
        }
    }
}
