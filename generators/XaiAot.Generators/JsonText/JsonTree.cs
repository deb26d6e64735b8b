using System.Collections.Generic;

namespace XaiAot.Generators.JsonText
{
    /// <summary>The JSON kinds a schema file can hold.</summary>
    internal enum JsonKind
    {
        Object,
        Array,
        String,
        Number,
        True,
        False,
        Null,
    }

    /// <summary>
    /// One JSON value of a schema file with where it stands in the file. The generator keeps its own
    /// tree (rather than JsonDocument) because diagnostics must point at the exact keyword, and an
    /// analyzer cannot count on System.Text.Json loading in every compiler host.
    /// </summary>
    internal sealed class JsonTree
    {
        private JsonTree(JsonKind kind, TextPosition position, string? text, List<JsonMember>? members, List<JsonTree>? items)
        {
            Kind = kind;
            Position = position;
            Text = text;
            Members = members;
            Items = items;
        }

        public JsonKind Kind { get; }

        /// <summary>Where the value starts (for objects and arrays: the opening bracket).</summary>
        public TextPosition Position { get; }

        /// <summary>The unescaped string, or the number exactly as written.</summary>
        public string? Text { get; }

        /// <summary>Object members in document order (duplicates kept; lookups take the last).</summary>
        public List<JsonMember>? Members { get; }

        public List<JsonTree>? Items { get; }

        public static JsonTree Scalar(JsonKind kind, TextPosition position, string? text) => new(kind, position, text, null, null);

        public static JsonTree Object(TextPosition position, List<JsonMember> members) => new(JsonKind.Object, position, null, members, null);

        public static JsonTree Array(TextPosition position, List<JsonTree> items) => new(JsonKind.Array, position, null, null, items);

        public bool IsBoolean => Kind == JsonKind.True || Kind == JsonKind.False;

        /// <summary>The member named <paramref name="name"/> (the last one if repeated), or null.</summary>
        public JsonMember? Member(string name)
        {
            if (Members is null)
            {
                return null;
            }

            for (int i = Members.Count - 1; i >= 0; i--)
            {
                if (Members[i].Name == name)
                {
                    return Members[i];
                }
            }

            return null;
        }

        /// <summary>The value of member <paramref name="name"/>, or null.</summary>
        public JsonTree? Get(string name) => Member(name)?.Value;

        /// <summary>A short rendering for messages: strings quoted, containers abbreviated.</summary>
        public string Describe()
        {
            switch (Kind)
            {
                case JsonKind.String: return "\"" + Text + "\"";
                case JsonKind.Number: return Text ?? "0";
                case JsonKind.True: return "true";
                case JsonKind.False: return "false";
                case JsonKind.Null: return "null";
                case JsonKind.Array: return "an array";
                default: return "an object";
            }
        }
    }
}
