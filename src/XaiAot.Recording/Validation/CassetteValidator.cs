using System;
using System.Collections.Generic;
using System.Globalization;

namespace XaiAot.Recording;

/// <summary>
/// Holds a <see cref="Cassette"/> in memory to <see cref="FieldRules"/>: the reader already refused
/// files that break them, but a cassette built or changed in code reaches the replay handler
/// without passing the reader.
/// </summary>
internal static class CassetteValidator
{
    /// <exception cref="CassetteFormatException">A field breaks its rule; the message names the interaction and the field.</exception>
    public static void Validate(Cassette cassette)
    {
        for (int i = 0; i < cassette.Interactions.Count; i++)
        {
            CassetteInteraction interaction = cassette.Interactions[i];
            RecordedRequest request = interaction.Request;
            RecordedResponse response = interaction.Response;
            Check(cassette, i, "request", FieldRules.Method(request.Method));
            Check(cassette, i, "request", FieldRules.Body("body", request.Body));
            Check(cassette, i, "request", Headers("headers", request.Headers));
            Check(cassette, i, "request", Headers("trailer", request.Trailer));
            Check(cassette, i, "request", request.ProtoMajor is { } requestMajor ? FieldRules.ProtoVersion("proto_major", requestMajor) : null);
            Check(cassette, i, "request", request.ProtoMinor is { } requestMinor ? FieldRules.ProtoVersion("proto_minor", requestMinor) : null);
            Check(cassette, i, "request", request.ContentLength is { } requestLength ? FieldRules.ContentLength(requestLength) : null);
            Check(cassette, i, "response", FieldRules.StatusCode(response.Code));
            Check(cassette, i, "response", response.Status is { } status ? FieldRules.Status(status) : null);
            Check(cassette, i, "response", response.ProtoMajor is { } major ? FieldRules.ProtoVersion("proto_major", major) : null);
            Check(cassette, i, "response", response.ProtoMinor is { } minor ? FieldRules.ProtoVersion("proto_minor", minor) : null);
            Check(cassette, i, "response", response.ContentLength is { } length ? FieldRules.ContentLength(length) : null);
            Check(cassette, i, "response", response.Duration is { } duration ? FieldRules.Duration(duration < TimeSpan.Zero, duration.ToString()) : null);
            Check(cassette, i, "response", FieldRules.Body("body", response.Body));
            Check(cassette, i, "response", Headers("headers", response.Headers));
            Check(cassette, i, "response", Headers("trailer", response.Trailer));
        }
    }

    private static string? Headers(string key, MultiValueMap? headers)
    {
        if (headers is null)
        {
            return null;
        }

        foreach (KeyValuePair<string, IReadOnlyList<string>> header in headers)
        {
            if (FieldRules.HeaderName(key, header.Key) is { } problem)
            {
                return problem;
            }

            foreach (string value in header.Value)
            {
                if (FieldRules.HeaderValue(key, header.Key, value) is { } valueProblem)
                {
                    return valueProblem;
                }
            }
        }

        return null;
    }

    private static void Check(Cassette cassette, int index, string part, string? problem)
    {
        if (problem is not null)
        {
            throw new CassetteFormatException(
                cassette.Source ?? "(cassette)",
                null,
                null,
                string.Create(CultureInfo.InvariantCulture, $"in the {part} of interaction {index} (id {cassette.Interactions[index].Id}): {problem}"));
        }
    }
}
