using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using XaiAot.Chat;
using XaiAot.Tests.Support;
using Xunit.Abstractions;

namespace XaiAot.Tests.Http;

/// <summary>
/// Leaving a response early (break, cancel, an error) closes its connection at once: the server
/// sees it go, and the client does not download the rest (SocketsHttpHandler would drain it for
/// up to 2 s on dispose to reuse the connection).
/// </summary>
public sealed class ConnectionReleaseTests(ITestOutputHelper output)
{
    /// <summary>Far above the 100 ms aimed at, far below the 2 s drain it replaces, for a loaded 2-core machine.</summary>
    private static readonly TimeSpan Release = TimeSpan.FromMilliseconds(600);

    private static readonly string[] Payloads = SseText.DataPayloads(SharedCassettes.Load("simple_streaming.yaml").Interactions[0].Response.Body)
        .Where(p => p != "[DONE]").ToArray();

    private static ChatCompletionRequest Request() => new()
    {
        Model = "grok-code-fast-1",
        Messages = new ChatMessage[] { new UserMessage { Content = "Say hi in Portuguese" } },
    };

    /// <summary>A server that writes for ever, every 5 ms, and notes when it saw the client go.</summary>
    private sealed class EndlessServer
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly TaskCompletionSource<TimeSpan> _aborted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TimeSpan _left;

