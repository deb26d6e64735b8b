using System.Collections.Generic;
using System.Globalization;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace XaiAot.Recording;

/// <summary>
/// <see cref="Cassette"/> -> YAML that go-vcr reads, built as a representation-model tree (no
/// reflection). Keys come in go-vcr's own order, then any unknown keys kept from reading.
/// </summary>
internal static class CassetteYamlWriter
{
    public static string Write(Cassette cassette)
    {
        var root = new YamlMappingNode
        {
            { "version", Plain(cassette.Version) },
        };
        var interactions = new YamlSequenceNode();
        foreach (CassetteInteraction interaction in cassette.Interactions)
        {
            interactions.Add(WriteInteraction(interaction));
        }

        if (interactions.Children.Count == 0)
        {
            interactions.Style = SequenceStyle.Flow;
        }

        root.Add("interactions", interactions);
        AddAdditional(root, cassette.AdditionalFields);

        var writer = new StringWriter(CultureInfo.InvariantCulture);

        // "\n" on every OS keeps cassettes byte-stable across machines; no width limit keeps long
        // JSON bodies on one line instead of folded at column 80.
        var settings = new EmitterSettings().WithNewLine("\n").WithBestWidth(int.MaxValue);
        new YamlStream(new YamlDocument(root)).Save(new ExplicitDocumentStart(new Emitter(writer, settings)), assignAnchors: false);
        string yaml = writer.ToString();

        // The emitter closes the document with "...", which go-vcr's own files never carry.
        return yaml.EndsWith("...\n", System.StringComparison.Ordinal) ? yaml[..^4] : yaml;
    }

    private static YamlMappingNode WriteInteraction(CassetteInteraction interaction)
    {
        var node = new YamlMappingNode
        {
            { "id", Plain(interaction.Id) },
            { "request", WriteRequest(interaction.Request) },
            { "response", WriteResponse(interaction.Response) },
        };
        AddAdditional(node, interaction.AdditionalFields);
        return node;
    }

    private static YamlMappingNode WriteRequest(RecordedRequest request)
    {
        var node = new YamlMappingNode();
        AddIfPresent(node, "proto", request.Proto);
        AddIfPresent(node, "proto_major", request.ProtoMajor);
        AddIfPresent(node, "proto_minor", request.ProtoMinor);
        AddIfPresent(node, "content_length", request.ContentLength);
        AddIfPresent(node, "transfer_encoding", request.TransferEncoding);
        AddIfPresent(node, "trailer", request.Trailer);
        AddIfPresent(node, "host", request.Host);
        AddIfPresent(node, "remote_addr", request.RemoteAddr);
        AddIfPresent(node, "request_uri", request.RequestUri);
        node.Add("body", Text(request.Body));
        AddIfPresent(node, "form", request.Form);
        node.Add("headers", Map(request.Headers));
        node.Add("url", Text(request.Url));
        node.Add("method", Text(request.Method));
        AddAdditional(node, request.AdditionalFields);
        return node;
    }

    private static YamlMappingNode WriteResponse(RecordedResponse response)
    {
        var node = new YamlMappingNode();
        AddIfPresent(node, "proto", response.Proto);
        AddIfPresent(node, "proto_major", response.ProtoMajor);
        AddIfPresent(node, "proto_minor", response.ProtoMinor);
        AddIfPresent(node, "transfer_encoding", response.TransferEncoding);
        AddIfPresent(node, "trailer", response.Trailer);
        AddIfPresent(node, "content_length", response.ContentLength);
        if (response.Uncompressed is { } uncompressed)
        {
            node.Add("uncompressed", new YamlScalarNode(uncompressed ? "true" : "false") { Style = ScalarStyle.Plain });
        }

        node.Add("body", Text(response.Body));
        node.Add("headers", Map(response.Headers));
        AddIfPresent(node, "status", response.Status);
        node.Add("code", Plain(response.Code));
        if (response.DurationText is { } duration)
        {
            node.Add("duration", Text(duration));
        }

        AddAdditional(node, response.AdditionalFields);
        return node;
    }

