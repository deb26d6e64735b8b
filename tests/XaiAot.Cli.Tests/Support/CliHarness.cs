using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace XaiAot.Cli.Tests;

/// <summary>What one in-process run of the CLI printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Err)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] ErrLines => Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs <see cref="CliApp"/> in-process with captured output and a controlled environment.</summary>
internal sealed class CliHarness
{
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public bool Terminal { get; set; }

    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public Func<HttpMessageHandler>? Network { get; set; }

    /// <summary>Standard input (empty unless a test pipes text or types lines).</summary>
    public TextReader Input { get; set; } = TextReader.Null;

    /// <summary>True to run as if standard input were a terminal (a conversation starts without a prompt).</summary>
    public bool InputTerminal { get; set; }

    /// <summary>Ctrl+C for the run; a test calls <see cref="Interrupts.Press"/> on it.</summary>
    public Interrupts? Interrupts { get; set; }

    public SafeStringWriter Out { get; } = new();

    public SafeStringWriter Err { get; } = new();

    public static Task<CliResult> RunAsync(params string[] args) => new CliHarness().RunAsync(args, CancellationToken.None);

    public async Task<CliResult> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        int exitCode = await Start(args, cancellationToken).ConfigureAwait(false);
        return new CliResult(exitCode, Out.ToString(), Err.ToString());
    }

    /// <summary>Starts the run on the thread pool and returns at once (for tests that drive the clock).</summary>
    public Task<int> Start(string[] args, CancellationToken cancellationToken)
    {
        var context = new CliContext(Out, Err)
        {
            GetEnvironmentVariable = name => Environment.TryGetValue(name, out string? value) ? value : null,
            OutputIsTerminal = Terminal,
            TimeProvider = Clock,
            ApiHandlerFactory = Network,
            In = Input,
            InputIsTerminal = InputTerminal,
            Interrupts = Interrupts,
        };
        return Task.Run(() => CliApp.RunAsync(args, context, cancellationToken), cancellationToken);
    }
}

/// <summary>A string writer that can be read while another thread writes to it.</summary>
internal sealed class SafeStringWriter : StringWriter
{
    private readonly Lock _gate = new();

    public override void Write(char value)
    {
        lock (_gate)
        {
            base.Write(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            base.Write(value);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (_gate)
        {
            base.Write(buffer, index, count);
        }
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        lock (_gate)
        {
            base.Write(buffer);
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_gate)
        {
            base.WriteLine(value);
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return base.ToString();
        }
    }
}
