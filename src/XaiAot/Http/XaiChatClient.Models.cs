using System;
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

        return await ReadJsonAsync(response, XaiChatJsonContext.Default.ModelList, "a model list", cancellationToken).ConfigureAwait(false);
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
