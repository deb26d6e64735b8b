using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using XaiAot.Chat;
using XaiAot.Recording;

namespace XaiAot.Extensions.AI.Tests;

/// <summary>
/// A cassette served through the real client path: adapter -> XaiChatClient -> HttpClient -> (capture) -> replay handler.
/// </summary>
internal sealed class Replay : IDisposable
{
    private readonly HttpClient _http;

    public Replay(string cassetteName, Uri? baseAddress = null, bool matchBody = true)
    {
        Handler = new CassetteReplayHandler(Cassette.Load(TestPaths.Cassette(cassetteName)), new CassetteReplayOptions { MatchBody = matchBody });
        Capture = new CapturingHandler(Handler);
        _http = new HttpClient(Capture);
        Client = new XaiChatClient(_http, new XaiClientOptions { Retry = XaiRetryOptions.None, BaseAddress = baseAddress });
        Adapter = new XaiChatClientAdapter(Client);
    }

    public CassetteReplayHandler Handler { get; }

    public CapturingHandler Capture { get; }

    public XaiChatClient Client { get; }

    public XaiChatClientAdapter Adapter { get; }

    /// <summary>The request bodies sent so far, parsed.</summary>
    public IReadOnlyList<JsonElement> Requests => Capture.Bodies;

    public void Dispose() => _http.Dispose();
}

/// <summary>Records every request body on its way to the inner handler.</summary>
internal sealed class CapturingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly List<JsonElement> _bodies = new();

    public IReadOnlyList<JsonElement> Bodies => _bodies;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            string body = await request.Content.ReadAsStringAsync(cancellationToken);
            using JsonDocument document = JsonDocument.Parse(body);
            _bodies.Add(document.RootElement.Clone());
        }

        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>
/// add / multiply as the recordings declared them (same schema text), recording every call. Derived from
/// <see cref="AIFunction"/> directly: no reflection, so the same shape works under NativeAOT.
/// </summary>
internal sealed class ArithmeticFunction : AIFunction
{
    private const string Schema =
        """{"properties":{"a":{"description":"first number","type":"integer"},"b":{"description":"second number","type":"integer"}},"required":["a","b"],"type":"object"}""";

    private static readonly JsonElement SchemaElement = JsonDocument.Parse(Schema).RootElement.Clone();

    private readonly Func<long, long, long> _operation;
    private readonly List<IReadOnlyDictionary<string, object?>> _calls = new();

    private ArithmeticFunction(string name, string description, Func<long, long, long> operation)
    {
        Name = name;
        Description = description;
        _operation = operation;
    }

    public static ArithmeticFunction Add() => new("add", "Add two numbers", static (a, b) => a + b);

    public static ArithmeticFunction Multiply() => new("multiply", "Multiply two numbers", static (a, b) => a * b);

    public override string Name { get; }

    public override string Description { get; }

    public override JsonElement JsonSchema => SchemaElement;

    /// <summary>The arguments of every invocation, as received.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Calls => _calls;

    protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        lock (_calls)
        {
            _calls.Add(new Dictionary<string, object?>(arguments));
        }

        long a = ((JsonElement)arguments["a"]!).GetInt64();
        long b = ((JsonElement)arguments["b"]!).GetInt64();
        return new ValueTask<object?>(_operation(a, b));
    }
}
