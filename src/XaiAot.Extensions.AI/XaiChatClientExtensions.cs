using Microsoft.Extensions.AI;
using XaiAot.Chat;

namespace XaiAot.Extensions.AI;

/// <summary>Creates the <see cref="IChatClient"/> for an <see cref="XaiChatClient"/>.</summary>
public static class XaiChatClientExtensions
{
    /// <summary>
    /// Wraps <paramref name="client"/> as an <see cref="IChatClient"/>, for use alone or at the bottom of a
    /// <c>ChatClientBuilder</c> pipeline.
    /// </summary>
    /// <remarks>
    /// Nothing xAI sends is dropped: reasoning is <see cref="TextReasoningContent"/>, usage keeps cached and reasoning
    /// tokens (xAI's extra counts in <see cref="UsageDetails.AdditionalCounts"/>), citations become
    /// <see cref="CitationAnnotation"/>s, and every wire object is the <c>RawRepresentation</c> of what it was mapped
    /// to. <see cref="XaiPropertyNames"/> lists the <see cref="ChatOptions.AdditionalProperties"/> keys it reads; a
    /// <see cref="ChatOptions.RawRepresentationFactory"/> may return a <see cref="ChatCompletionRequest"/> whose set
    /// members win. <c>GetService(typeof(XaiChatClient))</c> returns <paramref name="client"/>. Thread-safe; disposing
    /// it does not dispose <paramref name="client"/> or its HttpClient.
    /// </remarks>
    /// <param name="client">The xAI client that sends the requests.</param>
    /// <param name="defaultModelId">The model used when <see cref="ChatOptions.ModelId"/> is not set.</param>
    public static IChatClient AsIChatClient(this XaiChatClient client, string? defaultModelId = null) =>
        new XaiChatClientAdapter(client, defaultModelId);
}
