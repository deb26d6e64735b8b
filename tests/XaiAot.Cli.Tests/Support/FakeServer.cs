using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace XaiAot.Cli.Tests;

/// <summary>Answers an OpenAI-compatible server would send, written to a real Kestrel response.</summary>
internal static class FakeServer
{
    /// <summary>An SSE stream whose content arrives in <paramref name="pieces"/>, then stop, usage and [DONE].</summary>
    public static string Stream(params string[] pieces)
    {
        var body = new StringBuilder();
        foreach (string piece in pieces)
        {
            body.Append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":")
                .Append(JsonSerializer.Serialize(piece)).Append("},\"finish_reason\":null}]}\n\n");
        }

        body.Append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        body.Append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5}}\n\n");
        body.Append("data: [DONE]\n\n");
        return body.ToString();
    }

    public static async Task Write(HttpContext context, string contentType, string body, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>The chat messages of a request body as (role, content) pairs.</summary>
    public static (string Role, string Content)[] Messages(string requestBody)
    {
        using JsonDocument json = JsonDocument.Parse(requestBody);
        return json.RootElement.GetProperty("messages").EnumerateArray()
            .Select(m => (m.GetProperty("role").GetString()!, m.GetProperty("content").GetString()!))
            .ToArray();
    }
}

/// <summary>Standard input typed line by line by a test: <see cref="ReadLine"/> waits for the next line; <see cref="End"/> is Ctrl+D.</summary>
internal sealed class TypedInput : System.IO.TextReader
{
    private readonly BlockingCollection<string?> _lines = new();

    public void Type(string line) => _lines.Add(line);

    public void End() => _lines.Add(null);

    public override string? ReadLine() => _lines.Take();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _lines.Dispose();
        }

        base.Dispose(disposing);
    }
}

internal static class Eventually
{
    /// <summary>Waits (bounded) until <paramref name="condition"/> holds; fails with <paramref name="what"/>.</summary>
    public static async Task True(Func<bool> condition, string what, int timeoutMs = 10_000)
    {
        using var timeout = new CancellationTokenSource(timeoutMs);
        while (!condition())
        {
            if (timeout.IsCancellationRequested)
            {
                Assert.Fail("Timed out waiting until " + what);
            }

            await Task.Delay(10);
        }
    }
}
