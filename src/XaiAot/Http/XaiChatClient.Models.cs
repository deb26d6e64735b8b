using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace XaiAot.Chat;

/// <summary><c>GET /v1/models</c>: which models the key can use.</summary>
public sealed partial class XaiChatClient
{
    /// <summary>Lists the models the API key can use (<c>GET {base}/models</c>).</summary>
    /// <exception cref="XaiApiException">The server answered with an error status.</exception>
    /// <exception cref="XaiUnexpectedContentTypeException">The answer was not JSON.</exception>
    /// <exception cref="XaiContentEncodingException">The answer was compressed in a coding this client does not decode.</exception>
    /// <exception cref="JsonException">The answer did not match the schema (the message says where).</exception>
    public async Task<ModelList> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        // The endpoint is {base}/chat/completions, so {base}/models is one level up from it.
        var models = new Uri(_endpoint, "../models");
        using HttpResponseMessage response = await _retry.SendAsync(
            static (state, token) => state.Client.GetOnceAsync(state.Uri, token),
            (Client: this, Uri: models),
            cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await HttpErrors.ToExceptionAsync(response, _options.TimeProvider, _options.ApiKey, cancellationToken).ConfigureAwait(false);
        }

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
                ModelList list = await JsonSerializer.DeserializeAsync(body, XaiChatJsonContext.Default.ModelList, cancellationToken).ConfigureAwait(false)
                    ?? throw new JsonException("Expected a model list but the body was null.");
                readToEnd = true;
                return list;
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

    private async Task<HttpResponseMessage> GetOnceAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, uri);
        message.Headers.Accept.Add(AcceptJson);
        ContentDecoding.Accept(message.Headers, eventStream: false);
        message.Headers.UserAgent.ParseAdd(_options.UserAgent);
        if (_options.ApiKey is { Length: > 0 } key)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }
}
