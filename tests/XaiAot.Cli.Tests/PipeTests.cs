using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using XaiAot.Tests.Support;

namespace XaiAot.Cli.Tests;

/// <summary><c>echo ... | xaiaot chat</c>, <c>xaiaot chat -</c>, and a prompt with piped context.</summary>
public sealed class PipeTests
{
    private static async Task<(CliResult Result, (string Role, string Content)[] Sent)> Run(string[] args, string stdin, bool terminalOut = false)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
            FakeServer.Write(context, "text/event-stream", FakeServer.Stream("Rayleigh ", "scattering.")));
        var cli = new CliHarness { Input = new StringReader(stdin), InputTerminal = false, Terminal = terminalOut };
        cli.Environment["XAI_API_KEY"] = "k";
        cli.Environment["XAI_BASE_URL"] = server.BaseAddress.ToString();
        CliResult result = await cli.RunAsync(args, CancellationToken.None);
        return (result, server.Requests.IsEmpty ? [] : FakeServer.Messages(server.Requests.Single().Body));
    }

    [Fact]
    public async Task Piped_standard_input_is_the_prompt()
    {
        (CliResult result, var sent) = await Run(["chat"], "why is the sky blue\n");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal([("user", "why is the sky blue")], sent);
        Assert.Contains("Rayleigh scattering.", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dash_reads_the_prompt_from_standard_input()
    {
        (CliResult result, var sent) = await Run(["chat", "-"], "explain\nin two lines\n");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal([("user", "explain\nin two lines")], sent);
    }

    [Fact]
    public async Task Piped_input_after_a_prompt_is_attached_as_context()
    {
        (CliResult result, var sent) = await Run(["chat", "review this diff"], "- a\n+ b\n");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal([("user", "review this diff\n\n- a\n+ b")], sent);
    }

    [Fact]
    public async Task Output_to_a_pipe_has_no_escape_codes_and_a_terminal_gets_them()
    {
        (CliResult piped, _) = await Run(["chat", "hi"], string.Empty);
        Assert.DoesNotContain('\u001b', piped.Out);
        Assert.Contains("Rayleigh scattering.", piped.Out, StringComparison.Ordinal);

        (CliResult terminal, _) = await Run(["chat", "hi"], string.Empty, terminalOut: true);
        Assert.Contains('\u001b', terminal.Out);
    }

    [Fact]
    public async Task Empty_standard_input_without_a_prompt_is_a_usage_error_before_any_request()
    {
        (CliResult result, var sent) = await Run(["chat"], "  \n");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("no prompt", Assert.Single(result.ErrLines), StringComparison.Ordinal);
        Assert.Empty(sent);
    }
}
