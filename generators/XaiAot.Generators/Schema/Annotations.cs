using XaiAot.Generators.JsonText;

namespace XaiAot.Generators.Schema
{
    /// <summary>Keywords that only document a schema: they become XML docs and <c>[Obsolete]</c>.</summary>
    internal static class Annotations
    {
        /// <summary>The <c>description</c>, else the <c>title</c>.</summary>
        public static string? Doc(JsonTree schema)
        {
            if (schema.Get("description") is { Kind: JsonKind.String } description)
            {
                return description.Text;
            }

            return schema.Get("title") is { Kind: JsonKind.String } title ? title.Text : null;
        }

        public static bool IsDeprecated(JsonTree schema) => schema.Get("deprecated") is { Kind: JsonKind.True };
    }
}
