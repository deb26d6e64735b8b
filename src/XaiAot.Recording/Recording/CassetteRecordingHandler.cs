using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace XaiAot.Recording;

/// <summary>
/// A <see cref="DelegatingHandler"/> that records every exchange passing through it into a
/// <see cref="Cassette"/>, for replay with <see cref="CassetteReplayHandler"/>.
/// </summary>
/// <remarks>
/// The response body reaches the caller as it arrives: the handler tees the stream and completes
/// the interaction when the caller has read the body to its end or disposed the response (a body
/// disposed early is recorded as far as it was read). Credentials never reach the cassette:
/// headers whose names look like they carry one (authorization, key, token, secret, cookie,
/// password) are left out, and the configured API key and secrets are replaced with
/// <see cref="Redacted"/> in URLs, header values and bodies.
/// </remarks>
public sealed class CassetteRecordingHandler : DelegatingHandler
{
    /// <summary>What a scrubbed secret is replaced with.</summary>
    public const string Redacted = "REDACTED";

    private readonly SecretScrubber _scrubber;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private int _pending;

    /// <summary>Creates a handler whose inner handler is set later (as <c>IHttpClientFactory</c> does).</summary>
    public CassetteRecordingHandler(CassetteRecordingOptions? options = null)
    {
        options ??= new CassetteRecordingOptions();
        Cassette = options.Cassette ?? new Cassette();
        _scrubber = new SecretScrubber([options.ApiKey, .. options.Secrets]);
        _timeProvider = options.TimeProvider;
    }

    /// <summary>Creates a handler that sends through <paramref name="innerHandler"/>.</summary>
    public CassetteRecordingHandler(HttpMessageHandler innerHandler, CassetteRecordingOptions? options = null)
        : this(options)
    {
        ArgumentNullException.ThrowIfNull(innerHandler);
        InnerHandler = innerHandler;
    }

    /// <summary>The cassette interactions are added to, in the order their bodies complete.</summary>
    public Cassette Cassette { get; }

    /// <summary>Responses handed to the caller whose bodies have not been read to the end or disposed yet.</summary>
    public int PendingCount => Volatile.Read(ref _pending);

    /// <summary>Writes the interactions recorded so far to <paramref name="path"/>.</summary>
    public void Save(string path)
    {
        lock (_gate)
        {
            Cassette.Save(path);
        }
    }

    /// <summary>The interactions recorded so far, as go-vcr YAML.</summary>
    public string ToYaml()
    {
        lock (_gate)
        {
            return Cassette.ToYaml();
        }
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        byte[] body = [];
        if (request.Content is not null)
        {
            // Buffered first so the same content can still be sent after we read it.
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }

        RecordedRequest recorded = CaptureRequest(request, body);
        long started = _timeProvider.GetTimestamp();
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        Stream stream;
        try
        {
            stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        Attach(response, stream, recorded, started);
        return response;
    }

    /// <inheritdoc />
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        byte[] body = [];
        if (request.Content is { } original)
        {
            // HttpContent has no synchronous buffering, so the read bytes replace the content.
            using (Stream source = original.ReadAsStream(cancellationToken))
            using (var copy = new MemoryStream())
            {
                source.CopyTo(copy);
                body = copy.ToArray();
            }

            var replacement = new ByteArrayContent(body);
            CopyHeaders(original.Headers, replacement.Headers);
            request.Content = replacement;
            original.Dispose();
        }

        RecordedRequest recorded = CaptureRequest(request, body);
        long started = _timeProvider.GetTimestamp();
        HttpResponseMessage response = base.Send(request, cancellationToken);
        Stream stream;
        try
        {
            stream = response.Content.ReadAsStream(cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        Attach(response, stream, recorded, started);
        return response;
    }

    private RecordedRequest CaptureRequest(HttpRequestMessage request, byte[] body)
    {
        var recorded = new RecordedRequest
        {
            Proto = Proto(request.Version),
            ProtoMajor = request.Version.Major,
            ProtoMinor = request.Version.Minor,
            ContentLength = body.Length,
            Host = _scrubber.Scrub(request.Headers.Host ?? ""),
            Body = _scrubber.Scrub(Encoding.UTF8.GetString(body)),
            Url = _scrubber.Scrub(request.RequestUri?.AbsoluteUri ?? ""),
            Method = request.Method.Method,
        };
        _scrubber.CopyHeaders(request.Headers, recorded.Headers);
        _scrubber.CopyHeaders(request.Content?.Headers, recorded.Headers);
        return recorded;
    }

    // Swaps the response content for one reading through a tee; the headers the caller sees are unchanged.
    private void Attach(HttpResponseMessage response, Stream stream, RecordedRequest request, long started)
    {
        HttpContent original = response.Content;
        int code = (int)response.StatusCode;
        var recorded = new RecordedResponse
        {
            Proto = Proto(response.Version),
            ProtoMajor = response.Version.Major,
            ProtoMinor = response.Version.Minor,
            ContentLength = original.Headers.ContentLength ?? -1,
            Status = _scrubber.Scrub(string.IsNullOrEmpty(response.ReasonPhrase)
                ? code.ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{code} {response.ReasonPhrase}")),
            Code = code,
        };
        _scrubber.CopyHeaders(response.Headers, recorded.Headers);
        _scrubber.CopyHeaders(original.Headers, recorded.Headers);

        Interlocked.Increment(ref _pending);
        var tee = new TeeStream(
            stream,
            (bytes, _) =>
            {
                recorded.Body = _scrubber.Scrub(Encoding.UTF8.GetString(bytes));
                recorded.Duration = _timeProvider.GetElapsedTime(started);
                lock (_gate)
                {
                    Cassette.Interactions.Add(new CassetteInteraction(Cassette.Interactions.Count, request, recorded));
                }

                Interlocked.Decrement(ref _pending);
            },
            original);
        var replacement = new StreamContent(tee);
        CopyHeaders(original.Headers, replacement.Headers);
        response.Content = replacement;
    }

    private static void CopyHeaders(HttpContentHeaders from, HttpContentHeaders to)
    {
        foreach (var header in from.NonValidated)
        {
            to.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    private static string Proto(Version version) => string.Create(CultureInfo.InvariantCulture, $"HTTP/{version.Major}.{version.Minor}");
}
