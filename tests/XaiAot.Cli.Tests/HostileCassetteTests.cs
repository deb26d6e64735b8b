using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace XaiAot.Cli.Tests;

/// <summary>
/// A cassette from anywhere ends in exit 1 and one line on standard error naming the file, the
/// line and column, and what was expected there: never a crash, a stack trace or a replay of
/// something other than what was recorded.
/// </summary>
public sealed class HostileCassetteTests : IDisposable
{
    private const string Recording = "xai-grok-code-fast__simple.yaml";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("code: 200", "code: -1", "(32,11): not a go-vcr cassette: expected an HTTP status code from 100 to 599 for 'code', found -1")]
    [InlineData("code: 200", "code: 1000", "(32,11): not a go-vcr cassette: expected an HTTP status code from 100 to 599 for 'code', found 1000")]
    [InlineData("proto_major: 2", "proto_major: -1", "(23,18): not a go-vcr cassette: expected a single digit for 'proto_major' (as in HTTP/1.1), found -1")]
    [InlineData("status: 200 OK", "status: \"200 OK\\r\\nX-Injected: 1\"", "(31,13): not a go-vcr cassette: expected a status line without line breaks for 'status', found '200 OK\\r\\nX-Injected: 1'")]
    [InlineData("      - application/json\n    status", "      - \"application/json\\r\\nX-Injected: 1\"\n    status", "(30,9): not a go-vcr cassette: expected a value without line breaks for 'headers.Content-Type', found 'application/json\\r\\nX-Injected: 1'")]
    [InlineData("duration: 4.059811333s", "duration: -4s", "(33,15): not a go-vcr cassette: expected a duration of 0 or more for 'duration', found -4s")]
    public async Task A_field_replay_cannot_reproduce_gives_one_line_with_file_position_and_expectation(string find, string replace, string expected)
    {
        string path = Write(Recorded().Replace(find, replace, StringComparison.Ordinal));

        CliResult result = await CliHarness.RunAsync("replay", path, "--json");

        AssertOneLineError(result, path, expected);
    }

    [Fact]
    public async Task A_body_that_is_not_UTF8_gives_its_position_instead_of_replaying_U_FFFD()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(Recorded());
        int at = utf8.AsSpan().IndexOf("Ol\u00E1"u8);
        byte[] latin1 = [.. utf8.AsSpan(0, at + 2), 0xE1, .. utf8.AsSpan(at + 4)];
        string path = _temp.File("latin1.yaml");
        File.WriteAllBytes(path, latin1);

        CliResult result = await CliHarness.RunAsync("replay", path, "--json");

        AssertOneLineError(result, path, $"(27,197): not a go-vcr cassette: expected UTF-8 text, found the byte 0xE1 at byte offset {at + 2}, which is not valid UTF-8 there");
    }

    [Fact]
    public async Task Nesting_100000_deep_gives_one_line_in_a_child_process_instead_of_a_stack_overflow()
    {
        // Before the depth limit this killed the process with SIGSEGV (exit 139): hence a child.
        string path = Write("version: 2\ninteractions:\n- id: 0\n  x: " + new string('[', 100_000) + new string(']', 100_000) + "\n");

        CliResult result = await CliProcess.RunAsync("replay", path, "--json");

        AssertOneLineError(result, path, "(4,67): not a go-vcr cassette: expected mappings and lists nested at most 64 deep, found one nested deeper");
    }

    [Fact]
    public async Task Nesting_a_little_too_deep_gives_one_line_in_process()
    {
        string path = Write(Recorded() + "extra: " + new string('[', 200) + new string(']', 200) + "\n");

        CliResult result = await CliHarness.RunAsync("replay", path, "--chunks");

        AssertOneLineError(result, path, "(34,71): not a go-vcr cassette: expected mappings and lists nested at most 64 deep, found one nested deeper");
    }

    private static string Recorded()
    {
        string text = File.ReadAllText(TestPaths.Cassette(Recording));
        Assert.EndsWith("duration: 4.059811333s\n", text, StringComparison.Ordinal);
        return text;
    }

    private string Write(string yaml)
    {
        string path = _temp.File("hostile.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static void AssertOneLineError(CliResult result, string path, string expected)
    {
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal("xaiaot: " + path + expected, Assert.Single(result.ErrLines).TrimEnd('\r'));
    }
}
