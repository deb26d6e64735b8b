using System.Collections.Generic;
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
    /// <para>With <paramref name="structuredOutputs"/>, <c>GetResponseAsync&lt;T&gt;</c> sends your own schema: when it
    /// (or a <see cref="ChatResponseFormatJson"/>) names a schema one of them is named, that output's schema goes on
    /// the wire (as <c>response_format</c> or a forced tool, as the output says) instead of the one derived from the
    /// type, and the answer comes back in the shape <c>GetResponseAsync&lt;T&gt;</c> reads with your generated context.</para>
    /// </remarks>
    /// <param name="client">The xAI client that sends the requests.</param>
    /// <param name="defaultModelId">The model used when <see cref="ChatOptions.ModelId"/> is not set.</param>
    /// <param name="structuredOutputs">The typed answers, each under its own name (by default the type's name, as M.E.AI names the schema).</param>
    public static IChatClient AsIChatClient(this XaiChatClient client, string? defaultModelId = null, IEnumerable<StructuredOutput>? structuredOutputs = null) =>
        new XaiChatClientAdapter(client, defaultModelId, structuredOutputs);
}
