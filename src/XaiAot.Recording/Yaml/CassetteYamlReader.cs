using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace XaiAot.Recording;

/// <summary>
/// YAML text -> <see cref="Cassette"/>, through YamlDotNet's representation model only: its
/// reflection-based deserializer is neither trimmable nor AOT-safe.
/// </summary>
internal static class CassetteYamlReader
{
    // yaml.v2/v3 write a Go string holding invalid UTF-8 as a base64 !!binary scalar.
    private const string BinaryTag = "tag:yaml.org,2002:binary";

    public static Cassette Read(string text, string source) => Read(new StringReader(text), source);

    /// <summary>Reads from <paramref name="input"/> as it parses, so a file is never held whole as text.</summary>
    public static Cassette Read(TextReader input, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new DepthLimitedParser(new Parser(input), source));
        }
        catch (YamlException ex)
        {
            throw new CassetteFormatException(source, ex.Start.Line, ex.Start.Column, $"expected valid YAML, but the YAML parser says: {ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet 18's scanner throws this, without a position, on some malformed flow collections.
            throw new CassetteFormatException(source, null, null, $"expected valid YAML, but the YAML parser failed: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0)
        {
            throw new CassetteFormatException(source, 1, 1, "expected a YAML mapping with 'version: 2' and 'interactions', found an empty document");
        }

        if (stream.Documents.Count > 1)
        {
            YamlNode second = stream.Documents[1].RootNode;
            throw new CassetteFormatException(source, second.Start.Line, second.Start.Column, $"expected one YAML document, found {stream.Documents.Count}");
        }

        return new Context(source).ReadCassette(stream.Documents[0].RootNode);
    }

    private sealed class Context(string source)
    {
        public Cassette ReadCassette(YamlNode root)
        {
            YamlMappingNode mapping = ExpectMapping(root, "the cassette", "a mapping with 'version: 2' and 'interactions'");
            var cassette = new Cassette { Source = source };
            bool sawVersion = false;
            YamlNode? interactions = null;
            foreach ((string key, YamlNode value) in Entries(mapping))
            {
                switch (key)
                {
                    case "version":
                        int version = ReadInt(value, key);
                        if (version != Cassette.SupportedVersion)
                        {
                            throw Fail(value, $"expected 'version: {Cassette.SupportedVersion}' (go-vcr cassette format v2), found version {version}");
                        }

                        cassette.Version = version;
                        sawVersion = true;
                        break;
                    case "interactions":
                        interactions = value;
                        break;
                    default:
                        cassette.AdditionalFields[key] = value;
                        break;
                }
            }

            if (!sawVersion)
            {
                throw Fail(mapping, $"expected a 'version: {Cassette.SupportedVersion}' key at the top level, found keys {ListKeys(mapping)}");
            }

            if (interactions is null)
            {
                throw Fail(mapping, $"expected an 'interactions' key at the top level, found keys {ListKeys(mapping)}");
            }

            if (!IsNull(interactions))
            {
                if (interactions is not YamlSequenceNode sequence)
                {
                    throw Fail(interactions, $"expected 'interactions' to be a list, found {Describe(interactions)}");
                }

                foreach (YamlNode item in sequence.Children)
                {
                    cassette.Interactions.Add(ReadInteraction(item, cassette.Interactions.Count));
                }
            }

            return cassette;
        }

        private CassetteInteraction ReadInteraction(YamlNode node, int index)
        {
            string what = $"interaction {index}";
            YamlMappingNode mapping = ExpectMapping(node, what, "a mapping with 'request' and 'response'");
            int id = index;
            RecordedRequest? request = null;
            RecordedResponse? response = null;
            var additional = new List<KeyValuePair<string, YamlNode>>();
            foreach ((string key, YamlNode value) in Entries(mapping))
            {
                switch (key)
                {
                    case "id":
                        id = ReadInt(value, key);
                        break;
                    case "request":
                        request = ReadRequest(ExpectMapping(value, $"the request of {what}", "a mapping"));
                        break;
                    case "response":
                        response = ReadResponse(ExpectMapping(value, $"the response of {what}", "a mapping"));
                        break;
                    default:
                        additional.Add(new(key, value));
                        break;
                }
            }

            if (request is null)
            {
                throw Fail(mapping, $"expected a 'request' in {what}, found keys {ListKeys(mapping)}");
            }

            if (response is null)
            {
                throw Fail(mapping, $"expected a 'response' in {what}, found keys {ListKeys(mapping)}");
            }

            var interaction = new CassetteInteraction(id, request, response);
            foreach (KeyValuePair<string, YamlNode> pair in additional)
            {
                interaction.AdditionalFields[pair.Key] = pair.Value;
            }

            return interaction;
        }

        private RecordedRequest ReadRequest(YamlMappingNode mapping)
        {
            var request = new RecordedRequest();
            bool sawMethod = false;
            bool sawUrl = false;
            foreach ((string key, YamlNode value) in Entries(mapping))
            {
                switch (key)
                {
                    case "proto": request.Proto = ReadString(value, key); break;
                    case "proto_major": request.ProtoMajor = ReadProtoVersion(value, key); break;
                    case "proto_minor": request.ProtoMinor = ReadProtoVersion(value, key); break;
                    case "content_length": request.ContentLength = ReadContentLength(value, key); break;
                    case "transfer_encoding": request.TransferEncoding = ReadList(value, key); break;
                    case "trailer": request.Trailer = ReadHeaders(value, key); break;
                    case "host": request.Host = ReadString(value, key); break;
                    case "remote_addr": request.RemoteAddr = ReadString(value, key); break;
                    case "request_uri": request.RequestUri = ReadString(value, key); break;
                    case "body": request.Body = ReadBody(value, key); break;
                    case "form": request.Form = ReadMap(value, key, StringComparer.Ordinal, headers: false); break;
                    case "headers": request.Headers = ReadHeaders(value, key); break;
                    case "url":
                        request.Url = ReadString(value, key) ?? throw Fail(value, "expected the request URL for 'url', found an empty value");
                        sawUrl = true;
                        break;
                    case "method":
                        request.Method = Check(value, ReadString(value, key) ?? throw Fail(value, "expected an HTTP method for 'method', found an empty value"), FieldRules.Method);
                        sawMethod = true;
                        break;
                    default: request.AdditionalFields[key] = value; break;
                }
            }

            // Replay matches on method and URL, so a request without them could never be served.
            if (!sawMethod)
            {
                throw Fail(mapping, $"expected a 'method' in the request, found keys {ListKeys(mapping)}");
            }

            if (!sawUrl)
            {
                throw Fail(mapping, $"expected a 'url' in the request, found keys {ListKeys(mapping)}");
            }

            return request;
        }

        private RecordedResponse ReadResponse(YamlMappingNode mapping)
        {
            var response = new RecordedResponse();
            bool sawCode = false;
            foreach ((string key, YamlNode value) in Entries(mapping))
            {
                switch (key)
                {
                    case "proto": response.Proto = ReadString(value, key); break;
                    case "proto_major": response.ProtoMajor = ReadProtoVersion(value, key); break;
                    case "proto_minor": response.ProtoMinor = ReadProtoVersion(value, key); break;
                    case "transfer_encoding": response.TransferEncoding = ReadList(value, key); break;
                    case "trailer": response.Trailer = ReadHeaders(value, key); break;
                    case "content_length": response.ContentLength = ReadContentLength(value, key); break;
                    case "uncompressed": response.Uncompressed = ReadBool(value, key); break;
                    case "body": response.Body = ReadBody(value, key); break;
                    case "headers": response.Headers = ReadHeaders(value, key); break;
                    case "status": response.Status = ReadString(value, key) is { } status ? Check(value, status, FieldRules.Status) : null; break;
                    case "code":
                        response.Code = ReadInt(value, key);
                        Check(value, FieldRules.StatusCode(response.Code));
                        sawCode = true;
                        break;
                    case "duration": ReadDuration(value, response); break;
                    default: response.AdditionalFields[key] = value; break;
                }
            }

            if (!sawCode)
            {
                throw Fail(mapping, $"expected a status 'code' in the response, found keys {ListKeys(mapping)}");
            }

            return response;
        }

        private void ReadDuration(YamlNode value, RecordedResponse response)
        {
            string? text = ReadString(value, "duration");
            if (text is null)
            {
                return;
            }

            long nanoseconds;
            try
            {
                nanoseconds = GoDuration.ParseNanoseconds(text);
            }
            catch (FormatException ex)
            {
                throw Fail(value, $"expected a Go duration such as 1.5s or 250ms for 'duration', found '{Excerpt(text)}' ({ex.Message})", ex);
            }

            Check(value, FieldRules.Duration(nanoseconds < 0, text));

            response.SetDuration(TimeSpan.FromTicks(nanoseconds / 100), text);
        }

        private IEnumerable<(string Key, YamlNode Value)> Entries(YamlMappingNode mapping)
        {
            foreach ((YamlNode _, string key, YamlNode value) in NamedEntries(mapping))
            {
                yield return (key, value);
            }
        }

        private IEnumerable<(YamlNode KeyNode, string Key, YamlNode Value)> NamedEntries(YamlMappingNode mapping)
        {
            foreach (KeyValuePair<YamlNode, YamlNode> pair in mapping.Children)
            {
                if (pair.Key is not YamlScalarNode { Value: { } key })
                {
                    throw Fail(pair.Key, $"expected a text key, found {Describe(pair.Key)}");
                }

                yield return (pair.Key, key, pair.Value);
            }
        }

        private YamlMappingNode ExpectMapping(YamlNode node, string what, string expected) =>
            node as YamlMappingNode ?? throw Fail(node, $"expected {what} to be {expected}, found {Describe(node)}");

        private string? ReadString(YamlNode node, string key)
        {
            if (node is not YamlScalarNode scalar)
            {
                throw Fail(node, $"expected a text value for '{key}', found {Describe(node)}");
            }

            return IsNull(scalar) ? null : scalar.Value ?? "";
        }

        private string ReadBody(YamlNode node, string key)
        {
            if (node is YamlScalarNode scalar && scalar.Tag == BinaryTag)
            {
                throw Fail(node, $"expected a text '{key}', found a !!binary value (a body that is not UTF-8 text is not supported)");
            }

            return Check(node, ReadString(node, key) ?? "", body => FieldRules.Body(key, body));
        }

        private int ReadProtoVersion(YamlNode node, string key)
        {
            int value = ReadInt(node, key);
            Check(node, FieldRules.ProtoVersion(key, value));
            return value;
        }

        private long ReadContentLength(YamlNode node, string key)
        {
            long value = ReadLong(node, key);
            Check(node, FieldRules.ContentLength(value));
            return value;
        }

        private int ReadInt(YamlNode node, string key)
        {
            long value = ReadLong(node, key);
            return value is >= int.MinValue and <= int.MaxValue
                ? (int)value
                : throw Fail(node, $"expected a whole number for '{key}', found {value}, which is out of range");
        }

        private long ReadLong(YamlNode node, string key)
        {
            string? text = ReadString(node, key);
            if (text is not null && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
            {
                return value;
            }

            throw Fail(node, $"expected a whole number for '{key}', found {Describe(node)}");
        }

        private bool ReadBool(YamlNode node, string key)
        {
            // YAML 1.2's core booleans plus the YAML 1.1 words Go's yaml.v2 still accepts.
            switch (ReadString(node, key))
            {
                case "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON":
                    return true;
                case "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF":
                    return false;
                default:
                    throw Fail(node, $"expected true or false for '{key}', found {Describe(node)}");
            }
        }

        private List<string>? ReadList(YamlNode node, string key)
        {
            if (IsNull(node))
            {
                return null;
            }

            if (node is not YamlSequenceNode sequence)
            {
                throw Fail(node, $"expected a list of text values for '{key}', found {Describe(node)}");
            }

            var list = new List<string>(sequence.Children.Count);
            foreach (YamlNode item in sequence.Children)
            {
                list.Add(ReadString(item, key) ?? "");
            }

            return list;
        }

        private MultiValueMap ReadHeaders(YamlNode node, string key) => ReadMap(node, key, StringComparer.OrdinalIgnoreCase, headers: true);

        // Headers and trailers are held to HTTP's rules for names and values; a form is not.
        private MultiValueMap ReadMap(YamlNode node, string key, StringComparer comparer, bool headers)
        {
            var map = new MultiValueMap(comparer);
            if (IsNull(node))
            {
                return map;
            }

            if (node is not YamlMappingNode mapping)
            {
                throw Fail(node, $"expected '{key}' to be a mapping of names to lists of values, found {Describe(node)}");
            }

            foreach ((YamlNode nameNode, string name, YamlNode value) in NamedEntries(mapping))
            {
                string what = $"{key}.{name}";
                if (headers)
                {
                    Check(nameNode, FieldRules.HeaderName(key, name));
                }

                if (IsNull(value))
                {
                    map.Add(name, Array.Empty<string>());
                }
                else if (value is YamlSequenceNode sequence)
                {
                    var values = new List<string>(sequence.Children.Count);
                    foreach (YamlNode item in sequence.Children)
                    {
                        values.Add(ReadMapValue(item, key, name, headers));
                    }

                    map.Add(name, values);
                }
                else
                {
                    // A lone value where Go expects []string: yaml.v3 rejects it, but its meaning is plain.
                    map.Add(name, ReadMapValue(value, key, name, headers));
                }
            }

            return map;
        }

        private string ReadMapValue(YamlNode node, string key, string name, bool headers)
        {
            string value = ReadString(node, $"{key}.{name}") ?? "";
            return headers ? Check(node, value, v => FieldRules.HeaderValue(key, name, v)) : value;
        }

        private void Check(YamlNode node, string? problem)
        {
            if (problem is not null)
            {
                throw Fail(node, problem);
            }
        }

        private string Check(YamlNode node, string value, Func<string, string?> rule)
        {
            Check(node, rule(value));
            return value;
        }

        private CassetteFormatException Fail(YamlNode node, string problem, Exception? inner = null) =>
            new(source, node.Start.Line, node.Start.Column, problem, inner);

        private static bool IsNull(YamlNode node) =>
            node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar &&
            scalar.Tag.IsEmpty &&
            scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

        private static string ListKeys(YamlMappingNode mapping)
        {
            var keys = new List<string>();
            foreach (YamlNode key in mapping.Children.Keys)
            {
                keys.Add(key is YamlScalarNode { Value: { } text } ? $"'{text}'" : Describe(key));
            }

            return keys.Count == 0 ? "(none)" : string.Join(", ", keys);
        }

        private static string Describe(YamlNode node) => node switch
        {
            YamlMappingNode => "a mapping",
            YamlSequenceNode => "a list",
            YamlScalarNode scalar when IsNull(scalar) => "an empty value",
            YamlScalarNode { Value: { } text } => $"'{Excerpt(text)}'",
            _ => "an alias",
        };

        private static string Excerpt(string text)
        {
            const int max = 60;
            string flat = text.ReplaceLineEndings("\\n");
            return flat.Length <= max ? flat : string.Concat(flat.AsSpan(0, max), "…");
        }
    }
}