    private static void AddIfPresent(YamlMappingNode node, string key, string? value)
    {
        if (value is not null)
        {
            node.Add(key, Text(value));
        }
    }

    private static void AddIfPresent(YamlMappingNode node, string key, long? value)
    {
        if (value is { } number)
        {
            node.Add(key, Plain(number));
        }
    }

    private static void AddIfPresent(YamlMappingNode node, string key, IList<string>? values)
    {
        if (values is not null)
        {
            node.Add(key, List(values));
        }
    }

    private static void AddIfPresent(YamlMappingNode node, string key, MultiValueMap? map)
    {
        if (map is not null)
        {
            node.Add(key, Map(map));
        }
    }

    private static void AddAdditional(YamlMappingNode node, IDictionary<string, YamlNode> additional)
    {
        foreach (KeyValuePair<string, YamlNode> pair in additional)
        {
            node.Add(pair.Key, pair.Value);
        }
    }

    private static YamlMappingNode Map(MultiValueMap map)
    {
        var node = new YamlMappingNode();
        foreach (KeyValuePair<string, IReadOnlyList<string>> pair in map)
        {
            node.Add(Text(pair.Key), List(pair.Value));
        }

        if (node.Children.Count == 0)
        {
            node.Style = MappingStyle.Flow;
        }

        return node;
    }

    private static YamlSequenceNode List(IEnumerable<string> values)
    {
        var node = new YamlSequenceNode();
        foreach (string value in values)
        {
            node.Add(Text(value));
        }

        if (node.Children.Count == 0)
        {
            node.Style = SequenceStyle.Flow;
        }

        return node;
    }

    private static YamlScalarNode Plain(long value) =>
        new(value.ToString(CultureInfo.InvariantCulture)) { Style = ScalarStyle.Plain };

    // Text for a Go string field: the style is chosen so the value reads back as that exact string
    // in go-vcr (yaml.v2/v3) as well as here.
    private static YamlScalarNode Text(string value)
    {
        ScalarStyle style;
        if (value.Length == 0 || YamlPlainScalars.ResolvesToNonString(value))
        {
            // Plain would resolve to null, a bool or a number in Go's YAML.
            style = ScalarStyle.DoubleQuoted;
        }
        else if (!OnlyLiteralSafeCharacters(value))
        {
            // Only double quotes escape these; in any other style a reader would normalize
            // "\r\n" to "\n", fold NEL/LS/PS into line breaks or reject control characters.
            style = ScalarStyle.DoubleQuoted;
        }
        else if (value.Contains('\n', System.StringComparison.Ordinal))
        {
            // SSE bodies stay readable event by event; the emitter falls back to double quotes by
            // itself when a literal block could not hold the text exactly (e.g. trailing spaces).
            style = ScalarStyle.Literal;
        }
        else if (value[0] is '{' or '[')
        {
            // JSON on one line: single quotes need no escaping of its many double quotes.
            style = ScalarStyle.SingleQuoted;
        }
        else
        {
            style = ScalarStyle.Any;
        }

        return new YamlScalarNode(value) { Style = style };
    }

    private static bool OnlyLiteralSafeCharacters(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c is '\n' or '\t')
            {
                continue;
            }

            if (c < ' ' || c is >= '\u007F' and <= '\u009F' or '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF')
            {
                return false;
            }

            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }

    // YamlDocument always starts an implicit document; go-vcr files begin with an explicit "---".
    private sealed class ExplicitDocumentStart(IEmitter inner) : IEmitter
    {
        public void Emit(ParsingEvent @event) =>
            inner.Emit(@event is DocumentStart { IsImplicit: true } start
                ? new DocumentStart(start.Version, start.Tags, isImplicit: false)
                : @event);
    }
}
