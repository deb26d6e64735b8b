namespace XaiAot.Cli;

/// <summary>
/// The process exit codes: one per kind of failure a script may want to tell apart (retry on
/// network errors and truncated streams, fix the key, read the server's message).
/// </summary>
internal static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Success = 0;

    /// <summary>Something else failed: an error line in a replay, a file that cannot be read, a malformed answer.</summary>
    public const int Failure = 1;

    /// <summary>The command line is wrong (unknown option, missing argument, a bad URL).</summary>
    public const int Usage = 2;

    /// <summary>No API key: XAI_API_KEY is not set (and no other server was named with --base-url).</summary>
    public const int MissingKey = 3;

    /// <summary>The server answered with an HTTP error status (the line gives the status and the server's message).</summary>
    public const int HttpError = 4;

    /// <summary>The server could not be reached, or did not answer in time.</summary>
    public const int Network = 5;

    /// <summary>The answer's stream ended before it was complete (what arrived was shown).</summary>
    public const int Truncated = 6;

    /// <summary>Interrupted (Ctrl+C): 128 + SIGINT, as shells report it.</summary>
    public const int Cancelled = 130;
}
