using System.Globalization;
using System.Text.Json;
using XaiAot.Chat;

namespace XaiAot;

/// <summary>
/// The model's answer could not be read as the requested type. Keeps the raw answer whole
/// (<see cref="Answer"/>) and the completion, says why (<see cref="Failure"/>) and where: the
/// JSON path of a member that did not match, or the byte position of malformed JSON.
/// </summary>
public sealed class XaiStructuredOutputException : XaiException
{
    internal XaiStructuredOutputException(
        StructuredOutputFailure failure,
        string typeName,
        string? answer,
        string? refusal,
        string? jsonPath,
        long? bytePosition,
        bool truncated,
        ChatCompletion completion,
        string detail,
        JsonException? inner = null)
        : base(Describe(failure, typeName, jsonPath, bytePosition, truncated, detail), inner)
    {
        Failure = failure;
        Answer = answer;
        Refusal = refusal;
        JsonPath = jsonPath;
        BytePosition = bytePosition;
        Truncated = truncated;
        Completion = completion;
    }

    /// <summary>Why the answer could not be read.</summary>
    public StructuredOutputFailure Failure { get; }

    /// <summary>The raw answer: the message content, or the forced tool call's arguments; null when there was none.</summary>
    public string? Answer { get; }

    /// <summary>The model's refusal, when it refused.</summary>
    public string? Refusal { get; }

    /// <summary>Where in the answer a member did not match the schema, as a JSON path (<c>$.items[2].name</c>).</summary>
    public string? JsonPath { get; }

    /// <summary>Where in the answer (UTF-8 bytes) the JSON stopped being well-formed.</summary>
    public long? BytePosition { get; }

    /// <summary>The answer was cut off by the token limit (<c>finish_reason: length</c>).</summary>
    public bool Truncated { get; }

    /// <summary>The whole completion, so nothing the server sent is lost.</summary>
    public ChatCompletion Completion { get; }

    private static string Describe(StructuredOutputFailure failure, string typeName, string? path, long? position, bool truncated, string detail)
    {
        string where = path is not null ? " at " + path
            : position is { } p ? " at byte " + p.ToString(CultureInfo.InvariantCulture)
            : string.Empty;
        string cut = truncated ? " The answer was cut off by the token limit (finish_reason: length)." : string.Empty;
        return failure switch
        {
            StructuredOutputFailure.NoAnswer => "The model gave no " + typeName + " answer: " + detail + cut,
            StructuredOutputFailure.Refusal => "The model refused to give a " + typeName + " answer: " + detail,
            StructuredOutputFailure.InvalidJson => "The model's " + typeName + " answer is not well-formed JSON" + where + ": " + detail + cut,
            _ => "The model's " + typeName + " answer does not match its schema" + where + ": " + detail + cut,
        };
    }
}
