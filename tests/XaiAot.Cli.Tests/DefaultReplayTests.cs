using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace XaiAot.Cli.Tests;

/// <summary><c>xaiaot</c> with no command replays the embedded seed cassette as a streaming chat.</summary>
public sealed class DefaultReplayTests
{
    private const string Escape = "\u001b";

    private static Recorded Seed => Recorded.All(TestPaths.Cassette(TestPaths.Seed)).Single();

    [Fact]
    public async Task Shows_the_recorded_reasoning_then_answer_then_usage_without_ansi_when_redirected()
    {
        Recorded seed = Seed;
        Assert.NotEmpty(seed.Reasoning);
        Assert.NotEmpty(seed.Content);

        CliResult result = await CliHarness.RunAsync("--no-delay");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Err);
        Assert.DoesNotContain(Escape, result.Out, StringComparison.Ordinal);
        int reasoning = result.Out.IndexOf(seed.Reasoning.Trim(), StringComparison.Ordinal);
        int answer = result.Out.IndexOf(seed.Content.Trim(), StringComparison.Ordinal);
        Assert.True(reasoning >= 0, "the recorded reasoning is printed whole");
        Assert.True(answer > reasoning, "the answer follows the reasoning");
        Assert.Equal(UsageLine(seed), result.OutLines[^1]);
    }

    [Fact]
    public async Task Shows_the_prompt_the_answer_responds_to()
    {
        CliResult result = await CliHarness.RunAsync("--no-delay");

        using JsonDocument request = JsonDocument.Parse(Seed.Interaction.Request.Body);
        string prompt = request.RootElement.GetProperty("messages").EnumerateArray().Last().GetProperty("content").GetString()!;
        Assert.Equal("> " + prompt, result.OutLines[0]);
    }

    [Fact]
    public async Task Dims_the_reasoning_on_a_terminal()
    {
        Recorded seed = Seed;
        var cli = new CliHarness { Terminal = true };

        CliResult result = await cli.RunAsync(["--no-delay"], CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        int dim = result.Out.IndexOf(Escape + "[2m", StringComparison.Ordinal);
        int reasoning = result.Out.IndexOf(seed.Reasoning.Trim()[..20], StringComparison.Ordinal);
        int reset = result.Out.IndexOf(Escape + "[0m", reasoning, StringComparison.Ordinal);
        int answer = result.Out.IndexOf(seed.Content.Trim(), StringComparison.Ordinal);
        Assert.True(dim >= 0 && dim < reasoning, "dimming starts before the reasoning");
        Assert.True(reset > reasoning && reset < answer, "dimming ends before the answer");
        string beforeAnswer = result.Out[..answer];
        Assert.Equal(beforeAnswer.LastIndexOf(Escape + "[", StringComparison.Ordinal), beforeAnswer.LastIndexOf(Escape + "[0m", StringComparison.Ordinal));
        Assert.DoesNotContain(Escape, result.Out.Substring(answer, seed.Content.Trim().Length), StringComparison.Ordinal);
        Assert.Contains(Escape + "[2musage:", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("true")]
    public async Task Honours_NO_COLOR_on_a_terminal(string value)
    {
        var cli = new CliHarness { Terminal = true };
        cli.Environment["NO_COLOR"] = value;

        CliResult result = await cli.RunAsync(["--no-delay"], CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(Escape, result.Out, StringComparison.Ordinal);
        Assert.Contains(Seed.Content.Trim(), result.Out, StringComparison.Ordinal);
    }

    /// <summary>The usage line built from the recorded numbers (not from the code under test).</summary>
    internal static string UsageLine(Recorded recorded)
    {
        JsonElement usage = recorded.Usage ?? throw new InvalidOperationException("The recording has no usage.");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"usage: {Recorded.Number(usage, "prompt_tokens")} prompt, {Recorded.Number(usage, "completion_tokens")} completion, "
            + $"{Recorded.Number(usage, "reasoning_tokens", "completion_tokens_details")} reasoning, {Recorded.Number(usage, "cached_tokens", "prompt_tokens_details")} cached tokens");
    }
}
