using System;
using System.IO;
using System.Threading.Tasks;

namespace XaiAot.Cli.Tests;

/// <summary>Help, and one clear line on stderr for each thing that can be wrong on the command line.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_lists_the_commands_and_options(string option)
    {
        CliResult result = await CliHarness.RunAsync(option);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("xaiaot [command] [options]", result.Out, StringComparison.Ordinal);
        Assert.Contains("chat <PROMPT>", result.Out, StringComparison.Ordinal);
        Assert.Contains("replay <FILE>", result.Out, StringComparison.Ordinal);
        Assert.Contains("--no-delay", result.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Err);
    }

    [Fact]
    public async Task Replay_help_lists_its_views()
    {
        CliResult result = await CliHarness.RunAsync("replay", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("xaiaot replay <FILE> [options]", result.Out, StringComparison.Ordinal);
        Assert.Contains("--json", result.Out, StringComparison.Ordinal);
        Assert.Contains("--chunks", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_help_lists_its_options()
    {
        CliResult result = await CliHarness.RunAsync("chat", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (string option in new[] { "--model", "--system", "--reasoning-effort", "--record", "XAI_API_KEY" })
        {
            Assert.Contains(option, result.Out, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("replay", "x.yaml", "--bogus")]
    [InlineData("chat", "hi", "--bogus")]
    public async Task An_unknown_option_gives_one_line_and_exit_code_2(params string[] args)
    {
        CliResult result = await CliHarness.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.ErrLines);
        Assert.StartsWith("xaiaot: ", line, StringComparison.Ordinal);
        Assert.Contains("'--bogus'", line, StringComparison.Ordinal);
        Assert.Contains("--help", line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public async Task Replay_without_a_file_gives_one_line_and_exit_code_2()
    {
        CliResult result = await CliHarness.RunAsync("replay");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("FILE", Assert.Single(result.ErrLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_and_chunks_together_give_one_line_and_exit_code_2()
    {
        CliResult result = await CliHarness.RunAsync("replay", TestPaths.Cassette(TestPaths.Seed), "--json", "--chunks");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--json and --chunks", Assert.Single(result.ErrLines), StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public async Task A_missing_file_gives_one_line_naming_it()
    {
        string missing = _temp.File("nope.yaml");

        CliResult result = await CliHarness.RunAsync("replay", missing, "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("xaiaot: no such file: " + missing, Assert.Single(result.ErrLines));
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public async Task A_folder_gives_one_line()
    {
        CliResult result = await CliHarness.RunAsync("replay", _temp.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is a directory", Assert.Single(result.ErrLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notes.yaml", "just: some\nyaml: file\n")]
    [InlineData("text.yaml", "Hello, this is not YAML: [unclosed\n  - at all")]
    [InlineData("empty.yaml", "")]
    public async Task A_file_that_is_not_a_cassette_gives_one_line_with_its_name(string name, string text)
    {
        string path = _temp.File(name);
        File.WriteAllText(path, text);

        CliResult result = await CliHarness.RunAsync("replay", path, "--json");

        Assert.NotEqual(0, result.ExitCode);
        string line = Assert.Single(result.ErrLines);
        Assert.StartsWith("xaiaot: " + path, line, StringComparison.Ordinal);
        Assert.Contains("not a go-vcr cassette", line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }
}
