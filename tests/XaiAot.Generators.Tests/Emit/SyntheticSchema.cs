using System.Globalization;
using System.Text;

namespace XaiAot.Generators.Tests;

/// <summary>
/// A large, deterministic schema in the style of an OpenAPI document's components: objects of 4 to
/// 14 members mixing scalars, nullable members, inline string enums, arrays and maps of other
/// definitions, a few kind unions and discriminated unions, descriptions on about a third. Used to
/// measure generated code per type (and, written to disk, the build time of a consuming project).
/// </summary>
internal static class SyntheticSchema
{
    public static string Generate(int definitions)
    {
        var random = new Lcg(12345);
        var text = new StringBuilder();
        text.Append("{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n  \"$defs\": {\n");
        for (int i = 0; i < definitions; i++)
        {
            string name = Name(i);
            text.Append("    \"").Append(name).Append("\": ");
            if (i % 50 == 49)
            {
                // A discriminated union over two earlier definitions' shapes.
                text.Append("{ \"oneOf\": [")
                    .Append("{ \"type\": \"object\", \"properties\": { \"kind\": { \"const\": \"a\" }, \"value\": { \"type\": \"string\" } }, \"required\": [\"kind\"] }, ")
                    .Append("{ \"type\": \"object\", \"properties\": { \"kind\": { \"const\": \"b\" }, \"count\": { \"type\": \"integer\" } }, \"required\": [\"kind\"] }")
                    .Append("] }");
            }
            else if (i % 25 == 24)
            {
                text.Append("{ \"oneOf\": [ { \"type\": \"string\" }, { \"type\": \"array\", \"items\": { \"type\": \"string\" } } ] }");
            }
            else
            {
                text.Append("{ \"type\": \"object\"");
                if (random.Next(3) == 0)
                {
                    text.Append(", \"description\": \"The ").Append(name).Append(" resource.\"");
                }

                int members = 4 + random.Next(11);
                text.Append(", \"properties\": {");
                var required = new StringBuilder();
                for (int m = 0; m < members; m++)
                {
                    string member = MemberNames[random.Next(MemberNames.Length)] + "_" + m.ToString(CultureInfo.InvariantCulture);
                    text.Append(m == 0 ? " " : ", ").Append('"').Append(member).Append("\": ").Append(Member(random, i));
                    if (random.Next(3) == 0)
                    {
                        required.Append(required.Length == 0 ? string.Empty : ", ").Append('"').Append(member).Append('"');
                    }
                }

                text.Append(" }");
                if (required.Length > 0)
                {
                    text.Append(", \"required\": [").Append(required).Append(']');
                }

                text.Append(" }");
            }

            text.Append(i == definitions - 1 ? "\n" : ",\n");
        }

        text.Append("  }\n}\n");
        return text.ToString();
    }

    private static readonly string[] MemberNames =
    {
        "id", "name", "created_at", "status", "amount", "currency", "labels", "items", "owner", "enabled",
        "description", "count", "score", "parent", "metadata", "url", "type", "kind", "tags", "limits",
    };

    private static string Name(int i) => "Resource" + i.ToString(CultureInfo.InvariantCulture);

    private static string Ref(Lcg random, int self) => "{ \"$ref\": \"#/$defs/" + Name(random.Next(self + 1 > 1 ? self + 1 : 1)) + "\" }";

    private static string Member(Lcg random, int self)
    {
        string? description = random.Next(3) == 0 ? ", \"description\": \"What this member means.\"" : null;
        string core = random.Next(20) switch
        {
            0 or 1 or 2 or 3 => "\"type\": \"string\"",
            4 or 5 => "\"type\": \"integer\"",
            6 => "\"type\": \"number\"",
            7 => "\"type\": \"boolean\"",
            8 => "\"type\": [\"string\", \"null\"]",
            9 => "\"type\": \"string\", \"format\": \"date-time\"",
            10 => "\"type\": \"string\", \"enum\": [\"active\", \"inactive\", \"pending\"]",
            11 or 12 => "\"type\": \"array\", \"items\": " + Ref(random, self),
            13 => "\"type\": \"array\", \"items\": { \"type\": \"string\" }",
            14 => "\"type\": \"object\", \"additionalProperties\": { \"type\": \"string\" }",
            15 => "\"type\": \"object\", \"additionalProperties\": " + Ref(random, self),
            16 => "\"anyOf\": [" + Ref(random, self) + ", { \"type\": \"null\" }]",
            _ => "\"allOf\": [" + Ref(random, self) + "]",
        };
        return "{ " + core + description + " }";
    }

    /// <summary>A tiny deterministic generator (the same schema on every machine and runtime).</summary>
    private sealed class Lcg
    {
        private ulong _state;

        public Lcg(ulong seed) => _state = seed;

        public int Next(int bound)
        {
            _state = (_state * 6364136223846793005UL) + 1442695040888963407UL;
            return (int)((_state >> 33) % (ulong)bound);
        }
    }
}
