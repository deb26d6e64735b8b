using System;
using System.IO;
using System.Net.Http;
using System.Text;

namespace XaiAot.Recording.Tests;

/// <summary>
/// A large event costs a bounded multiple of its size. Loading used to hold the whole file as a
/// string (and the StringBuilder that read it) beside YamlDotNet's own copy, and replay encoded the
/// body whole to a byte[] before the first byte was read: about 9.4 times the body in allocations.
/// </summary>
public sealed class ReplayMemoryTests : IDisposable
{
    private const int EventSize = 8 * 1024 * 1024;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"xaiaot-large-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Loading_and_replaying_an_8_MB_event_allocates_a_bounded_multiple_of_it()
    {
        File.WriteAllText(_path, HostileYaml.WithLargeEvent(EventSize));

        // Synchronous throughout, so every allocation lands on this thread's count.
        long start = GC.GetAllocatedBytesForCurrentThread();
        Cassette cassette = Cassette.Load(_path);
        long loaded = GC.GetAllocatedBytesForCurrentThread();
        long replayed;
        using (var handler = new CassetteReplayHandler(cassette))
        using (var client = new HttpClient(handler))
        {
            CassetteInteraction interaction = cassette.Interactions[0];
            using var request = new HttpRequestMessage(HttpMethod.Post, interaction.Request.Url) { Content = new StringContent(interaction.Request.Body) };
            using HttpResponseMessage response = client.Send(request, HttpCompletionOption.ResponseHeadersRead);
            using Stream body = response.Content.ReadAsStream();
            long read = CountBytes(body);
            replayed = GC.GetAllocatedBytesForCurrentThread();
            Assert.Equal(Encoding.UTF8.GetByteCount(interaction.Response.Body), read);
        }

        double size = Encoding.UTF8.GetByteCount(cassette.Interactions[0].Response.Body);
        Assert.InRange(size, EventSize * 0.99, EventSize * 1.01);

        // The floor is YamlDotNet's: a scalar is built in a StringBuilder (2 bytes a character)
        // and then copied to its string (2 more).
        double load = (loaded - start) / size;
        Assert.True(load < 4.5, $"loading allocated {load:F2} times the body");

        // Encoded as read: nothing near the body's size.
        double replay = (replayed - loaded) / size;
        Assert.True(replay < 0.1, $"replaying allocated {replay:F2} times the body");
    }

    private static long CountBytes(Stream body)
    {
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = body.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += read;
        }

        return total;
    }
}
