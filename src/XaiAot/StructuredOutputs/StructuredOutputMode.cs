namespace XaiAot.Chat;

/// <summary>How a <see cref="StructuredOutput{T}"/> asks the model for its typed answer.</summary>
public enum StructuredOutputMode
{
    /// <summary>
    /// <c>response_format: {"type": "json_schema", ...}</c>: the message content is the JSON. The
    /// API's structured-output mode; the schema must then be one the mode accepts.
    /// </summary>
    ResponseFormat,

    /// <summary>
    /// A tool whose <c>parameters</c> is the schema, and <c>tool_choice</c> naming it: the call's
    /// arguments are the JSON. What many SDKs do for models without a strict JSON mode.
    /// </summary>
    ForcedTool,
}
