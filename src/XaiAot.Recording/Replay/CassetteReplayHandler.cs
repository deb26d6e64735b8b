using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace XaiAot.Recording;

/// <summary>
/// An <see cref="HttpMessageHandler"/> that answers requests from a cassette, so code that uses
/// a real <see cref="HttpClient"/> runs offline against recorded traffic.
/// </summary>
/// <remarks>
/// A request is served by the first unused interaction, in recorded order, with the same method,
/// URL and body (JSON compared by meaning, anything else as text). Each interaction answers once,
/// so identical requests (a client's retries) get the recorded responses in recorded order.
/// The interactions are taken from the cassette when the handler is created.
/// </remarks>
public sealed class CassetteReplayHandler : HttpMessageHandler
{
    private static readonly HashSet<string> SkippedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        // The body is replayed whole and decoded, so the recorded framing no longer describes it;
        // the content computes its own length.
        "Content-Length",
        "Transfer-Encoding",
    };

    private readonly Cassette _cassette;
    private readonly CassetteReplayOptions _options;
    private readonly Entry[] _entries;
    private readonly Lock _gate = new();

    /// <summary>Creates a handler serving <paramref name="cassette"/>.</summary>
    /// <exception cref="CassetteFormatException">A recorded field could not be replayed as recorded (a status code outside 100..599, a header with a line break, ...).</exception>
    public CassetteReplayHandler(Cassette cassette, CassetteReplayOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cassette);

        // Refused here, with the interaction and field named, rather than as an
        // ArgumentOutOfRangeException (or a silently altered response) when the request comes.
        CassetteValidator.Validate(cassette);
        _cassette = cassette;
        _options = options ?? new CassetteReplayOptions();
        _entries = new Entry[cassette.Interactions.Count];
        for (int i = 0; i < _entries.Length; i++)
        {
            CassetteInteraction interaction = cassette.Interactions[i];
            _entries[i] = new Entry(interaction, new RecordedRequestKey(interaction.Request.Method, interaction.Request.Url, interaction.Request.Body));
        }
    }

    /// <summary>The cassette being served.</summary>
    public Cassette Cassette => _cassette;

    /// <summary>The interactions no request has been served from yet, in recorded order.</summary>
    public IReadOnlyList<CassetteInteraction> UnusedInteractions
    {
        get
        {
            lock (_gate)
            {
                var unused = new List<CassetteInteraction>();
                foreach (Entry entry in _entries)
                {
                    if (!entry.Used)
                    {
                        unused.Add(entry.Interaction);
                    }
                }

                return unused;
            }
        }
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        string body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return Serve(request, body);
    }

    /// <inheritdoc />
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        string body = "";
        if (request.Content is not null)
        {
            using var reader = new StreamReader(request.Content.ReadAsStream(cancellationToken), Encoding.UTF8);
            body = reader.ReadToEnd();
        }

        return Serve(request, body);
    }

    private HttpResponseMessage Serve(HttpRequestMessage request, string body)
    {
        string method = request.Method.Method;
        string url = request.RequestUri?.AbsoluteUri ?? "";
        var key = new RecordedRequestKey(method, url, body);
        CassetteInteraction? chosen = null;
        lock (_gate)
        {
            foreach (Entry entry in _entries)
            {
                if (!entry.Used && Matches(entry.Key, key))
                {
                    entry.Used = true;
                    chosen = entry.Interaction;
                    break;
                }
            }

            if (chosen is null)
            {
                throw Mismatch(request, key);
            }
        }

        return BuildResponse(request, chosen.Response);
    }

    private bool Matches(RecordedRequestKey recorded, RecordedRequestKey request) =>
        recorded.MethodEquals(request) && recorded.UrlEquals(request) && (!_options.MatchBody || recorded.BodyEquals(request));

    private CassetteMismatchException Mismatch(HttpRequestMessage request, RecordedRequestKey key)
    {
        int unused = 0;
        Entry? closest = null;
        double best = double.MinValue;
        foreach (Entry entry in _entries)
        {
            unused += entry.Used ? 0 : 1;

            // Ties go to the earlier entry, and to an unused one over a used one.
            double score = RequestDifference.Score(entry.Key, key) + (entry.Used ? 0 : 0.001);
            if (score > best)
            {
                best = score;
                closest = entry;
            }
        }

        var message = new StringBuilder();
        message.Append("No recorded interaction matches the request ").Append(key.Method).Append(' ').Append(key.Url).Append('.').AppendLine();
        message.Append("Cassette: ").Append(_cassette.Source ?? "(unnamed)").Append(" (")
            .Append(_entries.Length).Append(_entries.Length == 1 ? " interaction, " : " interactions, ").Append(unused).Append(" unused).");
        if (closest is null)
        {
            message.AppendLine().Append("The cassette has no interactions.");
            return new CassetteMismatchException(message.ToString(), key.Method, request.RequestUri, null, null);
        }

        List<string> differences = RequestDifference.Describe(closest.Key, key, _options.MatchBody);
        if (differences.Count == 0)
        {
            differences.Add(
                "it matches, but it has already been served: each recorded interaction answers one request, " +
                "and the cassette holds no further unused interaction like it");
        }

        string difference = string.Join(Environment.NewLine, differences);
        message.AppendLine()
            .Append("Closest: interaction ").Append(closest.Interaction.Id).Append(" (")
            .Append(closest.Key.Method).Append(' ').Append(closest.Key.Url).Append(", ")
            .Append(closest.Used ? "already used" : "unused").Append("):");
        foreach (string line in differences)
        {
            message.AppendLine().Append("  - ").Append(line);
        }

        return new CassetteMismatchException(message.ToString(), key.Method, request.RequestUri, closest.Interaction, difference);
    }

    private HttpResponseMessage BuildResponse(HttpRequestMessage request, RecordedResponse recorded)
    {
        TimeSpan pacing = _options.Pacing && recorded.IsEventStream && recorded.Duration is { } duration && duration > TimeSpan.Zero ? duration : TimeSpan.Zero;
        var content = new RecordedBodyContent(recorded.Body, pacing, _options.TimeProvider);

        var response = new HttpResponseMessage((HttpStatusCode)recorded.Code)
        {
            RequestMessage = request,
            Content = content,
        };
        if (recorded.ReasonPhrase is { } reason)
        {
            response.ReasonPhrase = reason;
        }

        if (recorded.ProtoMajor is { } major)
        {
            response.Version = new Version(major, recorded.ProtoMinor ?? 0);
        }

        foreach (KeyValuePair<string, IReadOnlyList<string>> header in recorded.Headers)
        {
            if (SkippedHeaders.Contains(header.Key) ||
                (recorded.Uncompressed == true && header.Key.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            // The response collection refuses content headers (Content-Type, ...); they belong on the content.
            if (!response.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (recorded.Trailer is { } trailer)
        {
            foreach (KeyValuePair<string, IReadOnlyList<string>> header in trailer)
            {
                response.TrailingHeaders.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return response;
    }

    private sealed class Entry(CassetteInteraction interaction, RecordedRequestKey key)
    {
        public CassetteInteraction Interaction { get; } = interaction;

        public RecordedRequestKey Key { get; } = key;

        public bool Used { get; set; }
    }
}
