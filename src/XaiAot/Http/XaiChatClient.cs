using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace XaiAot.Chat;

/// <summary>
/// The xAI chat completions client: <see cref="CompleteAsync"/> for a whole answer,
/// <see cref="CompleteStreamingAsync"/> for chunks as they are
/// generated. Takes an injected <see cref="HttpClient"/> (HttpClientFactory-friendly) and never
/// disposes it. Thread-safe: one instance serves concurrent calls.
/// </summary>
public sealed partial class XaiChatClient
{
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");
    private static readonly MediaTypeWithQualityHeaderValue AcceptEventStream = new("text/event-stream");

    private readonly HttpClient _http;
    private readonly XaiClientOptions _options;
    private readonly Uri _endpoint;
    private readonly RetryPolicy _retry;

    public XaiChatClient(HttpClient httpClient, XaiClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _http = httpClient;
        _options = (options ?? new XaiClientOptions()).Freeze(); // one fixed set of settings for every call
        Uri root = _options.BaseAddress ?? httpClient.BaseAddress ?? XaiClientOptions.DefaultBaseAddress;
        _endpoint = new Uri(EnsureTrailingSlash(root), "chat/completions");
        _retry = new RetryPolicy(_options.Retry, _options.TimeProvider);
    }

    /// <summary>Where requests go.</summary>
    public Uri Endpoint => _endpoint;

    /// <summary>Sends the request and returns the whole completion.</summary>
    /// <exception cref="XaiApiException">The server answered with an error status.</exception>
    /// <exception cref="XaiUnexpectedContentTypeException">The answer was not JSON.</exception>
    /// <exception cref="XaiContentEncodingException">The answer was compressed in a coding this client does not decode (it decodes gzip and deflate).</exception>
    /// <exception cref="JsonException">The answer did not match the schema (the message says where).</exception>
    public async Task<ChatCompletion> CompleteAsync(ChatCompletionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Stream == true)
        {
            request = request with { Stream = null, StreamOptions = null };
        }

        ChatOperation? operation = ChatOperation.Start(request, _endpoint, streaming: false, _options.RecordMessageContent);
        if (operation is null)
        {
            return await CompleteCoreAsync(request, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            ChatCompletion completion = await CompleteCoreAsync(request, cancellationToken).ConfigureAwait(false);
            operation.Succeeded(completion);
            return completion;
        }
        catch (Exception ex)
        {
            operation.Failed(ex);
            throw;
        }
    }

