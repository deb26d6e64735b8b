namespace XaiAot.Chat;

/// <summary>A completion and the typed answer read from it.</summary>
/// <typeparam name="T">The type generated from the answer's schema.</typeparam>
public sealed class StructuredCompletion<T>
{
    internal StructuredCompletion(ChatCompletion completion, T value)
    {
        Completion = completion;
        Value = value;
    }

    /// <summary>The whole completion as the server sent it (usage, the raw answer, and everything else).</summary>
    public ChatCompletion Completion { get; }

    /// <summary>The answer, read through the type's generated converter.</summary>
    public T Value { get; }
}
