using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using XaiAot.Recording;

namespace XaiAot.Cli.Tests;

/// <summary>
/// <c>xaiaot chat</c>. Never reaches the real API: the network is a replay handler or a stub
/// given through <see cref="CliContext.ApiHandlerFactory"/>.
/// </summary>
public sealed class ChatTests : IDisposable
{
    private const string Key = "xai-test-key-0123456789abcdef";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Without_a_key_says_so_in_one_line_and_exits_3()
    {
        var network = new CountingHandler();
        var cli = new CliHarness { Network = () => network };

        CliResult result = await cli.RunAsync(["chat", "Say hi"], CancellationToken.None);

        Assert.Equal(ExitCodes.MissingKey, result.ExitCode);
        Assert.Contains("XAI_API_KEY", Assert.Single(result.ErrLines), StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
        Assert.Equal(0, network.Requests);
    }

    [Fact]
    public async Task With_a_key_streams_the_answer_and_records_a_cassette_without_the_key()
    {
        Recorded seed = Recorded.All(TestPaths.Cassette(TestPaths.Seed)).Single();
        var sent = new CapturingHandler(new CassetteReplayHandler(Cassette.Load(TestPaths.Cassette(TestPaths.Seed)), new CassetteReplayOptions { MatchBody = false }));
        var cli = new CliHarness { Network = () => sent };
        cli.Environment["XAI_API_KEY"] = Key;
        string record = _temp.File("chat.yaml");

        CliResult result = await cli.RunAsync(
            ["chat", "Say hi in Portuguese", "--model", "grok-3-mini", "--system", "Be brief", "--reasoning-effort", "low", "--record", record],
            CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(seed.Content.Trim(), result.Out, StringComparison.Ordinal);
        Assert.Equal(DefaultReplayTests.UsageLine(seed), result.OutLines[^1]);

        // What was sent: the options, the prompt, streaming, and the key as a bearer token.
        Assert.Equal("Bearer " + Key, sent.Authorization);
        using JsonDocument request = JsonDocument.Parse(sent.Body!);
        Assert.Equal("grok-3-mini", request.RootElement.GetProperty("model").GetString());
        Assert.Equal("low", request.RootElement.GetProperty("reasoning_effort").GetString());
        Assert.True(request.RootElement.GetProperty("stream").GetBoolean());
        JsonElement[] messages = request.RootElement.GetProperty("messages").EnumerateArray().ToArray();
        Assert.Equal(["system", "user"], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal("Say hi in Portuguese", messages[1].GetProperty("content").GetString());

        // The recording replays, and holds no trace of the key.
        string yaml = File.ReadAllText(record);
        Assert.DoesNotContain(Key, yaml, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, result.Out + result.Err, StringComparison.Ordinal);
        Cassette recorded = Cassette.Load(record);
        Assert.Equal(seed.Interaction.Response.Body, Assert.Single(recorded.Interactions).Response.Body);
        CliResult replay = await CliHarness.RunAsync("replay", record, "--json");
        Assert.Equal(0, replay.ExitCode);
        Assert.Contains(JsonEncodedText.Encode(seed.Content, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString(), replay.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_error_gives_one_line_without_the_key_and_exit_code_4()
    {
        var cli = new CliHarness
        {
            Network = () => new StubHandler(HttpStatusCode.Unauthorized, "{\"code\":\"Client specified an invalid argument\",\"error\":\"Incorrect API key provided.\"}"),
        };
        cli.Environment["XAI_API_KEY"] = Key;

        CliResult result = await cli.RunAsync(["chat", "hi"], CancellationToken.None);

        Assert.Equal(ExitCodes.HttpError, result.ExitCode);
        string line = Assert.Single(result.ErrLines);
        Assert.Contains("401", line, StringComparison.Ordinal);
        Assert.Contains("Incorrect API key provided.", line, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, result.Out + result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_into_a_missing_folder_is_refused_before_any_request()
    {
        var network = new CountingHandler();
        var cli = new CliHarness { Network = () => network };
        cli.Environment["XAI_API_KEY"] = Key;

        CliResult result = await cli.RunAsync(["chat", "hi", "--record", _temp.File("no/such/folder/x.yaml")], CancellationToken.None);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("folder does not exist", Assert.Single(result.ErrLines), StringComparison.Ordinal);
        Assert.Equal(0, network.Requests);
    }

    [Fact]
    public async Task Cancelling_mid_stream_exits_130_and_resets_the_terminal_style()
    {
        var clock = new FakeTimeProvider();
        var cli = new CliHarness { Clock = clock, Terminal = true };
        using var cancel = new CancellationTokenSource();
        TimeSpan duration = Cassette.Load(TestPaths.Cassette(TestPaths.Seed)).Interactions[0].Response.Duration!.Value;

        Task<int> run = cli.Start([], cancel.Token);

        // Let part of the reasoning stream out (dimmed), then press Ctrl+C.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!cli.Out.ToString().Contains("\u001b[2m", StringComparison.Ordinal))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "no reasoning was shown");
            clock.Advance(duration / 100);
            await Task.Delay(2);
        }

        cancel.Cancel();

        Assert.Equal(130, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        string output = cli.Out.ToString();
        Assert.DoesNotContain("usage:", output, StringComparison.Ordinal);
        Assert.EndsWith("\u001b[0m\n", output, StringComparison.Ordinal);
    }

    private sealed class CountingHandler : HttpMessageHandler
    {
        public int Requests { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            throw new InvalidOperationException("No request was expected.");
        }
    }

    private sealed class CapturingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public string? Authorization { get; private set; }

        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorization = request.Headers.Authorization?.ToString();
            Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            return await base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class StubHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status)
            {
                RequestMessage = request,
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            });
    }
}
