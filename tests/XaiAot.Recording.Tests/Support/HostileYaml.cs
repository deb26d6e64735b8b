using System;
using System.Text;

namespace XaiAot.Recording.Tests;

/// <summary>Cassettes a hostile or careless source could hand over, built from one valid interaction.</summary>
internal static class HostileYaml
{
    /// <summary>A valid one-interaction cassette; its lines are numbered in the comments for the position tests.</summary>
    public const string Valid = """
        version: 2
        interactions:
        - id: 0
          request:
            proto_major: 1
            proto_minor: 1
            content_length: 2
            body: "{}"
            headers:
              Content-Type:
              - application/json
            url: https://api.x.ai/v1/chat/completions
            method: POST
          response:
            proto: HTTP/2.0
            proto_major: 2
            proto_minor: 0
            content_length: -1
            body: ok
            headers:
              Content-Type:
              - text/plain
            status: 200 OK
            code: 200
            duration: 1.5s
        """;

    /// <summary><see cref="Valid"/> with <paramref name="find"/> (which must occur once) replaced.</summary>
    public static string With(string find, string replace)
    {
        int at = Valid.IndexOf(find, StringComparison.Ordinal);
        if (at < 0 || Valid.IndexOf(find, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"'{find}' must occur exactly once in the valid cassette.", nameof(find));
        }

        return string.Concat(Valid.AsSpan(0, at), replace, Valid.AsSpan(at + find.Length));
    }

    /// <summary><see cref="Valid"/> with an extra key holding lists nested <paramref name="depth"/> deep (flow style).</summary>
    public static string Nested(int depth)
    {
        var yaml = new StringBuilder(Valid.Length + (2 * depth) + 16);
        yaml.Append(Valid).Append("\nextra: ").Append('[', depth).Append(']', depth).Append('\n');
        return yaml.ToString();
    }

    /// <summary>A one-event stream whose event carries <paramref name="size"/> characters of text.</summary>
    public static string WithLargeEvent(int size)
    {
        var yaml = new StringBuilder(size + 1024);
        yaml.Append(Valid[..Valid.IndexOf("    body: ok", StringComparison.Ordinal)]);
        yaml.Append("    body: |+\n      data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"");
        while (yaml.Length < size)
        {
            yaml.Append("lorem ipsum ");
        }

        yaml.Append("\"}}]}\n\n      data: [DONE]\n\n");
        yaml.Append("    headers:\n      Content-Type:\n      - text/event-stream\n    status: 200 OK\n    code: 200\n    duration: 1.5s\n");
        return yaml.ToString();
    }
}
