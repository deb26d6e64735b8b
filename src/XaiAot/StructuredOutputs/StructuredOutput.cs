using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace XaiAot.Chat;

/// <summary>
/// A typed answer asked of the model, without its type: the name, the JSON Schema the request
/// carries byte for byte, and how it is asked for. <see cref="StructuredOutput{T}"/> adds the type
/// info that reads the answer back; adapters (the IChatClient) hold them by this base.
/// </summary>
public abstract class StructuredOutput
{
    private readonly JsonElement _schema;

    /// <summary>Checks the name and parses the schema once.</summary>
    /// <exception cref="ArgumentException">The name is not one the API accepts, or the schema is not a JSON object.</exception>
    private protected StructuredOutput(string name, ReadOnlySpan<byte> schema)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!IsApiName(name))
        {
            throw new ArgumentException("The name '" + name + "' is not one the API accepts: 1 to 64 of a-z, A-Z, 0-9, '_' and '-'.", nameof(name));
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(schema.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException("The schema must be a JSON object; it is " + document.RootElement.ValueKind + ".", nameof(schema));
            }

            _schema = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new ArgumentException("The schema is not well-formed JSON: " + ex.Message, nameof(schema), ex);
        }

        Name = name;
    }

    /// <summary>The name the API sees: the <c>json_schema</c> name, or the forced tool's function name.</summary>
    public string Name { get; }

    /// <summary>Tells the model what the answer is for (the schema's or tool's description).</summary>
    public string? Description { get; init; }

    /// <summary>How the answer is asked for; <see cref="StructuredOutputMode.ResponseFormat"/> unless set.</summary>
    public StructuredOutputMode Mode { get; init; }

    /// <summary>The <c>strict</c> flag sent with the schema (OpenAI's strict mode; xAI ignores it); not sent when null.</summary>
    public bool? Strict { get; init; }

    /// <summary>The schema sent.</summary>
    public JsonElement Schema => _schema;

    /// <summary>The type the answer is read into.</summary>
    public abstract Type AnswerType { get; }

    /// <summary>
    /// The request asking for this answer: <c>response_format</c> set to the schema, or the schema as
    /// a tool with <c>tool_choice</c> naming it (the request's own tools are kept).
    /// </summary>
    /// <exception cref="ArgumentException">The request already has a tool of this name.</exception>
    public ChatCompletionRequest Apply(ChatCompletionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Mode == StructuredOutputMode.ResponseFormat)
        {
            return request with
            {
                ResponseFormat = new JsonSchemaResponseFormat
                {
                    JsonSchema = new JsonSchemaFormat { Name = Name, Description = Description, Schema = _schema, Strict = Strict },
                },
            };
        }

        var tools = new List<Tool>(request.Tools ?? []);
        foreach (Tool tool in tools)
        {
            if (tool.Function.Name == Name)
            {
                throw new ArgumentException("The request already has a tool named '" + Name + "'; the structured output's tool needs a name of its own.", nameof(request));
            }
        }

        tools.Add(new Tool { Function = new FunctionDefinition { Name = Name, Description = Description, Parameters = _schema, Strict = Strict } });
        return request with
        {
            ResponseFormat = null,
            Tools = tools,
            ToolChoice = new ToolChoice(new NamedToolChoice { Function = new ToolChoiceFunction { Name = Name } }),
        };
    }

    /// <summary>
    /// The raw answer in <paramref name="message"/>: the content, or the arguments of this output's
    /// tool call (found by name; the only call when a model names it differently).
    /// </summary>
    public string? AnswerOf(ResponseMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Mode == StructuredOutputMode.ResponseFormat)
        {
            return message.Content;
        }

        if (message.ToolCalls is not { Count: > 0 } calls)
        {
            return null;
        }

        foreach (ToolCall call in calls)
        {
            if (call.Function.Name == Name)
            {
                return call.Function.Arguments;
            }
        }

        return calls.Count == 1 ? calls[0].Function.Arguments : null;
    }

    private static bool IsApiName(string name)
    {
        if (name.Length is 0 or > 64)
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// A typed answer asked of the model: the JSON Schema the request carries, byte for byte, and the
/// type info (from a generated context: no reflection) that reads the answer back. Build one per
/// answer type and reuse it; it is immutable.
/// </summary>
/// <example>
/// <code>
/// var person = new StructuredOutput&lt;Person&gt;("Person", Person.JsonSchema, PeopleJsonContext.Default.Person);
/// StructuredCompletion&lt;Person&gt; answer = await client.CompleteStructuredAsync(request, person);
/// Console.WriteLine(answer.Value.Name);
/// </code>
/// </example>
/// <typeparam name="T">The type the answer is read into.</typeparam>
public sealed class StructuredOutput<T> : StructuredOutput
{
    /// <summary>Describes the answer.</summary>
    /// <param name="name">The name the API sees: the <c>json_schema</c> name, or the forced tool's function name (a-z, A-Z, 0-9, _ and -, at most 64).</param>
    /// <param name="schema">The JSON Schema of <typeparamref name="T"/>, as UTF-8 JSON; sent as it is.</param>
    /// <param name="typeInfo">Reads the answer; from a source-generated context.</param>
    /// <exception cref="ArgumentException">The name is not one the API accepts, or the schema is not a JSON object.</exception>
    public StructuredOutput(string name, ReadOnlySpan<byte> schema, JsonTypeInfo<T> typeInfo)
        : base(name, schema)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        TypeInfo = typeInfo;
    }

    /// <inheritdoc />
    public override Type AnswerType => typeof(T);

    /// <summary>Reads the answer.</summary>
    public JsonTypeInfo<T> TypeInfo { get; }

    /// <summary>Reads the answer from the first choice of <paramref name="completion"/> (a whole one, or one a stream built).</summary>
    /// <exception cref="XaiStructuredOutputException">No answer, a refusal, malformed JSON, or JSON of another shape; keeps the raw answer.</exception>
    public T Read(ChatCompletion completion)
    {
        ArgumentNullException.ThrowIfNull(completion);
        string typeName = typeof(T).Name;
        bool truncated = false;
        if (completion.Choices.Count == 0)
        {
            throw Fail(StructuredOutputFailure.NoAnswer, completion, null, null, null, "the completion has no choices.");
        }

        Choice choice = completion.Choices[0];
        ResponseMessage message = choice.Message;
        truncated = choice.FinishReason == FinishReason.Length;
        string? answer = AnswerOf(message);
        if (!string.IsNullOrWhiteSpace(message.Refusal) && string.IsNullOrWhiteSpace(answer))
        {
            throw Fail(StructuredOutputFailure.Refusal, completion, answer, null, null, message.Refusal);
        }

        if (string.IsNullOrWhiteSpace(answer))
        {
            string detail = Mode == StructuredOutputMode.ForcedTool
                ? "no call of the tool '" + Name + "'" + (string.IsNullOrWhiteSpace(message.Content) ? "." : "; it answered in text instead: " + Excerpt(message.Content))
                : "the message has no content" + (message.ToolCalls is { Count: > 0 } ? " (it called tools instead)." : ".");
            throw Fail(StructuredOutputFailure.NoAnswer, completion, message.Content, null, null, detail);
        }

        byte[] json = Encoding.UTF8.GetBytes(Unfenced(answer));
        if (MalformedAt(json) is { } malformed)
        {
            throw Fail(StructuredOutputFailure.InvalidJson, completion, answer, null, malformed.Position, malformed.Error.Message, malformed.Error);
        }

        try
        {
            return JsonSerializer.Deserialize(json, TypeInfo)
                ?? throw Fail(StructuredOutputFailure.SchemaMismatch, completion, answer, "$", null, "the answer is null.");
        }
        catch (JsonException ex)
        {
            throw Fail(StructuredOutputFailure.SchemaMismatch, completion, answer, ex.Path ?? "$", null, (ex.InnerException as JsonException ?? ex).Message, ex);
        }

        XaiStructuredOutputException Fail(StructuredOutputFailure failure, ChatCompletion source, string? raw, string? path, long? position, string detail, JsonException? inner = null) =>
            new(failure, typeName, raw, failure == StructuredOutputFailure.Refusal ? detail : null, path, position, truncated, source, detail, inner);
    }

    /// <summary>Where well-formedness fails, if it does: checked apart so a syntax error is not reported as a shape error.</summary>
    private static (long Position, JsonException Error)? MalformedAt(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            while (reader.Read())
            {
            }

            return null;
        }
        catch (JsonException ex)
        {
            // The reader says line and byte in line (lines end at LF); callers want one offset.
            long lineStart = 0;
            for (long line = 0; line < (ex.LineNumber ?? 0); line++)
            {
                int next = json.AsSpan((int)lineStart).IndexOf((byte)'\n');
                if (next < 0)
                {
                    break;
                }

                lineStart += next + 1;
            }

            return (lineStart + (ex.BytePositionInLine ?? 0), ex);
        }
    }

    /// <summary>An answer wrapped in a Markdown code fence (some models add one to text answers) without it.</summary>
    private static string Unfenced(string answer)
    {
        string trimmed = answer.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal) || !trimmed.EndsWith("```", StringComparison.Ordinal) || trimmed.Length < 6)
        {
            return answer;
        }

        int firstLineEnd = trimmed.IndexOf('\n', StringComparison.Ordinal);
        return firstLineEnd < 0 ? answer : trimmed[(firstLineEnd + 1)..^3];
    }

    private static string Excerpt(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
