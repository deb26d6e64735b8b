using System;
using System.Collections.Generic;
using YamlDotNet.RepresentationModel;

namespace XaiAot.Recording;

/// <summary>
/// A recorded request, field for field as go-vcr writes it.
/// </summary>
/// <remarks>
/// Optional go-vcr fields are null when the cassette did not have them, so a cassette is written
/// back with exactly the keys it was read with.
/// </remarks>
public sealed class RecordedRequest
{
    /// <summary>The HTTP method, e.g. <c>POST</c>.</summary>
    public string Method { get; set; } = "GET";

    /// <summary>The absolute request URL.</summary>
    public string Url { get; set; } = "";

    /// <summary>The request headers (multi-valued; names compare case-insensitively).</summary>
    public MultiValueMap Headers { get; set; } = new();

    /// <summary>The request body as text (go-vcr stores bodies as strings).</summary>
    public string Body { get; set; } = "";

    /// <summary>go-vcr <c>proto</c>, e.g. <c>HTTP/1.1</c>.</summary>
    public string? Proto { get; set; }

    /// <summary>go-vcr <c>proto_major</c>.</summary>
    public int? ProtoMajor { get; set; }

    /// <summary>go-vcr <c>proto_minor</c>.</summary>
    public int? ProtoMinor { get; set; }

    /// <summary>go-vcr <c>content_length</c> (-1 when unknown).</summary>
    public long? ContentLength { get; set; }

    /// <summary>go-vcr <c>transfer_encoding</c>.</summary>
    public IList<string>? TransferEncoding { get; set; }

    /// <summary>go-vcr <c>trailer</c>.</summary>
    public MultiValueMap? Trailer { get; set; }

    /// <summary>go-vcr <c>host</c> (Go's <c>Request.Host</c>; usually empty for client requests).</summary>
    public string? Host { get; set; }

    /// <summary>go-vcr <c>remote_addr</c>.</summary>
    public string? RemoteAddr { get; set; }

    /// <summary>go-vcr <c>request_uri</c>.</summary>
    public string? RequestUri { get; set; }

    /// <summary>go-vcr <c>form</c> (names compare case-sensitively, as in Go's <c>url.Values</c>).</summary>
    public MultiValueMap? Form { get; set; }

    /// <summary>Keys of the request this model does not know, kept for writing back.</summary>
    internal IDictionary<string, YamlNode> AdditionalFields { get; } = new OrderedDictionary<string, YamlNode>(StringComparer.Ordinal);
}
