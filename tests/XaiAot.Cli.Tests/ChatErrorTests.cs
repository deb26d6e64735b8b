using System;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using XaiAot.Chat;
using XaiAot.Tests.Support;

namespace XaiAot.Cli.Tests;

/// <summary>
/// Every way <c>xaiaot chat</c> can fail is one line on standard error with its own exit code, and
/// with <c>--json</c> also one JSON line on standard output; the key never shows.
/// </summary>
public sealed class ChatErrorTests
{
    private const string Key = "xai-test-key-0123456789abcdef";

    private static CliHarness Cli(Uri? baseAddress, string? key = Key)
    {
        var cli = new CliHarness();
        if (key is not null)
        {
            cli.Environment["XAI_API_KEY"] = key;
        }

        if (baseAddress is not null)
        {
            cli.Environment["XAI_BASE_URL"] = baseAddress.ToString();
        }

        return cli;
    }

    [Fact]
    public async Task Json_prints_the_final_completion_as_one_line()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => FakeServer.Write(context, "text/event-stream", FakeServer.Stream("Olá", "!")));
        CliResult result = await Cli(server.BaseAddress).RunAsync(["chat", "hi", "--json"], CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        string line = Assert.Single(result.OutLines);
        ChatCompletion completion = JsonSerializer.Deserialize(line, XaiChatJsonContext.Default.ChatCompletion)!;
        Assert.Equal("Olá!", completion.Choices[0].Message.Content);
        Assert.Equal(5, completion.Usage!.TotalTokens);
    }

    [Fact]
    public async Task An_http_error_exits_4_with_status_and_message_and_a_json_error_line()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
            FakeServer.Write(context, "application/json", "{\"code\":\"Client specified an invalid argument\",\"error\":\"Incorrect API key provided.\"}", 401));
        CliResult result = await Cli(server.BaseAddress).RunAsync(["chat", "hi", "--json"], CancellationToken.None);

        Assert.Equal(ExitCodes.HttpError, result.ExitCode);
        string err = Assert.Single(result.ErrLines);
        Assert.Contains("HTTP 401", err, StringComparison.Ordinal);
        Assert.Contains("Incorrect API key provided.", err, StringComparison.Ordinal);
        using JsonDocument json = JsonDocument.Parse(Assert.Single(result.OutLines));
        Assert.Equal(401, json.RootElement.GetProperty("error").GetProperty("status").GetInt32());
        Assert.DoesNotContain(Key, result.Out + result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_stream_exits_6_and_keeps_the_partial_answer()
    {
        string stream = FakeServer.Stream("half an ans", "wer");
        string cut = stream[..stream.IndexOf("\"finish_reason\":\"stop\"", StringComparison.Ordinal)];
        cut = cut[..cut.LastIndexOf("data:", StringComparison.Ordinal)];
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => FakeServer.Write(context, "text/event-stream", cut));
        CliResult result = await Cli(server.BaseAddress).RunAsync(["chat", "hi"], CancellationToken.None);

        Assert.Equal(ExitCodes.Truncated, result.ExitCode);
        Assert.Contains("half an answer", result.Out, StringComparison.Ordinal);
        Assert.Single(result.ErrLines);
    }

    [Fact]
    public async Task An_unreachable_server_exits_5()
    {
        // A port that was just free: nothing listens there.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        CliResult result = await Cli(new Uri("http://127.0.0.1:" + port + "/v1/")).RunAsync(["chat", "hi"], CancellationToken.None);

        Assert.Equal(ExitCodes.Network, result.ExitCode);
        Assert.Contains("cannot reach", Assert.Single(result.ErrLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_key_exits_3_and_a_bad_base_url_exits_2_before_any_request()
    {
        CliResult noKey = await Cli(null, key: null).RunAsync(["chat", "hi"], CancellationToken.None);
        Assert.Equal(ExitCodes.MissingKey, noKey.ExitCode);
        Assert.Contains("XAI_API_KEY", Assert.Single(noKey.ErrLines), StringComparison.Ordinal);

        CliResult badUrl = await Cli(null).RunAsync(["chat", "hi", "--base-url", "ftp://example"], CancellationToken.None);
        Assert.Equal(ExitCodes.Usage, badUrl.ExitCode);
        Assert.Contains("--base-url", Assert.Single(badUrl.ErrLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_server_named_by_base_url_needs_no_key()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => FakeServer.Write(context, "text/event-stream", FakeServer.Stream("local")));
        CliResult result = await Cli(null, key: null).RunAsync(["chat", "hi", "--base-url", server.BaseAddress.ToString()], CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Null(Assert.Single(server.Requests).Authorization);
        Assert.Contains("local", result.Out, StringComparison.Ordinal);
    }
}
