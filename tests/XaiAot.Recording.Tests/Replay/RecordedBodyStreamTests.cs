using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace XaiAot.Recording.Tests;

/// <summary>The body stream encodes the recorded text to UTF-8 as it is read, in reads of any size.</summary>
public class RecordedBodyStreamTests
{
    private const string Text = "data: {\"content\":\"Olá 🚀 中文\"}\n\ndata: [DONE]\n\n";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(4096)]
    public void Reads_of_any_size_give_the_exact_UTF8_bytes(int bufferSize)
    {
        using var stream = new RecordedBodyStream(Text, TimeSpan.Zero, TimeProvider.System);
        var output = new MemoryStream();
        byte[] buffer = new byte[bufferSize];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            output.Write(buffer, 0, read);
        }

        Assert.Equal(Encoding.UTF8.GetBytes(Text), output.ToArray());
    }

    [Fact]
    public void An_empty_body_ends_at_once()
    {
        using var stream = new RecordedBodyStream("", TimeSpan.FromSeconds(1), TimeProvider.System);

        Assert.Equal(0, stream.Read(new byte[16], 0, 16));
        Assert.Equal(0, stream.EventCount);
    }

    [Fact]
    public async Task A_duration_longer_than_a_timer_can_wait_is_paced_without_failing()
    {
        // 2,000,000 hours over two events: each is due 114 years apart, past the 49.7 days a
        // timer accepts, which made Task.Delay throw ArgumentOutOfRangeException mid-replay.
        string yaml = HostileYaml.With("    body: ok", "    body: \"data: a\\n\\ndata: b\\n\\n\"")
            .Replace("      - text/plain", "      - text/event-stream", StringComparison.Ordinal)
            .Replace("duration: 1.5s", "duration: 2000000h", StringComparison.Ordinal);
        Cassette cassette = Cassette.Parse(yaml, "long.yaml");
        var time = new FakeTimeProvider();
        using var client = new HttpClient(new CassetteReplayHandler(cassette, new CassetteReplayOptions { Pacing = true, TimeProvider = time }));
        using var request = new HttpRequestMessage(HttpMethod.Post, cassette.Interactions[0].Request.Url) { Content = new StringContent("{}") };
        using HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using Stream body = await response.Content.ReadAsStreamAsync();
        byte[] buffer = new byte[64];

        Task<int> first = body.ReadAsync(buffer, 0, buffer.Length);
        await Task.Delay(50);
        Assert.False(first.IsCompleted);
        time.Advance(TimeSpan.FromHours(1_000_000));

        Assert.Equal("data: a\n\n", Encoding.UTF8.GetString(buffer, 0, await first.WaitAsync(TimeSpan.FromSeconds(10))));
    }
}
