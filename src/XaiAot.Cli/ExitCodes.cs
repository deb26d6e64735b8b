namespace XaiAot.Cli;

/// <summary>The process exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Success = 0;

    /// <summary>Something failed: an API error, an error line in a replay, a file that cannot be read.</summary>
    public const int Failure = 1;

    /// <summary>The command line is wrong (unknown option, missing argument) or XAI_API_KEY is not set.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted (Ctrl+C): 128 + SIGINT, as shells report it.</summary>
    public const int Cancelled = 130;
}
