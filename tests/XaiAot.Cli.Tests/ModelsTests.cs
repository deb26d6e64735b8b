using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using XaiAot.Tests.Support;

namespace XaiAot.Cli.Tests;

/// <summary><c>xaiaot models</c>: <c>GET /v1/models</c> against a loopback server.</summary>
public sealed class ModelsTests
{
    private const string Key = "xai-models-test-key-0123456789";

    private const string List = """{"object":"list","data":[{"id":"grok-4","object":"model","created":1752019200,"owned_by":"xai"},{"id":"grok-code-fast-1","object":"model","created":1755993600,"owned_by":"xai","x_new":true}]}""";

    private static CliHarness Cli(LoopbackServer server)
    {
        var cli = new CliHarness();
        cli.Environment["XAI_API_KEY"] = Key;
        cli.Environment["XAI_BASE_URL"] = server.BaseAddress.ToString();
        return cli;
    }

    [Fact]
    public async Task Lists_one_model_per_line_from_get_models()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => FakeServer.Write(context, "application/json", List));
        CliResult result = await Cli(server).RunAsync(["models"], CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["grok-4\txai", "grok-code-fast-1\txai"], result.OutLines);
        ReceivedRequest request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v1/models", request.Path);
        Assert.Equal("Bearer " + Key, request.Authorization);
    }

    [Fact]
    public async Task Json_writes_the_list_back_with_members_the_schema_does_not_name()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => FakeServer.Write(context, "application/json", List));
        CliResult result = await Cli(server).RunAsync(["models", "--json"], CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(List).RootElement, JsonDocument.Parse(Assert.Single(result.OutLines)).RootElement));
    }

    [Fact]
    public async Task An_http_error_exits_4_with_the_server_message()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
            FakeServer.Write(context, "application/json", "{\"code\":\"Client specified an invalid argument\",\"error\":\"Incorrect API key provided.\"}", 401));
        CliResult result = await Cli(server).RunAsync(["models"], CancellationToken.None);

        Assert.Equal(ExitCodes.HttpError, result.ExitCode);
        string line = Assert.Single(result.ErrLines);
        Assert.Contains("HTTP 401", line, StringComparison.Ordinal);
        Assert.Contains("/v1/models", line, StringComparison.Ordinal);
        Assert.Contains("Incorrect API key provided.", line, StringComparison.Ordinal);
    }
}
