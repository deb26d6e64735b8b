using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace XaiAot.Cli;

/// <summary>Wires the console to <see cref="CliApp"/>: streams, terminal detection, Ctrl+C.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        // Raw UTF-8 out, flushed by the CLI after each chunk or line (not after every write).
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 4096) { AutoFlush = false };
        var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1024) { AutoFlush = true };
        using var cancel = new CancellationTokenSource();
        var interrupts = new Interrupts(cancel);

        // Ctrl+C stops the answer being streamed (a conversation goes on), else stops cleanly
        // (exit 130); one more after that ends the process at once.
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = !cancel.IsCancellationRequested;
            interrupts.Press();
        };

        var context = new CliContext(stdout, stderr)
        {
            In = Console.In,
            InputIsTerminal = !Console.IsInputRedirected,
            OutputIsTerminal = !Console.IsOutputRedirected,
            Interrupts = interrupts,
        };
        try
        {
            return await CliApp.RunAsync(args, context, cancel.Token).ConfigureAwait(false);
        }
        catch (IOException) when (!cancel.IsCancellationRequested)
        {
            // Standard output closed under us (e.g. piped into `head`): nothing more to say.
            return ExitCodes.Failure;
        }
        finally
        {
            try
            {
                await stdout.DisposeAsync().ConfigureAwait(false);
            }
            catch (IOException)
            {
            }
        }
    }
}
