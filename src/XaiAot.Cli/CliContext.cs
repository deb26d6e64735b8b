using System;
using System.IO;
using System.Net.Http;

namespace XaiAot.Cli;

/// <summary>
/// Everything the CLI takes from its surroundings, so a test runs it in-process with string
/// writers, a fake environment, a fake clock and a fake network.
/// </summary>
internal sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        Out = output;
        Error = error;
    }

    /// <summary>Standard output: the chat, JSON lines, help.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error: one line per problem.</summary>
    public TextWriter Error { get; }

    /// <summary>Reads an environment variable (<c>XAI_API_KEY</c>, <c>NO_COLOR</c>, <c>TERM</c>).</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Standard input: a conversation's lines on a terminal, or a piped prompt.</summary>
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>True when standard input is a terminal: <c>chat</c> without a prompt then starts a conversation.</summary>
    public bool InputIsTerminal { get; init; }

    /// <summary>Ctrl+C presses (null: only the cancellation token passed to the run stops it).</summary>
    internal Interrupts? Interrupts { get; init; }

    /// <summary>True when standard output is a terminal: only then is reasoning dimmed with ANSI codes.</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>The clock replay pacing and the client wait on.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Makes the handler <c>chat</c> sends through (null: a <see cref="SocketsHttpHandler"/> to the
    /// real API). Tests put a replay handler here.
    /// </summary>
    public Func<HttpMessageHandler>? ApiHandlerFactory { get; init; }

    /// <summary>ANSI styling: a terminal, <c>NO_COLOR</c> unset or empty (no-color.org), and not <c>TERM=dumb</c>.</summary>
    internal bool UseColor =>
        OutputIsTerminal
        && string.IsNullOrEmpty(GetEnvironmentVariable("NO_COLOR"))
        && !string.Equals(GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
}
