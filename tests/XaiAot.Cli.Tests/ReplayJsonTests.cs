using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace XaiAot.Cli.Tests;

/// <summary><c>xaiaot replay FILE --json</c> over every shared cassette.</summary>
public sealed class ReplayJsonTests
{
    public static TheoryData<string> Cassettes => TestPaths.AllCassettes();

    [Theory]
    [MemberData(nameof(Cassettes))]
    public async Task Prints_one_json_line_per_interaction_matching_the_recording(string cassette)
    {
        List<Recorded> recorded = Recorded.All(TestPaths.Cassette(cassette));

        CliResult result = await CliHarness.RunAsync("replay", TestPaths.Cassette(cassette), "--json");

        Assert.Equal(recorded.Count, result.OutLines.Length);
        Assert.Equal(string.Empty, result.Err);
        for (int i = 0; i < recorded.Count; i++)
        {
            using JsonDocument line = JsonDocument.Parse(result.OutLines[i]);
            JsonElement root = line.RootElement;
            if (recorded[i].IsHttpError)
            {
                AssertHttpError(recorded[i], root);
            }
            else
            {
                AssertCompletion(recorded[i], root);
            }
        }

        Assert.Equal(recorded.Any(r => r.IsHttpError) ? 1 : 0, result.ExitCode);
    }

    [Fact]
    public async Task The_rate_limited_cassette_gives_429_lines_with_the_openrouter_message_and_exit_code_1()
    {
        CliResult result = await CliHarness.RunAsync("replay", TestPaths.Cassette(TestPaths.RateLimited), "--json");

        Assert.Equal(1, result.ExitCode);
        string[] errors = result.OutLines.Where(l => l.StartsWith("{\"error\"", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(errors);
        foreach (string line in errors)
        {
            using JsonDocument document = JsonDocument.Parse(line);
            JsonElement error = document.RootElement.GetProperty("error");
            Assert.Equal(429, error.GetProperty("status").GetInt32());
            Assert.Equal(429, error.GetProperty("code").GetInt32());
            Assert.Equal("Provider returned error", error.GetProperty("message").GetString());
        }

        // Every interaction is processed: the last one succeeded.
        using JsonDocument last = JsonDocument.Parse(result.OutLines[^1]);
        Assert.Equal("chat.completion", last.RootElement.GetProperty("object").GetString());
    }

    [Fact]
    public async Task Non_ascii_text_stays_readable()
    {
        const string Cassette = "xai-grok-4-fast__simple_streaming.yaml";
        string content = Recorded.All(TestPaths.Cassette(Cassette)).Single().Content;
        Assert.Contains("á", content, StringComparison.Ordinal);

        CliResult result = await CliHarness.RunAsync("replay", TestPaths.Cassette(Cassette), "--json");

        Assert.Contains(content, result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00E1", result.Out, StringComparison.OrdinalIgnoreCase);
    }

    internal static void AssertHttpError(Recorded recorded, JsonElement line)
    {
        JsonElement error = line.GetProperty("error");
        Assert.Equal(recorded.Status, error.GetProperty("status").GetInt32());

        using JsonDocument body = JsonDocument.Parse(recorded.Interaction.Response.Body);
        JsonElement expectedCode = default;
        string? expectedMessage = null;
        if (body.RootElement.TryGetProperty("error", out JsonElement recordedError))
        {
            if (recordedError.ValueKind == JsonValueKind.Object)
            {
                expectedMessage = recordedError.GetProperty("message").GetString();
                recordedError.TryGetProperty("code", out expectedCode);
            }
            else
            {
                expectedMessage = recordedError.GetString();
            }
        }

        if (expectedCode.ValueKind == JsonValueKind.Undefined)
        {
            body.RootElement.TryGetProperty("code", out expectedCode);
        }

        Assert.True(JsonElement.DeepEquals(expectedCode, error.GetProperty("code")), "code: " + error.GetProperty("code"));
        Assert.Equal(expectedMessage, error.GetProperty("message").GetString());
    }

    private static void AssertCompletion(Recorded recorded, JsonElement line)
    {
        Assert.Equal("chat.completion", line.GetProperty("object").GetString());
        if (!recorded.Streamed)
        {
            // A whole body comes back exactly as recorded, unknown members included.
            using JsonDocument body = JsonDocument.Parse(recorded.Interaction.Response.Body);
            Assert.True(JsonElement.DeepEquals(body.RootElement, line), "round trip of " + recorded.Interaction);
            return;
        }

        using JsonDocument first = JsonDocument.Parse(recorded.ChunkPayloads.First());
        Assert.Equal(first.RootElement.GetProperty("id").GetString(), line.GetProperty("id").GetString());
        JsonElement message = line.GetProperty("choices")[0].GetProperty("message");
        Assert.Equal(recorded.Content, OptionalString(message, "content"));
        Assert.Equal(recorded.Reasoning, OptionalString(message, "reasoning_content"));
        Assert.True(JsonElement.DeepEquals(recorded.Usage!.Value, line.GetProperty("usage")), "usage of " + recorded.Interaction);
    }

    private static string OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
}