        /// <summary>Writes <paramref name="head"/>, then a <paramref name="piece"/> every 5 ms (none: it stalls).</summary>
        public static async Task<(LoopbackServer Server, EndlessServer Endless)> StartAsync(string contentType, string head, Func<int, string>? piece)
        {
            var endless = new EndlessServer();
            LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
            {
                context.RequestAborted.Register(() => endless._aborted.TrySetResult(endless._clock.Elapsed));
                context.Response.ContentType = contentType;
                try
                {
                    await Write(context, head);
                    for (int i = 0; ; i++)
                    {
                        await Task.Delay(piece is null ? Timeout.Infinite : 5, context.RequestAborted);
                        await Write(context, piece!(i));
                    }
                }
                catch (OperationCanceledException)
                {
                }
                catch (System.IO.IOException)
                {
                }
            });
            return (server, endless);
        }

        /// <summary>The client is done with the response (call right after the break, cancel or error).</summary>
        public void ClientLeft() => _left = _clock.Elapsed;

        /// <summary>How long after <see cref="ClientLeft"/> the server saw the connection close.</summary>
        public async Task<TimeSpan> ReleasedAfterAsync() => await _aborted.Task.WaitAsync(TimeSpan.FromSeconds(10)) - _left;

        private static async Task Write(HttpContext context, string text)
        {
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
    }

    private static Task<(LoopbackServer Server, EndlessServer Endless)> EndlessStreamAsync() =>
        EndlessServer.StartAsync("text/event-stream", string.Concat(Payloads.Take(3).Select(p => "data: " + p + "\n\n")), i => "data: " + Payloads[3 + (i % 20)] + "\n\n");

    private void Report(string what, TimeSpan released)
    {
        output.WriteLine(what + ": the server saw the connection close " + released.TotalMilliseconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " ms after the client left");
        Assert.True(released < Release, what + ": released after " + released);
    }

    [Fact]
    public async Task Breaking_out_of_the_stream_closes_the_connection_at_once()
    {
        (LoopbackServer server, EndlessServer endless) = await EndlessStreamAsync();
        await using (server)
        {
            int received = 0;
            await foreach (ChatCompletionChunk _ in server.Client().CompleteStreamingAsync(Request()))
            {
                if (++received == 2)
                {
                    await Task.Delay(100); // let more of the stream arrive and wait, unread
                    endless.ClientLeft();
                    break;
                }
            }

            Report("break", await endless.ReleasedAfterAsync());
        }
    }

    [Fact]
    public async Task Cancelling_while_holding_a_chunk_closes_the_connection_at_once()
    {
        (LoopbackServer server, EndlessServer endless) = await EndlessStreamAsync();
        await using (server)
        {
            using var cancel = new CancellationTokenSource();
            int received = 0;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                await foreach (ChatCompletionChunk _ in server.Client().CompleteStreamingAsync(Request(), cancel.Token))
                {
                    if (++received == 2)
                    {
                        await Task.Delay(100);
                        cancel.Cancel();
                    }
                }
            });
            endless.ClientLeft();

            Assert.Equal(2, received);
            Report("cancel between chunks", await endless.ReleasedAfterAsync());
        }
    }

    [Fact]
    public async Task Cancelling_while_waiting_for_the_server_closes_the_connection_at_once()
    {
        (LoopbackServer server, EndlessServer endless) = await EndlessServer.StartAsync("text/event-stream", string.Concat(Payloads.Take(2).Select(p => "data: " + p + "\n\n")), piece: null);
        await using (server)
        {
            using var cancel = new CancellationTokenSource();
            cancel.Token.Register(endless.ClientLeft);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                await foreach (ChatCompletionChunk _ in server.Client().CompleteStreamingAsync(Request(), cancel.Token))
                {
                    cancel.CancelAfter(200); // the stream then stalls: the client waits for bytes
                }
            });

            Report("cancel while a read waits", await endless.ReleasedAfterAsync());
        }
    }

    [Fact]
    public async Task Cancelling_a_completion_mid_body_closes_the_connection_at_once()
    {
        (LoopbackServer server, EndlessServer endless) = await EndlessServer.StartAsync("application/json", "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[", _ => "                    ");
        await using (server)
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => server.Client().CompleteAsync(Request(), cancel.Token));
            endless.ClientLeft();
            Report("completion cancelled", await endless.ReleasedAfterAsync());
        }
    }

    [Fact]
    public async Task A_completion_body_that_does_not_fit_the_schema_closes_the_connection_at_once()
    {
        // A whole JSON value the reader rejects (an id that is a number), then more body for ever.
        // (The serializer reads ahead about 16 KB before it reports the value: send that quickly.)
        (LoopbackServer server, EndlessServer endless) = await EndlessServer.StartAsync("application/json", "{\"id\":42,\"choices\":[]}", _ => new string(' ', 2000));
        await using (server)
        {
            await Assert.ThrowsAsync<JsonException>(() => server.Client().CompleteAsync(Request()));
            endless.ClientLeft();
            Report("completion not the schema", await endless.ReleasedAfterAsync());
        }
    }

    [Fact]
    public async Task Breaking_out_never_waits_on_a_body_stream_that_ignores_cancellation()
    {
        (LoopbackServer server, _) = await EndlessServer.StartAsync("text/event-stream", string.Concat(Payloads.Take(3).Select(p => "data: " + p + "\n\n")), piece: null);
        await using (server)
        {
            using var http = new System.Net.Http.HttpClient(new DeafBodies { InnerHandler = new System.Net.Http.SocketsHttpHandler() });
            int received = 0;
            var left = Task.Run(async () =>
            {
                await foreach (ChatCompletionChunk _ in server.Client(http: http).CompleteStreamingAsync(Request()))
                {
                    if (++received == 3)
                    {
                        break; // the server says nothing more: a read now would wait for ever
                    }
                }
            });

            await left.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(3, received);
        }
    }

    /// <summary>A handler whose response bodies ignore cancellation tokens (as some wrappers do).</summary>
    private sealed class DeafBodies : System.Net.Http.DelegatingHandler
    {
        protected override async Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, CancellationToken cancellationToken)
        {
            System.Net.Http.HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            var deaf = new System.Net.Http.StreamContent(new Deaf(await response.Content.ReadAsStreamAsync(cancellationToken)));
            foreach (var header in response.Content.Headers)
            {
                deaf.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = deaf;
            return response;
        }

        private sealed class Deaf(System.IO.Stream inner) : System.IO.Stream
        {
            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

            public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, CancellationToken.None);

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, CancellationToken.None);

            public override void Flush()
            {
            }

            public override long Seek(long offset, System.IO.SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    inner.Dispose();
                }

                base.Dispose(disposing);
            }
        }
    }

    [Fact]
    public async Task A_stream_that_ends_with_done_keeps_its_connection_for_the_next_request()
    {
        string body = string.Concat(Payloads.Select(p => "data: " + p + "\n\n")) + "data: [DONE]\n\n";
        var connections = new System.Collections.Concurrent.ConcurrentBag<string>();
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
        {
            connections.Add(context.Connection.Id);
            context.Response.ContentType = "text/event-stream";
            return context.Response.WriteAsync(body);
        });
        XaiChatClient client = server.Client();
        for (int i = 0; i < 3; i++)
        {
            await foreach (ChatCompletionChunk _ in client.CompleteStreamingAsync(Request()))
            {
            }

            await Task.Delay(100); // the handler returns a finished connection to its pool in the background
        }

        Assert.Single(connections.Distinct());
    }
}
