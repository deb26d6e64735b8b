using System;
using System.Collections.Generic;
using YamlDotNet.RepresentationModel;

namespace XaiAot.Recording;

/// <summary>One recorded request and the response the server gave to it.</summary>
public sealed class CassetteInteraction
{
    /// <summary>Creates an interaction.</summary>
    public CassetteInteraction(int id, RecordedRequest request, RecordedResponse response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        Id = id;
        Request = request;
        Response = response;
    }

    /// <summary>The interaction's id; go-vcr numbers interactions from 0 in recorded order.</summary>
    public int Id { get; set; }

    /// <summary>What was sent.</summary>
    public RecordedRequest Request { get; set; }

    /// <summary>What came back.</summary>
    public RecordedResponse Response { get; set; }

    /// <summary>Keys of the interaction this model does not know, kept for writing back.</summary>
    internal IDictionary<string, YamlNode> AdditionalFields { get; } = new OrderedDictionary<string, YamlNode>(StringComparer.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"interaction {Id}: {Request.Method} {Request.Url} -> {Response.Code}";
}
