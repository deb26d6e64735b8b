using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace XaiAot.Cli.Tests;

/// <summary>
/// The default replay spreads the recorded duration over the events; <c>--no-delay</c> does not
/// wait at all. Driven by a fake clock, so the tests neither sleep for the duration nor depend on
/// the machine's speed.
/// </summary>
public sealed class PacingTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private static TimeSpan RecordedDuration =>
        Recorded.All(TestPaths.Cassette(TestPaths.Seed)).Single().Interaction.Response.Duration
        ?? throw new InvalidOperationException("The seed cassette records no duration.");

    [Fact]
    public async Task No_delay_finishes_without_the_clock_moving()
    {
        var clock = new FakeTimeProvider();
        var cli = new CliHarness { Clock = clock };

        Task<int> run = cli.Start(["--no-delay"], CancellationToken.None);

        Assert.Equal(0, await run.WaitAsync(Limit));
        Assert.Contains("usage:", cli.Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paced_replay_waits_on_the_clock_for_the_recorded_duration()
    {
        TimeSpan duration = RecordedDuration;
        var clock = new FakeTimeProvider();
        var cli = new CliHarness { Clock = clock };

        Task<int> run = cli.Start([], CancellationToken.None);

        // Without the clock moving, no chunk arrives: the answer and usage never show.
        await WaitUntil(() => cli.Out.ToString().StartsWith("> ", StringComparison.Ordinal));
        await Task.Delay(200);
        Assert.False(run.IsCompleted);
        Assert.DoesNotContain("usage:", cli.Out.ToString(), StringComparison.Ordinal);

        TimeSpan step = duration / 200;
        TimeSpan advanced = TimeSpan.Zero;
        var watch = Stopwatch.StartNew();
        while (!run.IsCompleted && watch.Elapsed < Limit)
        {
            clock.Advance(step);
            advanced += step;
            await Task.Delay(1);
        }

        Assert.Equal(0, await run.WaitAsync(Limit));
        Assert.Contains("usage:", cli.Out.ToString(), StringComparison.Ordinal);
        Assert.True(advanced >= duration * 0.9, $"finished after {advanced} of clock time; the recording took {duration}");
        Assert.True(advanced <= duration * 2, $"took {advanced} of clock time for a {duration} recording");
    }

    [Fact]
    public async Task Paced_replay_shows_the_stream_progressively()
    {
        TimeSpan duration = RecordedDuration;
        var clock = new FakeTimeProvider();
        var cli = new CliHarness { Clock = clock };

        Task<int> run = cli.Start([], CancellationToken.None);
        await WaitUntil(() => cli.Out.ToString().StartsWith("> ", StringComparison.Ordinal));
        int before = cli.Out.ToString().Length;

        // Half the recorded time: some of the stream is out, not all of it.
        for (int i = 0; i < 100; i++)
        {
            clock.Advance(duration / 200);
            await Task.Delay(1);
        }

        await WaitUntil(() => cli.Out.ToString().Length > before);
        Assert.False(run.IsCompleted);
        Assert.DoesNotContain("usage:", cli.Out.ToString(), StringComparison.Ordinal);

        clock.Advance(duration);
        Assert.Equal(0, await run.WaitAsync(Limit));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < Limit, "timed out waiting");
            await Task.Delay(5);
        }
    }
}
