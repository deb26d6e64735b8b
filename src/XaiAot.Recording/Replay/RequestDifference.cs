using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace XaiAot.Recording;

/// <summary>
/// How close a request is to a recorded one, and a short human account of where they differ.
/// </summary>
internal static class RequestDifference
{
    private const int ExcerptLength = 80;

    /// <summary>Higher is closer: URL first, then method, then how much of the body agrees (0..1).</summary>
    public static double Score(RecordedRequestKey recorded, RecordedRequestKey request) =>
        (recorded.UrlEquals(request) ? 4 : 0) + (recorded.MethodEquals(request) ? 2 : 0) + BodySimilarity(recorded, request);

    /// <summary>One line per differing part; empty when the requests match.</summary>
    public static List<string> Describe(RecordedRequestKey recorded, RecordedRequestKey request, bool matchBody)
    {
        var lines = new List<string>();
        if (!recorded.MethodEquals(request))
        {
            lines.Add($"method differs: recorded {recorded.Method}, request {request.Method}");
        }

        if (!recorded.UrlEquals(request))
        {
            lines.Add($"url differs: recorded {recorded.Url}, request {request.Url}");
        }

        if (matchBody && !recorded.BodyEquals(request))
        {
            lines.Add(DescribeBody(recorded, request));
        }

        return lines;
    }

    private static string DescribeBody(RecordedRequestKey recorded, RecordedRequestKey request)
    {
        if (recorded.Json is { } a && request.Json is { } b)
        {
            return "body differs at " + (FirstJsonDifference(a, b, "$") ?? "$ (JSON not equal)");
        }

        if (recorded.Json is not null)
        {
            return $"body differs: recorded JSON {Excerpt(recorded.Body)}, request body is not JSON: {Excerpt(request.Body)}";
        }

        if (request.Json is not null)
        {
            return $"body differs: recorded body is not JSON: {Excerpt(recorded.Body)}, request JSON {Excerpt(request.Body)}";
        }

        int at = CommonPrefixLength(recorded.Body, request.Body);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"body text differs at character {at}: recorded {TextAround(recorded.Body, at)}, request {TextAround(request.Body, at)}");
    }

    // Walks both documents in the recorded order and reports the first place they part.
    private static string? FirstJsonDifference(JsonElement recorded, JsonElement request, string path)
    {
        if (recorded.ValueKind != request.ValueKind)
        {
            return $"{path}: recorded {Excerpt(recorded)}, request {Excerpt(request)}";
        }

        switch (recorded.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty member in recorded.EnumerateObject())
                {
                    string child = Child(path, member.Name);
                    if (!request.TryGetProperty(member.Name, out JsonElement other))
                    {
                        return $"{child}: recorded {Excerpt(member.Value)}, request has no such member";
                    }

                    if (!JsonElement.DeepEquals(member.Value, other))
                    {
                        return FirstJsonDifference(member.Value, other, child);
                    }
                }

                foreach (JsonProperty member in request.EnumerateObject())
                {
                    if (!recorded.TryGetProperty(member.Name, out _))
                    {
                        return $"{Child(path, member.Name)}: request has {Excerpt(member.Value)}, the recording has no such member";
                    }
                }

                return null;

            case JsonValueKind.Array:
                int recordedLength = recorded.GetArrayLength();
                int requestLength = request.GetArrayLength();
                int common = Math.Min(recordedLength, requestLength);
                for (int i = 0; i < common; i++)
                {
                    if (!JsonElement.DeepEquals(recorded[i], request[i]))
                    {
                        return FirstJsonDifference(recorded[i], request[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"));
                    }
                }

                if (recordedLength == requestLength)
                {
                    return null;
                }

                string extra = recordedLength > requestLength
                    ? $"recorded [{common}] is {Excerpt(recorded[common])}"
                    : $"request [{common}] is {Excerpt(request[common])}";
                return string.Create(CultureInfo.InvariantCulture, $"{path}: recorded {recordedLength} items, request {requestLength} items; {extra}");

            default:
                return JsonElement.DeepEquals(recorded, request) ? null : $"{path}: recorded {Excerpt(recorded)}, request {Excerpt(request)}";
        }
    }

    private static double BodySimilarity(RecordedRequestKey recorded, RecordedRequestKey request)
    {
        if (recorded.BodyEquals(request))
        {
            return 1;
        }

        if (recorded.Json is { } a && request.Json is { } b)
        {
            // Shared leaves (path and value) over all leaves: one changed message scores near 1,
            // a different conversation near 0.
            HashSet<string> left = Leaves(a);
            HashSet<string> right = Leaves(b);
            int shared = left.Count(right.Contains);
            return 2.0 * shared / (left.Count + right.Count);
        }

        int longest = Math.Max(recorded.Body.Length, request.Body.Length);
        return longest == 0 ? 1 : (double)CommonPrefixLength(recorded.Body, request.Body) / longest;
    }

    private static HashSet<string> Leaves(JsonElement root)
    {
        var leaves = new HashSet<string>(StringComparer.Ordinal);
        AddLeaves(root, "$", leaves);
        return leaves;
    }

    private static void AddLeaves(JsonElement element, string path, HashSet<string> leaves)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object when element.EnumerateObject().Any():
                foreach (JsonProperty member in element.EnumerateObject())
                {
                    AddLeaves(member.Value, Child(path, member.Name), leaves);
                }

                break;
            case JsonValueKind.Array when element.GetArrayLength() > 0:
                int index = 0;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    AddLeaves(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]"), leaves);
                }

                break;
            default:
                leaves.Add(path + "=" + element.GetRawText());
                break;
        }
    }

    private static string Child(string path, string name)
    {
        bool simple = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        return simple ? $"{path}.{name}" : $"{path}[\"{name.Replace("\"", "\\\"", StringComparison.Ordinal)}\"]";
    }

    private static int CommonPrefixLength(string a, string b) => a.AsSpan().CommonPrefixLength(b);

    private static string TextAround(string text, int at)
    {
        if (at >= text.Length)
        {
            return text.Length == 0 ? "(empty)" : "(ends here)";
        }

        int start = Math.Max(0, at - 20);
        string excerpt = Excerpt(text[start..]);
        return start > 0 ? "…" + excerpt : excerpt;
    }

    private static string Excerpt(JsonElement element) => Excerpt(element.GetRawText());

    internal static string Excerpt(string text)
    {
        if (text.Length == 0)
        {
            return "(empty)";
        }

        var flat = new StringBuilder(Math.Min(text.Length, ExcerptLength + 1));
        foreach (char c in text)
        {
            if (flat.Length >= ExcerptLength)
            {
                return flat.Append('…').ToString();
            }

            _ = c switch
            {
                '\n' => flat.Append("\\n"),
                '\r' => flat.Append("\\r"),
                '\t' => flat.Append("\\t"),
                _ => flat.Append(c),
            };
        }

        return flat.ToString();
    }
}
