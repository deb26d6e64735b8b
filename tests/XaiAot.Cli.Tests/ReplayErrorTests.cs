using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using XaiAot.Recording;

namespace XaiAot.Cli.Tests;

/// <summary>Error lines of <c>replay --json</c> for streams cut short or broken and for odd recordings.</summary>
public sealed class ReplayErrorTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_stream_cut_before_done_and_finish_reason_gives_the_truncated_line_with_the_partial()
    {
        Cassette cassette = LoadSeed();
        List<string> payloads = Recorded.DataPayloads(cassette.Interactions[0].Response.Body);
        int firstFinish = payloads.FindIndex(p => p != "[DONE]" && HasFinishReason(p));
        Assert.True(firstFinish > 10, "the seed stream finishes late enough to cut it");
        List<string> kept = payloads.Take(firstFinish * 2 / 3).ToList();
        cassette.Interactions[0].Response.Body = Body(kept);
        string path = Save(cassette, "truncated.yaml");
        Recorded cut = Recorded.All(path).Single();

        CliResult result = await CliHarness.RunAsync("replay", path, "--json");

        Assert.Equal(1, result.ExitCode);
        using JsonDocument line = JsonDocument.Parse(Assert.Single(result.OutLines));
        JsonElement error = line.RootElement.GetProperty("error");
        Assert.Equal(200, error.GetProperty("status").GetInt32());
        Assert.Equal("truncated", error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        JsonElement message = line.RootElement.GetProperty("partial").GetProperty("choices")[0].GetProperty("message");
        string partialText = (message.TryGetProperty("reasoning_content", out JsonElement r) ? r.GetString() : null)
            + (message.TryGetProperty("content", out JsonElement c) ? c.GetString() : null);
        Assert.Equal(cut.Reasoning + cut.Content, partialText);
        Assert.NotEmpty(partialText);
    }

    [Fact]
    public async Task A_truncated_stream_in_chunks_view_gives_every_chunk_then_the_error_line()
    {
        Cassette cassette = LoadSeed();
        List<string> kept = Recorded.DataPayloads(cassette.Interactions[0].Response.Body).Take(12).ToList();
        Assert.DoesNotContain(kept, p => p == "[DONE]" || HasFinishReason(p));
        cassette.Interactions[0].Response.Body = Body(kept);

        CliResult result = await CliHarness.RunAsync("replay", Save(cassette, "truncated.yaml"), "--chunks");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(kept.Count + 1, result.OutLines.Length);
        Assert.Contains("\"code\":\"truncated\"", result.OutLines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(40)]
    public async Task A_malformed_event_gives_its_index_and_the_next_interaction_still_runs(int broken)
    {
        Cassette cassette = LoadSeed();
        CassetteInteraction good = cassette.Interactions[0];
        List<string> payloads = Recorded.DataPayloads(good.Response.Body);
        payloads[broken] = payloads[broken][..(payloads[broken].Length / 2)];
        cassette.Interactions.Insert(0, new CassetteInteraction(0, good.Request, Response(200, "text/event-stream", Body(payloads))));
        cassette.Interactions[1].Id = 1;

        CliResult result = await CliHarness.RunAsync("replay", Save(cassette, "malformed.yaml"), "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(2, result.OutLines.Length);
        using JsonDocument line = JsonDocument.Parse(result.OutLines[0]);
        JsonElement error = line.RootElement.GetProperty("error");
        Assert.Equal("malformed", error.GetProperty("code").GetString());
        Assert.Equal(broken, error.GetProperty("event").GetInt32());
        Assert.Equal(200, error.GetProperty("status").GetInt32());
        using JsonDocument next = JsonDocument.Parse(result.OutLines[1]);
        Assert.Equal("chat.completion", next.RootElement.GetProperty("object").GetString());
    }

    [Fact]
    public async Task An_error_body_that_is_not_json_gives_its_raw_text_as_the_message()
    {
        Cassette cassette = LoadSeed();
        const string Page = "<html><body>502 Bad Gateway</body></html>";
        cassette.Interactions[0].Response = Response(502, "text/html", Page);

        CliResult result = await CliHarness.RunAsync("replay", Save(cassette, "gateway.yaml"), "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("{\"error\":{\"status\":502,\"code\":null,\"message\":\"" + Page + "\"}}", Assert.Single(result.OutLines));
    }

    [Fact]
    public async Task The_flat_xai_error_shape_gives_its_code_and_message()
    {
        Cassette cassette = LoadSeed();
        cassette.Interactions[0].Response = Response(400, "application/json", "{\"code\":\"Client specified an invalid argument\",\"error\":\"Incorrect API key provided: xa***rd.\"}");

        CliResult result = await CliHarness.RunAsync("replay", Save(cassette, "flat.yaml"), "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "{\"error\":{\"status\":400,\"code\":\"Client specified an invalid argument\",\"message\":\"Incorrect API key provided: xa***rd.\"}}",
            Assert.Single(result.OutLines));
    }

    [Fact]
    public async Task A_recorded_request_that_is_not_a_chat_request_gives_an_error_line_and_the_rest_still_runs()
    {
        Cassette cassette = LoadSeed();
        CassetteInteraction good = cassette.Interactions[0];
        var bad = new RecordedRequest { Method = "POST", Url = good.Request.Url, Body = "{\"prompt\":\"no messages here\"}" };
        cassette.Interactions.Insert(0, new CassetteInteraction(0, bad, Response(200, "application/json", "{}")));
        good.Id = 1;

        CliResult result = await CliHarness.RunAsync("replay", Save(cassette, "bad-request.yaml"), "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(2, result.OutLines.Length);
        using JsonDocument line = JsonDocument.Parse(result.OutLines[0]);
        JsonElement error = line.RootElement.GetProperty("error");
        Assert.Equal(JsonValueKind.Null, error.GetProperty("status").ValueKind);
        Assert.Equal("invalid_request", error.GetProperty("code").GetString());
        Assert.Contains("model", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("\"object\":\"chat.completion\"", result.OutLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_recorded_by_a_client_that_did_not_ask_for_usage_still_replays()
    {
        Cassette cassette = LoadSeed();
        RecordedRequest request = cassette.Interactions[0].Request;
        string body = request.Body.Replace(",\"stream_options\":{\"include_usage\":true}", string.Empty, StringComparison.Ordinal);
        Assert.NotEqual(request.Body, body);
        request.Body = body;

        CliResult result = await CliHarness.RunAsync("replay", Save(cassette, "no-usage-option.yaml"), "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"object\":\"chat.completion\"", Assert.Single(result.OutLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chat_view_of_a_failing_cassette_reports_each_error_on_stderr_and_goes_on()
    {
        CliResult result = await CliHarness.RunAsync("replay", TestPaths.Cassette(TestPaths.RateLimited), "--no-delay");

        List<Recorded> recorded = Recorded.All(TestPaths.Cassette(TestPaths.RateLimited));
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(recorded.Count(r => r.IsHttpError), result.ErrLines.Length);
        Assert.All(result.ErrLines, line => Assert.Contains("HTTP 429 (code 429): Provider returned error", line, StringComparison.Ordinal));
        Assert.Contains(recorded.Last().Content, result.Out, StringComparison.Ordinal);
    }

    private static Cassette LoadSeed() => Cassette.Load(TestPaths.Cassette(TestPaths.Seed));

    private static bool HasFinishReason(string payload)
    {
        using JsonDocument chunk = JsonDocument.Parse(payload);
        return chunk.RootElement.GetProperty("choices").EnumerateArray()
            .Any(c => c.TryGetProperty("finish_reason", out JsonElement reason) && reason.ValueKind == JsonValueKind.String);
    }

    private static string Body(IEnumerable<string> payloads)
    {
        var body = new StringBuilder();
        foreach (string payload in payloads)
        {
            body.Append("data: ").Append(payload).Append("\n\n");
        }

        return body.ToString();
    }

    private static RecordedResponse Response(int code, string contentType, string body)
    {
        var response = new RecordedResponse { Code = code, Status = code.ToString(System.Globalization.CultureInfo.InvariantCulture), Body = body };
        response.Headers.Add("Content-Type", contentType);
        return response;
    }

    private string Save(Cassette cassette, string name)
    {
        string path = _temp.File(name);
        cassette.Save(path);
        return path;
    }
}
