using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace XaiAot;

/// <summary>
/// Lets go of a response the client leaves before its end (break, cancel, an error) by closing
/// its connection at once. Disposing the body is not enough: SocketsHttpHandler then drains the
/// rest in the background, up to 1 MB or 2 s, to reuse the connection, so the server keeps
/// streaming (and billing) a generation nobody reads. There is no public "abort" on a response;
/// what the handler does offer is that cancelling a pending read closes the connection (HTTP/1.1;
/// on HTTP/2 it resets the stream). So: read what has already arrived, and cancel the first read
/// that has to wait for the network.
/// </summary>
internal static class ResponseRelease
{
    /// <summary>
    /// How much already-received data to read through, at most, before leaving the rest to the
    /// handler's drain: its own default drain limit, so this never reads more than disposing would.
    /// Only a server writing as fast as memory copies keeps every read from waiting that long.
    /// </summary>
    private const int ReadThroughLimit = 1 << 20;

    /// <summary>Lets a read left behind fail unobserved-exception-free (it fails: it was cancelled, or its body disposed).</summary>
    private static void Observe(ValueTask<int> read) =>
        read.AsTask().ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>Closes the connection under <paramref name="body"/> unless its end has already arrived, then disposes it. Never throws.</summary>
    public static async ValueTask AbortAsync(Stream body)
    {
        // Not pooled: a read left pending below may still write into it after this returns.
        byte[] scratch = new byte[16 * 1024];
        try
        {
            using var abort = new CancellationTokenSource();
            for (long through = 0; through < ReadThroughLimit;)
            {
                ValueTask<int> read = body.ReadAsync(scratch, abort.Token);
                if (!read.IsCompleted)
                {
                    // SocketsHttpHandler closes the connection inside Cancel(). The read is not awaited:
                    // a stream (a handler's wrapper) that ignores cancellation would hang the caller
                    // until the server sent more; it ends when the body is disposed below.
                    abort.Cancel();
                    Observe(read);
                    return;
                }

                int count = read.Result;
                if (count == 0)
                {
                    break; // the whole body had arrived: the connection can be reused
                }

                through += count;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException or System.Net.Http.HttpRequestException or InvalidOperationException or NotSupportedException)
        {
            // Cancelled as intended, or the connection was already broken: either way it is closed.
        }
        finally
        {
            try
            {
                await body.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or System.Net.Http.HttpRequestException)
            {
                // Disposing a broken body: nothing left to release.
            }
        }
    }
}
