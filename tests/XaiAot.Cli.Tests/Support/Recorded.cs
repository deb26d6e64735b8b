using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using XaiAot.Recording;

namespace XaiAot.Cli.Tests;

/// <summary>
/// What a recorded interaction holds, read straight from the cassette with JsonDocument (not
/// with the code under test), so expectations are computed, never hard-coded.
/// </summary>
internal sealed class Recorded
{
    private Recorded(CassetteInteraction interaction)
    {
        Interaction = interaction;
        using (JsonDocument request = JsonDocument.Parse(interaction.Request.Body))
        {
            Streamed = request.RootElement.TryGetProperty("stream", out JsonElement stream) && stream.ValueKind == JsonValueKind.True;
        }

        if (interaction.Response.IsEventStream)
        {
            Payloads = DataPayloads(interaction.Response.Body);
        }
    }

    public CassetteInteraction Interaction { get; }

    public bool Streamed { get; }

    public int Status => Interaction.Response.Code;

    public bool IsHttpError => Status >= 400;

    /// <summary>The <c>data:</c> payloads of an event stream, in order, [DONE] included.</summary>
    public IReadOnlyList<string> Payloads { get; } = [];

    /// <summary>The chunk payloads ([DONE] left out).</summary>
    public IEnumerable<string> ChunkPayloads => Payloads.Where(p => p != "[DONE]");

    public string Reasoning => Concatenate("reasoning_content");

    public string Content => Concatenate("content");

    /// <summary>The last usage object of the stream, or the body's usage.</summary>
    public JsonElement? Usage
    {
        get
        {
            JsonElement? usage = null;
            IEnumerable<string> documents = Streamed ? ChunkPayloads : [Interaction.Response.Body];
            foreach (string payload in documents)
            {
                using JsonDocument document = JsonDocument.Parse(payload);
                if (document.RootElement.TryGetProperty("usage", out JsonElement value) && value.ValueKind == JsonValueKind.Object)
                {
                    usage = value.Clone();
                }
            }

            return usage;
        }
    }

    public static List<Recorded> All(string cassettePath) => Cassette.Load(cassettePath).Interactions.Select(i => new Recorded(i)).ToList();

    public static long Number(JsonElement usage, string name, string? detail = null)
    {
        if (detail is null)
        {
            return usage.GetProperty(name).GetInt64();
        }

        return usage.TryGetProperty(detail, out JsonElement details) && details.ValueKind == JsonValueKind.Object
            && details.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt64()
            : 0;
    }

    /// <summary>SSE framing as the spec has it: <c>data:</c> lines (one optional space) joined by newlines, events end at a blank line.</summary>
    public static List<string> DataPayloads(string body)
    {
        var payloads = new List<string>();
        var data = new StringBuilder();
        bool any = false;
        foreach (string raw in body.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                if (any)
                {
                    payloads.Add(data.ToString());
                }

                data.Clear();
                any = false;
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                string value = line[5..];
                value = value.StartsWith(' ') ? value[1..] : value;
                if (any)
                {
                    data.Append('\n');
                }

                data.Append(value);
                any = true;
            }
        }

        if (any)
        {
            payloads.Add(data.ToString());
        }

        return payloads;
    }

    private string Concatenate(string field)
    {
        var text = new StringBuilder();
        if (!Streamed)
        {
            using JsonDocument body = JsonDocument.Parse(Interaction.Response.Body);
            foreach (JsonElement choice in body.RootElement.GetProperty("choices").EnumerateArray())
            {
                if (choice.GetProperty("index").GetInt32() == 0 && choice.GetProperty("message").TryGetProperty(field, out JsonElement value) && value.ValueKind == JsonValueKind.String)
                {
                    text.Append(value.GetString());
                }
            }

            return text.ToString();
        }

        foreach (string payload in ChunkPayloads)
        {
            using JsonDocument chunk = JsonDocument.Parse(payload);
            foreach (JsonElement choice in chunk.RootElement.GetProperty("choices").EnumerateArray())
            {
                if (choice.GetProperty("index").GetInt32() == 0 && choice.GetProperty("delta").TryGetProperty(field, out JsonElement value) && value.ValueKind == JsonValueKind.String)
                {
                    text.Append(value.GetString());
                }
            }
        }

        return text.ToString();
    }
}
