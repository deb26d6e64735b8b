using System;
using System.Net.Http;
using System.Text.Json;
using XaiAot.Chat;

namespace XaiAot.Cli;

/// <summary>
/// What a failed call to a server means for the user: one line for standard error, the error
/// object of a <c>--json</c> line, and the exit code. Null for exceptions that are not about the
/// call (bugs and cancellation stay exceptions).
/// </summary>
internal sealed record ClientError(int ExitCode, string Line, ReplayError Report)
{
    public static ClientError? From(Exception exception, Uri endpoint) =>
        exception switch
        {
            XaiApiException ex => new(
                ExitCodes.HttpError,
                "HTTP " + Text.Int((int)ex.StatusCode) + " from " + endpoint + ": " + Text.OneLine(ex.MessageText),
                new ReplayError((int)ex.StatusCode, CodeOf(ex.Error), ex.MessageText)),
            XaiStreamTruncatedException ex => new(
                ExitCodes.Truncated,
                Text.OneLine(ex.Message),
                new ReplayError(200, "truncated", ex.Message) { IsTruncation = true, Partial = ex.Partial }),
            XaiMalformedEventException ex => new(
                ExitCodes.Failure,
                Text.OneLine(ex.Message),
                new ReplayError(200, "malformed", ex.Message) { EventIndex = ex.EventIndex }),
            XaiStreamErrorException ex => new(
                ExitCodes.Failure,
                "the server sent an error in the stream: " + Text.OneLine(ex.Error.MessageText ?? ex.EventData),
                new ReplayError(200, CodeOf(ex.Error) ?? "stream_error", ex.Error.MessageText ?? ex.EventData) { EventIndex = ex.EventIndex }),
            XaiException ex => new(ExitCodes.Failure, Text.OneLine(ex.Message), new ReplayError(null, "unexpected_response", ex.Message)),
            JsonException ex => new(
                ExitCodes.Failure,
                "the answer from " + endpoint + " is not what the schema describes: " + Text.OneLine(ex.Message),
                new ReplayError(null, "invalid_response", ex.Message)),
            HttpRequestException ex => new(
                ExitCodes.Network,
                "cannot reach " + endpoint + ": " + Text.OneLine(ex.Message),
                new ReplayError(null, "network", ex.Message)),
            // HttpClient's own timeout, not the caller's cancellation (that is handled before this).
            OperationCanceledException ex => new(
                ExitCodes.Network,
                "no answer from " + endpoint + " in time: " + Text.OneLine(ex.Message),
                new ReplayError(null, "timeout", ex.Message)),
            TimeoutException ex => new(
                ExitCodes.Network,
                "no answer from " + endpoint + " in time: " + Text.OneLine(ex.Message),
                new ReplayError(null, "timeout", ex.Message)),
            _ => null,
        };

    /// <summary>The code from either error shape, kept as the number or string the server sent.</summary>
    public static ErrorCode? CodeOf(ErrorResponse? error) =>
        error?.Error is { IsErrorDetail: true } detail ? detail.AsErrorDetail.Code ?? error.Code : error?.Code;
}
