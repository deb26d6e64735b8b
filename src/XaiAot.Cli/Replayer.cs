using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using XaiAot.Chat;
using XaiAot.Recording;

namespace XaiAot.Cli;

/// <summary>
/// Replays every interaction of a cassette through the real client path: the recorded request
/// body is parsed into a <see cref="ChatCompletionRequest"/>, sent by <see cref="XaiChatClient"/>
/// (streaming when the recorded request streamed) to a <see cref="CassetteReplayHandler"/>, and the
/// typed result is shown. Each interaction is sent exactly once with retries off: a cassette holds
/// what the server said to each attempt, so every interaction gets its own result.
/// </summary>
internal static class Replayer
{
    private const string Endpoint = "chat/completions";

    /// <summary>Returns 0 when every interaction ended well, 1 when any ended with an error.</summary>
    public static async Task<int> RunAsync(Cassette cassette, ReplayOutput output, bool pacing, CliContext context, CancellationToken cancellationToken)
    {
        int failures = 0;
        int count = cassette.Interactions.Count;
        for (int i = 0; i < count; i++)
        {
            CassetteInteraction interaction = cassette.Interactions[i];

            // Each interaction is served by a handler holding only that interaction, so it answers
            // its own request whatever happened to the others (one skipped as unparsable cannot
            // shift the rest), and a body that differs from the recorded one only where this
            // client differs from the recording one (it always asks for stream usage) still
            // replays: method and URL are matched, not the body.
            var single = new Cassette { Source = cassette.Source };
            single.Interactions.Add(interaction);
            using var handler = new CassetteReplayHandler(single, new CassetteReplayOptions
            {
                Pacing = pacing,
                TimeProvider = context.TimeProvider,
                MatchBody = false,
            });
            using var http = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
            ReplayError? error;
            try
            {
                error = await ReplayOneAsync(interaction, i, count, http, output, context, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                output.Abort();
                throw;
            }

            if (error is not null)
            {
                failures++;
                output.Error(interaction, error);
            }
        }

        return failures == 0 ? 0 : 1;
    }

    private static async Task<ReplayError?> ReplayOneAsync(
        CassetteInteraction interaction,
        int position,
        int count,
        HttpClient http,
        ReplayOutput output,
        CliContext context,
        CancellationToken cancellationToken)
    {
        ChatCompletionRequest request;
        try
        {
            request = JsonSerializer.Deserialize(interaction.Request.Body, XaiChatJsonContext.Default.ChatCompletionRequest)
                ?? throw new JsonException("The body is null.");
        }
        catch (JsonException ex)
        {
            output.Begin(interaction, position, count, null);
            return new ReplayError(null, "invalid_request", "The recorded request body is not a chat completion request: " + ex.Message);
        }

        output.Begin(interaction, position, count, request);
        if (BaseAddressOf(interaction.Request.Url) is not { } baseAddress)
        {
            return new ReplayError(null, "invalid_request", "The recorded request went to '" + interaction.Request.Url + "', not a " + Endpoint + " endpoint.");
        }

        var client = new XaiChatClient(http, new XaiClientOptions
        {
            BaseAddress = baseAddress,
            Retry = XaiRetryOptions.None,
            TimeProvider = context.TimeProvider,
        });
        bool streamed = request.Stream == true;
        int recordedStatus = interaction.Response.Code;
        try
        {
            if (streamed)
            {
                ChatCompletionStream stream = client.CompleteStreamingAsync(request, cancellationToken);
                await foreach (ChatCompletionChunk chunk in stream.ConfigureAwait(false))
                {
                    output.Chunk(chunk);
                }

                output.Completion(stream.BuildCompletion(), streamed: true);
            }
            else
            {
                output.Completion(await client.CompleteAsync(request, cancellationToken).ConfigureAwait(false), streamed: false);
            }

            return null;
        }
        catch (XaiApiException ex)
        {
            return new ReplayError((int)ex.StatusCode, ClientError.CodeOf(ex.Error), ex.MessageText);
        }
        catch (XaiStreamTruncatedException ex)
        {
            return new ReplayError(recordedStatus, "truncated", ex.Message) { IsTruncation = true, Partial = ex.Partial };
        }
        catch (XaiMalformedEventException ex)
        {
            return new ReplayError(recordedStatus, "malformed", ex.Message) { EventIndex = ex.EventIndex };
        }
        catch (XaiStreamErrorException ex)
        {
            return new ReplayError(recordedStatus, ClientError.CodeOf(ex.Error) ?? "stream_error", ex.Error.MessageText ?? ex.EventData) { EventIndex = ex.EventIndex };
        }
        catch (XaiUnexpectedContentTypeException ex)
        {
            return new ReplayError(recordedStatus, "unexpected_content_type", ex.Message);
        }
        catch (JsonException ex) when (!streamed)
        {
            return new ReplayError(recordedStatus, "invalid_response", "The recorded response is not a chat completion: " + ex.Message);
        }
        catch (CassetteMismatchException ex)
        {
            return new ReplayError(null, "mismatch", ex.Message);
        }
    }

    /// <summary><c>https://host/v1/chat/completions</c> gives <c>https://host/v1/</c>; any other URL gives null.</summary>
    internal static Uri? BaseAddressOf(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || !uri.AbsolutePath.EndsWith("/" + Endpoint, StringComparison.Ordinal))
        {
            return null;
        }

        string path = uri.AbsolutePath[..^Endpoint.Length];
        return new Uri(uri.GetLeftPart(UriPartial.Authority) + path);
    }
}
