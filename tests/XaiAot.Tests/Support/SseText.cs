using System;
using System.Collections.Generic;

namespace XaiAot.Tests.Support;

/// <summary>
/// Splits a recorded SSE body into its <c>data:</c> payloads the plain way (line by line), as an
/// independent reference for what the client's SseParser-based reader must see.
/// </summary>
internal static class SseText
{
    public static List<string> DataPayloads(string body)
    {
        var payloads = new List<string>();
        foreach (string raw in body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (raw.StartsWith("data:", StringComparison.Ordinal))
            {
                payloads.Add(raw.Substring(raw.StartsWith("data: ", StringComparison.Ordinal) ? 6 : 5));
            }
        }

        return payloads;
    }
}
