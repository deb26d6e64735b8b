using System;
using System.Text;
using XaiAot.Generators.JsonText;

namespace XaiAot.Generators.Naming
{
    /// <summary>The names a type asks for, before <see cref="NameScope"/> makes them unique.</summary>
    internal static class TypeNames
    {
        /// <summary>A type name from a schema's own name (a <c>$defs</c> key, a title, a property name).</summary>
        public static string FromSchemaName(string raw) => Identifiers.ToPascalCase(raw, "Type").TrimStart('@');

        /// <summary>A file name without its <c>.schema.json</c> (or <c>.json</c>) suffix: the root type's name when it has no title.</summary>
        public static string FileStem(string fileName)
        {
            string stem = fileName;
            foreach (string suffix in new[] { ".json", ".schema" })
            {
                if (stem.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    stem = stem.Substring(0, stem.Length - suffix.Length);
                }
            }

            return stem;
        }

        /// <summary>
        /// A readable type-name hint from a pointer: the named segments in PascalCase, skipping the
        /// keywords between them (<c>/$defs/Foo/properties/bar</c> -> <c>FooBar</c>).
        /// </summary>
        public static string FromPointer(string pointer)
        {
            if (pointer.Length == 0)
            {
                return "Root";
            }

            var builder = new StringBuilder();
            string[] tokens = pointer.Substring(1).Split('/');
            for (int index = 0; index < tokens.Length; index++)
            {
                string token = JsonPointer.Unescape(tokens[index]);
                switch (token)
                {
                    case "$defs":
                    case "definitions":
                    case "properties":
                        if (index + 1 < tokens.Length)
                        {
                            builder.Append(Identifiers.ToPascalCase(JsonPointer.Unescape(tokens[++index])).TrimStart('@'));
                        }

                        break;
                    case "components" when index + 2 < tokens.Length && tokens[index + 1] == "schemas":
                        index += 2;
                        builder.Append(Identifiers.ToPascalCase(JsonPointer.Unescape(tokens[index])).TrimStart('@'));
                        break;
                    case "items":
                        builder.Append("Item");
                        break;
                    case "additionalProperties":
                        builder.Append("Value");
                        break;
                    case "allOf":
                    case "anyOf":
                    case "oneOf":
                        index++; // skip the index
                        break;
                    default:
                        builder.Append(Identifiers.ToPascalCase(token).TrimStart('@'));
                        break;
                }
            }

            return builder.Length == 0 ? "Root" : builder.ToString();
        }
    }
}
