using System;
using System.Threading;
using System.Threading.Tasks;

namespace XaiAot.Chat;

/// <summary>Typed answers: the request carries the answer type's schema, the answer comes back as the type.</summary>
public sealed partial class XaiChatClient
{
    /// <summary>Asks for a typed answer and reads it from the whole completion.</summary>
    /// <exception cref="XaiStructuredOutputException">The answer could not be read as <typeparamref name="T"/> (it keeps the raw answer).</exception>
    /// <exception cref="XaiApiException">The server answered with an error status.</exception>
    public async Task<StructuredCompletion<T>> CompleteStructuredAsync<T>(ChatCompletionRequest request, StructuredOutput<T> output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ChatCompletion completion = await CompleteAsync(output.Apply(request), cancellationToken).ConfigureAwait(false);
        return new StructuredCompletion<T>(completion, output.Read(completion));
    }

    /// <summary>
    /// Streams a typed answer: the chunks arrive as usual (the answer's JSON as text, or as tool-call
    /// argument pieces), and <see cref="StructuredOutput{T}.Read"/> of
    /// <see cref="ChatCompletionStream.BuildCompletion"/> gives the record once the stream has ended.
    /// </summary>
    public ChatCompletionStream CompleteStructuredStreamingAsync<T>(ChatCompletionRequest request, StructuredOutput<T> output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        return CompleteStreamingAsync(output.Apply(request), cancellationToken);
    }
}
