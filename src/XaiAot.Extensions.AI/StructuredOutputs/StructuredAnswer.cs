using System.Collections.Generic;
using System.Text.Json;
using Microsoft.Extensions.AI;
using XaiAot.Chat;

namespace XaiAot.Extensions.AI;

/// <summary>
/// Puts the user's own schema on the wire for a typed answer asked through Microsoft.Extensions.AI.
/// </summary>
/// <remarks>
/// <c>GetResponseAsync&lt;T&gt;</c> derives a schema from T's <c>JsonTypeInfo</c>. A type read by a
/// generated converter has no metadata to derive from, so the derived schema is empty and M.E.AI
/// wraps it as <c>{"data": {}}</c>, expecting <c>{"data": answer}</c> back. When the schema name
/// matches a <see cref="StructuredOutput"/> the adapter was given, the request carries that
/// output's schema exactly as written (as <c>response_format</c> or a forced tool), and the answer
/// is handed back in the shape M.E.AI reads: the JSON text, inside <c>{"data": ...}</c> when M.E.AI
/// wrapped. The completion itself, as <c>RawRepresentation</c>, stays as the server sent it.
/// </remarks>
internal sealed class StructuredAnswer
{
    private readonly StructuredOutput _output;
    private readonly bool _wrapped;

    private StructuredAnswer(StructuredOutput output, bool wrapped)
    {
        _output = output;
        _wrapped = wrapped;
    }

    /// <summary>The output asked for by <paramref name="options"/>, if the adapter knows it by name.</summary>
    public static StructuredAnswer? Match(ChatCompletionRequest request, ChatOptions? options, IReadOnlyDictionary<string, StructuredOutput> outputs)
    {
        if (outputs.Count == 0
            || options?.ResponseFormat is not ChatResponseFormatJson { SchemaName: { } name, Schema: { } derived }
            || !outputs.TryGetValue(name, out StructuredOutput? output))
        {
            return null;
        }

        // A response_format a RawRepresentationFactory set itself wins: only the one mapped from the options is replaced.
        if (request.ResponseFormat is not JsonSchemaResponseFormat { JsonSchema.Schema: { } sent } || !JsonElement.DeepEquals(sent, derived))
        {
            return null;
        }

        return new StructuredAnswer(output, IsDataWrapper(derived));
    }

    /// <summary>Whether M.E.AI wrapped the answer: <c>{"type":"object","properties":{"data":...},"required":["data"]}</c>.</summary>
    public bool Wrapped => _wrapped;

    public ChatCompletionRequest Apply(ChatCompletionRequest request) => _output.Apply(request with { ResponseFormat = null });

    /// <summary>The answer as M.E.AI reads it: the forced call becomes text, wrapped again when M.E.AI wrapped.</summary>
    public void Rewrite(ChatResponse response, ChatCompletion completion)
    {
        if (completion.Choices.Count == 0 || response.Messages.Count == 0)
        {
            return;
        }

        string? answer = _output.AnswerOf(completion.Choices[0].Message);
        if (answer is null)
        {
            return;
        }

        IList<AIContent> contents = response.Messages[^1].Contents;
        for (int i = contents.Count - 1; i >= 0; i--)
        {
            if (contents[i] is TextContent || (contents[i] is FunctionCallContent call && _output.Mode == StructuredOutputMode.ForcedTool && call.Name == _output.Name))
            {
                contents.RemoveAt(i);
            }
        }

        contents.Add(new TextContent(_wrapped ? "{\"data\":" + answer + "}" : answer));
    }

    /// <summary>In a stream (never wrapped), the forced call arrives as text, as a response_format answer would.</summary>
    public void Rewrite(ChatResponseUpdate update)
    {
        if (_output.Mode != StructuredOutputMode.ForcedTool)
        {
            return;
        }

        IList<AIContent> contents = update.Contents;
        for (int i = 0; i < contents.Count; i++)
        {
            if (contents[i] is FunctionCallContent { RawRepresentation: ToolCall call } content && content.Name == _output.Name)
            {
                contents[i] = new TextContent(call.Function.Arguments) { RawRepresentation = call };
            }
        }
    }

    private static bool IsDataWrapper(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object
        && schema.TryGetProperty("properties", out JsonElement properties)
        && properties.ValueKind == JsonValueKind.Object
        && properties.TryGetProperty("data", out _)
        && CountMembers(properties) == 1
        && schema.TryGetProperty("required", out JsonElement required)
        && required.ValueKind == JsonValueKind.Array
        && required.GetArrayLength() == 1
        && required[0].ValueEquals("data");

    private static int CountMembers(JsonElement element)
    {
        int count = 0;
        foreach (JsonProperty unused in element.EnumerateObject())
        {
            count++;
        }

        return count;
    }
}
