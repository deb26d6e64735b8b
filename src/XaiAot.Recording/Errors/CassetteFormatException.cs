using System;

namespace XaiAot.Recording;

/// <summary>
/// The input is not a go-vcr version 2 cassette. The message names the source, the line and
/// column where the problem is, what was expected there and what was found.
/// </summary>
public sealed class CassetteFormatException : Exception
{
    /// <summary>Creates the exception; <paramref name="line"/> and <paramref name="column"/> are 1-based.</summary>
    public CassetteFormatException(string source, long? line, long? column, string problem, Exception? innerException = null)
        : base(Compose(source, line, column, problem), innerException)
    {
        SourceName = source;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The file path or name of the text that failed to load.</summary>
    public string SourceName { get; }

    /// <summary>The 1-based line of the problem, when known.</summary>
    public long? Line { get; }

    /// <summary>The 1-based column of the problem, when known.</summary>
    public long? Column { get; }

    /// <summary>What was expected and what was found, without the position.</summary>
    public string Problem { get; }

    private static string Compose(string source, long? line, long? column, string problem) =>
        line is null
            ? $"{source}: not a go-vcr cassette: {problem}"
            : $"{source}({line},{column}): not a go-vcr cassette: {problem}";
}
