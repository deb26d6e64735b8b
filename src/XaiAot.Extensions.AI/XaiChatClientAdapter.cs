using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using XaiAot.Chat;
using MeaiChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace XaiAot.Extensions.AI;

/// <summary>
/// An <see cref="IChatClient"/> over <see cref="XaiChatClient"/>: lets code written against
/// Microsoft.Extensions.AI (middleware such as function invocation, logging, caching; agent frameworks) talk to
/// xAI through XaiAot's reflection-free wire model and streaming client.
/// </summary>
/// <remarks>
/// <para>Nothing xAI sends is dropped: reasoning is <see cref="TextReasoningContent"/> (streamed as it arrives and
/// sent back as <c>reasoning_content</c> in later turns), usage keeps cached and reasoning tokens with xAI's extra
/// counts in <see cref="UsageDetails.AdditionalCounts"/>, citations become <see cref="CitationAnnotation"/>s and
/// <see cref="XaiPropertyNames.Citations"/>, and every wire object (with members the schema does not know) is the
/// <c>RawRepresentation</c> of what it was mapped to.</para>
/// <para>Options: see <see cref="XaiPropertyNames"/> for the <see cref="ChatOptions.AdditionalProperties"/> keys;
/// keys it does not list are sent as request members as they are. A <see cref="ChatOptions.RawRepresentationFactory"/>
/// may return a <see cref="ChatCompletionRequest"/> whose set members win over the options (its messages, if any,
/// come first; its model, if not empty, is used).</para>
/// <para>Thread-safe; disposing it does not dispose the <see cref="XaiChatClient"/> or its HttpClient.</para>
/// </remarks>
internal sealed class XaiChatClientAdapter : IChatClient
{
    private readonly XaiChatClient _client;
    private readonly ChatClientMetadata _metadata;
    private readonly Dictionary<string, StructuredOutput> _structuredOutputs = new(StringComparer.Ordinal);

    /// <summary>Wraps <paramref name="client"/>.</summary>
    /// <param name="client">The xAI client that sends the requests.</param>
    /// <param name="defaultModelId">The model used when <see cref="ChatOptions.ModelId"/> is not set (for example <c>grok-4-fast</c>).</param>
    /// <param name="structuredOutputs">
    /// Typed answers whose own schema is sent when <c>GetResponseAsync&lt;T&gt;</c> (or a
    /// <see cref="ChatResponseFormatJson"/>) asks for a schema of the same name.
    /// </param>
    public XaiChatClientAdapter(XaiChatClient client, string? defaultModelId = null, IEnumerable<StructuredOutput>? structuredOutputs = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        DefaultModelId = defaultModelId;
        _metadata = new ChatClientMetadata("xai", ApiRoot(client.Endpoint), defaultModelId);
        foreach (StructuredOutput output in structuredOutputs ?? [])
        {
            ArgumentNullException.ThrowIfNull(output, nameof(structuredOutputs));
            if (!_structuredOutputs.TryAdd(output.Name, output))
            {
                throw new ArgumentException("Two structured outputs are named '" + output.Name + "'; the schema name tells them apart, so each needs its own.", nameof(structuredOutputs));
            }
        }
    }

    /// <summary>The model used when <see cref="ChatOptions.ModelId"/> is not set.</summary>
    public string? DefaultModelId { get; }

    // The client posts to {root}/chat/completions; the metadata names the root.
    private static Uri ApiRoot(Uri endpoint)
    {
        const string Suffix = "chat/completions";
        string text = endpoint.AbsoluteUri;
        return text.EndsWith(Suffix, StringComparison.Ordinal) ? new Uri(text[..^Suffix.Length]) : endpoint;
    }

    /// <summary>The wrapped client.</summary>
    public XaiChatClient InnerClient => _client;

    /// <summary>
    /// The request <see cref="GetResponseAsync"/> or <see cref="GetStreamingResponseAsync"/> would send for these
    /// messages and options (before streaming sets <c>stream</c> and <c>stream_options</c>). Useful to inspect or log
    /// the mapping, or to send it through <see cref="XaiChatClient"/> directly.
    /// </summary>
    public ChatCompletionRequest CreateRequest(IEnumerable<MeaiChatMessage> messages, ChatOptions? options = null) =>
        Prepare(messages, options, streaming: false, out _);

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<MeaiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ChatCompletionRequest request = Prepare(messages, options, streaming: false, out StructuredAnswer? structured);
        ChatCompletion completion = await _client.CompleteAsync(request, cancellationToken).ConfigureAwait(false);
        ChatResponse response = ResponseMapper.ToResponse(completion);
        structured?.Rewrite(response, completion);
        return response;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<MeaiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Map eagerly so a bad option fails at the call, not at the first MoveNextAsync.
        ChatCompletionRequest request = Prepare(messages, options, streaming: true, out StructuredAnswer? structured);
        return StreamAsync(request, structured, cancellationToken);
    }

    /// <summary>The request for these messages and options, with a known structured output's own schema in it.</summary>
    private ChatCompletionRequest Prepare(IEnumerable<MeaiChatMessage> messages, ChatOptions? options, bool streaming, out StructuredAnswer? structured)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ChatCompletionRequest request = RequestMapper.ToRequest(messages, options, DefaultModelId, this);
        structured = StructuredAnswer.Match(request, options, _structuredOutputs);

        // A stream's text cannot be re-wrapped in {"data": ...} as it arrives; M.E.AI only wraps for
        // GetResponseAsync<T>, which does not stream, so such a stream keeps the schema M.E.AI made.
        if (structured is { Wrapped: true } && streaming)
        {
            structured = null;
        }

        return structured?.Apply(request) ?? request;
    }

    private async IAsyncEnumerable<ChatResponseUpdate> StreamAsync(
        ChatCompletionRequest request, StructuredAnswer? structured, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var mapper = new StreamingMapper();
        await foreach (ChatCompletionChunk chunk in _client.CompleteStreamingAsync(request, cancellationToken).ConfigureAwait(false))
        {
            ChatResponseUpdate update = mapper.Map(chunk);
            structured?.Rewrite(update);
            yield return update;
        }

        if (mapper.Complete() is { } last)
        {
            structured?.Rewrite(last);
            yield return last;
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return
            serviceKey is not null ? null :
            serviceType == typeof(ChatClientMetadata) ? _metadata :
            serviceType == typeof(XaiChatClient) ? _client :
            serviceType.IsInstanceOfType(this) ? this :
            null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The XaiChatClient and its HttpClient belong to the caller.
    }
}
