using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace XaiAot.Cli.Tests;

/// <summary><c>xaiaot replay FILE --chunks</c>: the lossless view, one line per received chunk or body.</summary>
public sealed class ReplayChunksTests
{
    public static TheoryData<string> Cassettes => TestPaths.AllCassettes();

    [Theory]
    [MemberData(nameof(Cassettes))]
    public async Task Re_serializes_every_recorded_event_to_the_same_json(string cassette)
    {
        List<Recorded> recorded = Recorded.All(TestPaths.Cassette(cassette));

        CliResult result = await CliHarness.RunAsync("replay", TestPaths.Cassette(cassette), "--chunks");

        string[] lines = result.OutLines;
        int at = 0;
        foreach (Recorded interaction in recorded)
        {
            if (interaction.IsHttpError)
            {
                using JsonDocument line = JsonDocument.Parse(lines[at++]);
                ReplayJsonTests.AssertHttpError(interaction, line.RootElement);
                continue;
            }

            IEnumerable<string> expected = interaction.Streamed ? interaction.ChunkPayloads : [interaction.Interaction.Response.Body];
            foreach (string payload in expected)
            {
                using JsonDocument want = JsonDocument.Parse(payload);
                using JsonDocument got = JsonDocument.Parse(lines[at++]);
                Assert.True(JsonElement.DeepEquals(want.RootElement, got.RootElement), $"line {at}: expected {payload}{Environment.NewLine}got {lines[at - 1]}");
            }
        }

        Assert.Equal(at, lines.Length);
        Assert.Equal(recorded.Any(r => r.IsHttpError) ? 1 : 0, result.ExitCode);
    }
}