    private async Task<ChatCompletion> CompleteCoreAsync(ChatCompletionRequest request, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await SendAsync(request, AcceptJson, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, XaiChatJsonContext.Default.ChatCompletion, "a chat completion", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads a successful JSON answer: checks the media type, decodes a compressed body, reads it to
    /// its end (which also checks nothing follows the value), and closes the connection at once
    /// instead of draining it when reading stops early.
    /// </summary>
    private async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, string what, CancellationToken cancellationToken)
    {
        Stream raw = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        bool readToEnd = false;
        try
        {
            string? mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType is not null && !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
            {
                throw await UnexpectedContentTypeAsync(response, raw, mediaType, "application/json", cancellationToken).ConfigureAwait(false);
            }

            Stream body = ContentDecoding.Decode(raw, response.Content.Headers.ContentEncoding);
            try
            {
                T value = await JsonSerializer.DeserializeAsync(body, typeInfo, cancellationToken).ConfigureAwait(false)
                    ?? throw new JsonException("Expected " + what + " but the body was null.");
                readToEnd = true;
                return value;
            }
            finally
            {
                if (!ReferenceEquals(body, raw))
                {
                    await body.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await ReleaseAsync(raw, readToEnd).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Streams the completion: sets <c>stream: true</c> and <c>stream_options.include_usage</c>; enumerating
    /// the result sends the request and yields each chunk as it arrives, and
    /// <see cref="ChatCompletionStream.BuildCompletion"/> then gives the whole completion. Cancelling,
    /// or leaving the loop early, stops reading at once and closes the connection (the rest of the
    /// stream is not downloaded).
    /// </summary>
    public ChatCompletionStream CompleteStreamingAsync(ChatCompletionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var accumulator = new ChatCompletionAccumulator();
        ChatCompletionRequest streaming = request with
        {
            Stream = true,
            StreamOptions = (request.StreamOptions ?? new StreamOptions()) with { IncludeUsage = true },
        };
        IAsyncEnumerable<ChatCompletionChunk> chunks = XaiTelemetry.IsObserved
            ? ObservedStreamAsync(streaming, accumulator, cancellationToken)
            : StreamCoreAsync(streaming, accumulator, cancellationToken);
        return new ChatCompletionStream(chunks, accumulator);
    }

    /// <summary>
    /// The stream inside its telemetry: the span starts before the request (so retries land on it),
    /// the first chunk is timed, and it ends with the completion, the error, or the caller leaving
    /// early. A separate iterator so an unobserved stream pays nothing per chunk.
    /// </summary>
    private async IAsyncEnumerable<ChatCompletionChunk> ObservedStreamAsync(
        ChatCompletionRequest request,
        ChatCompletionAccumulator accumulator,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ChatOperation? operation = ChatOperation.Start(request, _endpoint, streaming: true, _options.RecordMessageContent);
        IAsyncEnumerator<ChatCompletionChunk> chunks = StreamCoreAsync(request, accumulator, cancellationToken).GetAsyncEnumerator(cancellationToken);
        bool ended = false;
        try
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await chunks.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    ended = true;
                    operation?.Failed(ex);
                    throw;
                }

                if (!more)
                {
                    break;
                }

                operation?.Chunk();
                yield return chunks.Current;
            }

            ended = true;
            operation?.Succeeded(accumulator.Build());
        }
        finally
        {
            if (!ended)
            {
                operation?.Abandoned();
            }

            await chunks.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async IAsyncEnumerable<ChatCompletionChunk> StreamCoreAsync(
        ChatCompletionRequest request,
        ChatCompletionAccumulator accumulator,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await SendAsync(request, AcceptEventStream, cancellationToken).ConfigureAwait(false);
        Stream raw = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        bool readToEnd = false;
        try
        {
            string? mediaType = response.Content.Headers.ContentType?.MediaType;
            if (!string.Equals(mediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase))
            {
                throw await UnexpectedContentTypeAsync(response, raw, mediaType, "text/event-stream", cancellationToken).ConfigureAwait(false);
            }

            // The idle timeout runs only while a read waits for the network: bytes of any kind
            // reset it, and time the caller holds a chunk is not counted.
            using var network = new IdleTimeoutStream(raw, _options.StreamIdleTimeout, _options.TimeProvider, cancellationToken);
            Stream events = ContentDecoding.Decode(network, response.Content.Headers.ContentEncoding);
            IAsyncEnumerator<ChatCompletionChunk> chunks = SseChunkReader.Enumerate(events, accumulator, usageRequested: true, _options.ApiKey, cancellationToken);
            try
            {
                while (await chunks.MoveNextAsync().ConfigureAwait(false))
                {
                    yield return chunks.Current;
                }

                readToEnd = true;
            }
            finally
            {
                await chunks.DisposeAsync().ConfigureAwait(false);
                if (!ReferenceEquals(events, network))
                {
                    await events.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await ReleaseAsync(raw, readToEnd).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Disposes a body read to its end (the handler may reuse the connection); one left early
    /// (break, cancel, error) has its connection closed at once instead of drained.
    /// </summary>
    private static ValueTask ReleaseAsync(Stream raw, bool readToEnd) =>
        readToEnd ? raw.DisposeAsync() : ResponseRelease.AbortAsync(raw);

    private async Task<XaiUnexpectedContentTypeException> UnexpectedContentTypeAsync(HttpResponseMessage response, Stream raw, string? mediaType, string expected, CancellationToken cancellationToken) =>
        new(
            SecretRedaction.RedactOrNull(mediaType, _options.ApiKey),
            expected,
            await HttpErrors.ReadTextAsync(response, raw, 4096, _options.ApiKey, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Sends the request (retrying refused attempts) and returns a response with a success status
    /// whose body has not been read; error statuses become <see cref="XaiApiException"/>.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(ChatCompletionRequest request, MediaTypeWithQualityHeaderValue accept, CancellationToken cancellationToken)
    {
        if (_options.ValidateRequests)
        {
            ThrowIfInvalid(request);
        }

        byte[] body = JsonSerializer.SerializeToUtf8Bytes(request, XaiChatJsonContext.Default.ChatCompletionRequest);
        HttpResponseMessage response = await _retry.SendAsync(
            static (state, token) => state.Client.SendOnceAsync(state.Body, state.Accept, token),
            (Client: this, Body: body, Accept: accept),
            cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await HttpErrors.ToExceptionAsync(response, _options.TimeProvider, _options.ApiKey, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Checks the request against the schema (ValidateRequests). An app that never validates can trim
    /// the checks away: <c>&lt;RuntimeHostConfigurationOption Include="XaiAot.RequestValidation.IsSupported"
    /// Value="false" Trim="true" /&gt;</c> (the CLI does).
    /// </summary>
    private static void ThrowIfInvalid(ChatCompletionRequest request)
    {
        if (!RequestValidationIsSupported)
        {
            throw new NotSupportedException("ValidateRequests is on, but this app was published with the feature switch XaiAot.RequestValidation.IsSupported set to false, which trims the checks away.");
        }

        if (request.Validate() is { Count: > 0 } violations)
        {
            throw new XaiRequestValidationException(violations);
        }
    }

    [System.Diagnostics.CodeAnalysis.FeatureSwitchDefinition("XaiAot.RequestValidation.IsSupported")]
    private static bool RequestValidationIsSupported =>
        !AppContext.TryGetSwitch("XaiAot.RequestValidation.IsSupported", out bool supported) || supported;

    private async Task<HttpResponseMessage> SendOnceAsync(byte[] body, MediaTypeWithQualityHeaderValue accept, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, _endpoint);
        message.Content = new ByteArrayContent(body);
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        message.Headers.Accept.Add(accept);
        ContentDecoding.Accept(message.Headers, eventStream: ReferenceEquals(accept, AcceptEventStream));
        message.Headers.UserAgent.ParseAdd(_options.UserAgent);
        if (_options.ApiKey is { Length: > 0 } key)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (_options.RequestTimeout is not { } timeout)
        {
            return await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("No response headers within " + timeout + ".", ex);
        }
    }

    private static Uri EnsureTrailingSlash(Uri root) =>
        root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
}
