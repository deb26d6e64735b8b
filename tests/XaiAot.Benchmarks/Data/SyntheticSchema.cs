using System.Globalization;
using System.Text;

namespace XaiAot.Benchmarks.Data;

/// <summary>
/// A JSON Schema with <c>count</c> definitions in the generator's supported subset, in groups of
/// ten: a discriminated union of two objects, the two objects, four plain objects (required and
/// nullable members, arrays, date-times, enum and union references, an <c>anyOf</c> nullable
/// reference to an earlier object), two open enums, one more plain object, and a union told apart by
/// JSON kind.
/// </summary>
public static class SyntheticSchema
{
    public static string Create(int count)
    {
        var json = new StringBuilder(count * 1500);
        json.Append("{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$id\":\"urn:bench:synthetic\",")
            .Append("\"description\":\"Synthetic schema for the generator benchmark.\",\"$defs\":{");
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            int group = i / 10;
            json.Append('"').Append(Name(i)).Append("\":");
            switch (i % 10)
            {
                case 0:
                    json.Append("{\"description\":\"Union ").Append(i).Append(" told apart by kind.\",\"oneOf\":[{\"$ref\":\"#/$defs/")
                        .Append(Name(i + 1)).Append("\"},{\"$ref\":\"#/$defs/").Append(Name(i + 2)).Append("\"}]}");
                    break;
                case 1:
                case 2:
                    Object(json, i, group, discriminator: i % 10 == 1 ? "alpha" : "beta");
                    break;
                case 7:
                case 8:
                    json.Append("{\"description\":\"Open enum ").Append(i).Append(".\",\"type\":\"string\",\"enum\":[\"none\",\"low\",\"medium\",\"high\",\"very_high\",\"unknown_").Append(i).Append("\"]}");
                    break;
                case 9:
                    json.Append("{\"description\":\"A string or a list of items.\",\"oneOf\":[{\"type\":\"string\"},{\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/")
                        .Append(Name(i - 6)).Append("\"}}]}");
                    break;
                default:
                    Object(json, i, group, discriminator: null);
                    break;
            }
        }

        json.Append("}}");
        return json.ToString();
    }

    private static string Name(int i) => (i % 10) switch
    {
        0 => "Union",
        1 or 2 => "Variant",
        7 or 8 => "Level",
        9 => "TextOrItems",
        _ => "Record",
    } + i.ToString("D3", CultureInfo.InvariantCulture);

    private static void Object(StringBuilder json, int i, int group, string? discriminator)
    {
        int enumDef = group * 10 + 7;
        int unionDef = group * 10;
        json.Append("{\"description\":\"Object ").Append(i).Append(" of the synthetic schema.\",\"type\":\"object\",\"properties\":{");
        if (discriminator is not null)
        {
            json.Append("\"kind\":{\"type\":\"string\",\"const\":\"").Append(discriminator).Append("\",\"description\":\"Discriminator.\"},");
        }

        json.Append("\"id\":{\"type\":\"string\",\"description\":\"Identifier.\"},")
            .Append("\"count\":{\"type\":\"integer\",\"description\":\"How many.\"},")
            .Append("\"ratio\":{\"type\":[\"number\",\"null\"],\"description\":\"A fraction, or null.\"},")
            .Append("\"enabled\":{\"type\":\"boolean\",\"default\":true},")
            .Append("\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},")
            .Append("\"created_at\":{\"type\":\"string\",\"format\":\"date-time\"},")
            .Append("\"level\":{\"$ref\":\"#/$defs/").Append(Name(enumDef)).Append("\"},")
            .Append("\"legacy_name\":{\"type\":\"string\",\"deprecated\":true}");
        if (discriminator is null)
        {
            json.Append(",\"shapes\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/").Append(Name(unionDef)).Append("\"}}");
            if (group > 0)
            {
                json.Append(",\"previous\":{\"anyOf\":[{\"$ref\":\"#/$defs/").Append(Name(i - 10)).Append("\"},{\"type\":\"null\"}]}");
            }
        }

        json.Append("},\"required\":[").Append(discriminator is null ? "" : "\"kind\",").Append("\"id\",\"count\"]}");
    }
}
