using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace XaiAot.Recording.Tests;

public class PacingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static Task<(Stream Stream, RecordedResponse Recorded, HttpResponseMessage Response)> OpenAsync(
        string name, CassetteReplayOptions options) => OpenAsync(Cassette.Load(TestPaths.Cassette(name)), options);

    private static async Task<(Stream Stream, RecordedResponse Recorded, HttpResponseMessage Response)> OpenAsync(
        Cassette cassette, CassetteReplayOptions options)
    {
        CassetteInteraction interaction = cassette.Interactions[0];
        var client = new HttpClient(new CassetteReplayHandler(cassette, options));
        var request = new HttpRequestMessage(HttpMethod.Post, interaction.Request.Url) { Content = new StringContent(interaction.Request.Body) };
        HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return (await response.Content.ReadAsStreamAsync(), interaction.Response, response);
    }

    private static string[] Events(string body) => body.Split("\n\n").SkipLast(1).Select(e => e + "\n\n").ToArray();

    // FakeTimeProvider counts timer due times in whole milliseconds, so exact-timing tests use a
    // recording whose interval is a whole number of milliseconds.
    private static Cassette FourEventsOverTwoSeconds()
    {
        var response = new RecordedResponse
        {
            Code = 200,
            Status = "200 OK",
            Body = "data: {\"n\":1}\n\ndata: {\"n\":2}\n\ndata: {\"n\":3}\n\ndata: [DONE]\n\n",
            Duration = TimeSpan.FromSeconds(2),
        };
        response.Headers.Add("Content-Type", "text/event-stream");
        var cassette = new Cassette();
        cassette.Interactions.Add(new CassetteInteraction(0, new RecordedRequest { Method = "POST", Url = "https://example.test/stream", Body = "{}" }, response));
        return cassette;
    }

    [Fact]
    public async Task Each_event_waits_its_share_of_the_recorded_duration()
    {
        var time = new FakeTimeProvider();
        DateTimeOffset start = time.GetUtcNow();
        (Stream stream, RecordedResponse recorded, HttpResponseMessage response) = await OpenAsync(
            FourEventsOverTwoSeconds(), new CassetteReplayOptions { Pacing = true, TimeProvider = time });
        using HttpResponseMessage owned = response;
        string[] events = Events(recorded.Body);

        var buffer = new byte[1024];
        foreach (string expected in events)
        {
            Task<int> read = stream.ReadAsync(buffer, 0, buffer.Length);
            time.Advance(TimeSpan.FromMilliseconds(499));
            Assert.False(read.IsCompleted, "an event arrived before its 500 ms share");
            time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal(expected, Encoding.UTF8.GetString(buffer, 0, await read.WaitAsync(Patience)));
        }

        Assert.Equal(0, await stream.ReadAsync(buffer, 0, buffer.Length).WaitAsync(Patience));
        Assert.Equal(TimeSpan.FromSeconds(2), time.GetUtcNow() - start);
    }

    [Fact]
    public async Task Events_keep_to_their_schedule_so_a_late_reader_catches_up()
    {
        var time = new FakeTimeProvider();
        (Stream stream, RecordedResponse recorded, HttpResponseMessage response) = await OpenAsync(
            FourEventsOverTwoSeconds(), new CassetteReplayOptions { Pacing = true, TimeProvider = time });
        using HttpResponseMessage owned = response;
        string[] events = Events(recorded.Body);
        var buffer = new byte[1024];

        Task<int> first = stream.ReadAsync(buffer, 0, buffer.Length);
        time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(events[0], Encoding.UTF8.GetString(buffer, 0, await first.WaitAsync(Patience)));

        // The reader dawdles a second: events due at 1000 ms and 1500 ms are ready at once,
        // and the last keeps its 2000 ms slot instead of sliding to 2500 ms.
        time.Advance(TimeSpan.FromSeconds(1));
        Task<int> second = stream.ReadAsync(buffer, 0, buffer.Length);
        Assert.True(second.IsCompleted);
        Assert.Equal(events[1], Encoding.UTF8.GetString(buffer, 0, await second));
        Task<int> third = stream.ReadAsync(buffer, 0, buffer.Length);
        Assert.True(third.IsCompleted);
        Assert.Equal(events[2], Encoding.UTF8.GetString(buffer, 0, await third));
        Task<int> fourth = stream.ReadAsync(buffer, 0, buffer.Length);
        time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(fourth.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(events[3], Encoding.UTF8.GetString(buffer, 0, await fourth.WaitAsync(Patience)));
    }

    [Fact]
    public async Task A_real_stream_is_released_one_event_per_interval()
    {
        var time = new FakeTimeProvider();
        (Stream stream, RecordedResponse recorded, HttpResponseMessage response) = await OpenAsync(
            "simple_streaming.yaml", new CassetteReplayOptions { Pacing = true, TimeProvider = time });
        using HttpResponseMessage owned = response;
        string[] events = Events(recorded.Body);
        TimeSpan interval = TimeSpan.FromTicks(recorded.Duration!.Value.Ticks / events.Length);
        Assert.Equal(163, events.Length);
        Assert.Equal(TimeSpan.FromTicks(11_810), interval);

        var buffer = new byte[64 * 1024];
        var received = new StringBuilder();
        for (int i = 0; i < events.Length; i++)
        {
            Task<int> read = stream.ReadAsync(buffer, 0, buffer.Length);
            Assert.False(read.IsCompleted, $"event {i} arrived before its time");
            time.Advance(interval);
            int count = await read.WaitAsync(Patience);

            // One read, one whole event: the reader sees the same boundaries a live stream has.
            Assert.Equal(events[i], Encoding.UTF8.GetString(buffer, 0, count));
            received.Append(events[i]);
        }

        Assert.Equal(0, await stream.ReadAsync(buffer, 0, buffer.Length).WaitAsync(Patience));
        Assert.Equal(recorded.Body, received.ToString());
    }

    [Fact]
    public async Task A_small_buffer_reads_the_rest_of_an_event_without_waiting_again()
    {
        var time = new FakeTimeProvider();
        (Stream stream, RecordedResponse recorded, HttpResponseMessage response) = await OpenAsync(
            "xai-grok-code-fast__tool_streaming.yaml", new CassetteReplayOptions { Pacing = true, TimeProvider = time });
        using HttpResponseMessage owned = response;
        string first = Events(recorded.Body)[0];
        TimeSpan interval = TimeSpan.FromTicks(recorded.Duration!.Value.Ticks / Events(recorded.Body).Length);

        var buffer = new byte[10];
        Task<int> read = stream.ReadAsync(buffer, 0, buffer.Length);
        time.Advance(interval);
        var got = new StringBuilder(Encoding.UTF8.GetString(buffer, 0, await read.WaitAsync(Patience)));
        while (got.Length < first.Length)
        {
            ValueTask<int> next = stream.ReadAsync(buffer.AsMemory());
            Assert.True(next.IsCompleted, "the rest of a started event must not wait");
            got.Append(Encoding.UTF8.GetString(buffer, 0, await next));
        }

        Assert.Equal(first, got.ToString());
        Assert.False(stream.ReadAsync(buffer.AsMemory()).IsCompleted, "the next event waits for its interval");
    }

    [Fact]
    public async Task Cancelling_a_read_ends_the_wait_at_once()
    {
        var time = new FakeTimeProvider();
        (Stream stream, _, HttpResponseMessage response) = await OpenAsync(
            "simple_streaming.yaml", new CassetteReplayOptions { Pacing = true, TimeProvider = time });
        using HttpResponseMessage owned = response;
        using var cts = new CancellationTokenSource();

        Task<int> read = stream.ReadAsync(new byte[1024], 0, 1024, cts.Token);
        Assert.False(read.IsCompleted);
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(Patience));
    }

    [Fact]
    public async Task Disposing_the_response_ends_a_pending_read()
    {
        var time = new FakeTimeProvider();
        (Stream stream, _, HttpResponseMessage response) = await OpenAsync(
            "simple_streaming.yaml", new CassetteReplayOptions { Pacing = true, TimeProvider = time });

        Task<int> read = stream.ReadAsync(new byte[1024], 0, 1024);
        Assert.False(read.IsCompleted);
        response.Dispose();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(Patience));
        Assert.Throws<ObjectDisposedException>(() => stream.ReadByte());
    }

    [Fact]
    public async Task HttpClient_buffering_a_paced_body_waits_for_every_event()
    {
        var time = new FakeTimeProvider();
        using var client = new HttpClient(new CassetteReplayHandler(FourEventsOverTwoSeconds(), new CassetteReplayOptions { Pacing = true, TimeProvider = time }));

        // Each event's timer starts only once the previous event was read, so however the reads
        // and advances interleave, fewer than four advances cannot finish the body.
        Task<HttpResponseMessage> send = client.PostAsync("https://example.test/stream", new StringContent("{}"));
        int advances = 0;
        while (!send.IsCompleted && advances < 1000)
        {
            time.Advance(TimeSpan.FromMilliseconds(500));
            advances++;
            await Task.Delay(5);
        }

        using HttpResponseMessage response = await send.WaitAsync(Patience);
        Assert.True(advances >= 4, $"the body was complete after {advances} intervals");
        Assert.Equal(FourEventsOverTwoSeconds().Interactions[0].Response.Body, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_pacing_the_whole_stream_is_there_at_once()
    {
        var time = new FakeTimeProvider();
        (Stream stream, RecordedResponse recorded, HttpResponseMessage response) = await OpenAsync(
            "simple_streaming.yaml", new CassetteReplayOptions { TimeProvider = time });
        using HttpResponseMessage owned = response;

        var buffer = new byte[1024 * 1024];
        Task<int> read = stream.ReadAsync(buffer, 0, buffer.Length);

        Assert.True(read.IsCompleted);
        Assert.Equal(Encoding.UTF8.GetByteCount(recorded.Body), await read);
    }

    [Fact]
    public async Task A_JSON_body_is_not_paced_even_with_pacing_on()
    {
        var time = new FakeTimeProvider();
        (Stream stream, RecordedResponse recorded, HttpResponseMessage response) = await OpenAsync(
            "xai-grok-code-fast__simple.yaml", new CassetteReplayOptions { Pacing = true, TimeProvider = time });
        using HttpResponseMessage owned = response;

        Task<int> read = stream.ReadAsync(new byte[64 * 1024], 0, 64 * 1024);

        Assert.True(read.IsCompleted);
        Assert.Equal(Encoding.UTF8.GetByteCount(recorded.Body), await read);
    }

    [Theory]
    [InlineData("data: a\n\ndata: b\n\n", new[] { "data: a\n\n", "data: b\n\n" })]
    [InlineData("data: a\r\n\r\ndata: b\r\n\r\n", new[] { "data: a\r\n\r\n", "data: b\r\n\r\n" })]
    [InlineData("data: a\r\rdata: b\r\r", new[] { "data: a\r\r", "data: b\r\r" })]
    [InlineData("event: x\ndata: a\ndata: b\n\n: comment\n\ndata: tail", new[] { "event: x\ndata: a\ndata: b\n\n", ": comment\n\n", "data: tail" })]
    [InlineData("", new string[0])]
    public void Events_end_at_blank_lines_with_any_line_ending(string body, string[] expected)
    {
        string[] events = RecordedBodyStream.SplitEvents(body).Select(r => body[r]).ToArray();

        Assert.Equal(expected, events);
    }
}
