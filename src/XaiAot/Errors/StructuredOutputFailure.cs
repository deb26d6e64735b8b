namespace XaiAot;

/// <summary>Why a model's answer could not be read as the requested type.</summary>
public enum StructuredOutputFailure
{
    /// <summary>No choice, or a choice with neither content nor the expected tool call.</summary>
    NoAnswer,

    /// <summary>The model refused; <see cref="XaiStructuredOutputException.Refusal"/> holds its reason.</summary>
    Refusal,

    /// <summary>The answer is not well-formed JSON (the position says where).</summary>
    InvalidJson,

    /// <summary>The answer is JSON but not of the schema's shape: a required member missing, a wrong kind (the path says where).</summary>
    SchemaMismatch,
}
