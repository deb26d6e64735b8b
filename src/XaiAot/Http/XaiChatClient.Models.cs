using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace XaiAot;

/// <summary><c>GET /v1/models</c>: which models the key can use.</summary>
public sealed partial class XaiChatClient
{
    /// <summary>Lists the models the API key can use (<c>GET {base}/models</c>).</summary>
    /// <exception cref="XaiApiException">The server answered with an error status.</exception>
    /// <exception cref="XaiUnexpectedContentTypeException">The answer was not JSON.</exception>
    /// <exception cref="JsonException">The answer did not match the schema (the message says where).</exception>
    public async Task<ModelList> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        // The endpoint is {base}/chat/completions, so {base}/models is one level up from it.
        var models = new Uri(_endpoint, "../models");
        HttpResponseMessage response = await _retry.SendAsync(
            static (state, token) => state.Client.GetOnceAsync(state.Uri, token),
            (Client: this, Uri: models),
            cancellationToken).ConfigureAwait(false);
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await HttpErrors.ToExceptionAsync(response, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }

            string? mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType is not null && !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
            {
                throw new XaiUnexpectedContentTypeException(mediaType, "application/json", await HttpErrors.ReadTextAsync(response, 4096, cancellationToken).ConfigureAwait(false));
            }

            Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync(body, XaiChatJsonContext.Default.ModelList, cancellationToken).ConfigureAwait(false)
                    ?? throw new JsonException("Expected a model list but the body was null.");
            }
        }
    }

    private async Task<HttpResponseMessage> GetOnceAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, uri);
        message.Headers.Accept.Add(AcceptJson);
        message.Headers.UserAgent.ParseAdd(_options.UserAgent);
        if (_options.ApiKey is { Length: > 0 } key)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }
}
