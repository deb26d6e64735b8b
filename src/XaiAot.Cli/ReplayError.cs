using XaiAot.Chat;

namespace XaiAot.Cli;

/// <summary>
/// What went wrong with one interaction, in the shape of an error line: the HTTP status (null
/// when no request was sent), a code (the server's own, kept as a number or string as it was
/// sent, or one of ours: <c>truncated</c>, <c>malformed</c>, ...), the message, the 0-based
/// index of the failing <c>data:</c> event, and for a truncated stream what arrived before the cut.
/// </summary>
internal sealed record ReplayError(int? Status, ErrorCode? Code, string Message)
{
    public int? EventIndex { get; init; }

    public bool IsTruncation { get; init; }

    public ChatCompletion? Partial { get; init; }
}
