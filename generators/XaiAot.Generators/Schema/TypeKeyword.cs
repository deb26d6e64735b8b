using System;
using System.Collections.Generic;
using XaiAot.Generators.JsonText;

namespace XaiAot.Generators.Schema
{
    /// <summary>The <c>type</c> keyword (a name or an array of names) and <c>format: date-time</c>.</summary>
    internal static class TypeKeyword
    {
        /// <summary>The JSON Schema type names listed (unknown names dropped); null when there is no <c>type</c>.</summary>
        public static HashSet<string>? Names(JsonTree schema)
        {
            JsonTree? type = schema.Get("type");
            if (type is null)
            {
                return null;
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            if (type.Kind == JsonKind.String)
            {
                names.Add(type.Text!);
            }
            else if (type.Kind == JsonKind.Array)
            {
                foreach (JsonTree item in type.Items!)
                {
                    if (item.Kind == JsonKind.String)
                    {
                        names.Add(item.Text!);
                    }
                }
            }

            names.RemoveWhere(name => name is not ("string" or "integer" or "number" or "boolean" or "object" or "array" or "null"));
            return names;
        }

        public static bool IsDateTime(JsonTree schema) => schema.Get("format") is { Kind: JsonKind.String, Text: "date-time" };

        /// <summary>True for a JSON number written without fraction or exponent (<c>3</c>, not <c>3.0</c>).</summary>
        public static bool IsIntegerText(string number) => number.IndexOfAny(new[] { '.', 'e', 'E' }) < 0;
    }
}
