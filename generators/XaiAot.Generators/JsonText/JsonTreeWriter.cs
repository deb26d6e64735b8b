using System.Globalization;
using System.Text;

namespace XaiAot.Generators.JsonText
{
    /// <summary>Compact JSON text of a <see cref="JsonTree"/>, for documenting defaults and constants.</summary>
    internal static class JsonTreeWriter
    {
        public static string ToJson(JsonTree value)
        {
            var builder = new StringBuilder();
            Write(builder, value);
            return builder.ToString();
        }

        public static string Quote(string value)
        {
            var builder = new StringBuilder(value.Length + 2);
            WriteString(builder, value);
            return builder.ToString();
        }

        private static void Write(StringBuilder builder, JsonTree value)
        {
            switch (value.Kind)
            {
                case JsonKind.Object:
                    builder.Append('{');
                    for (int i = 0; i < value.Members!.Count; i++)
                    {
                        if (i > 0)
                        {
                            builder.Append(',');
                        }

                        WriteString(builder, value.Members[i].Name);
                        builder.Append(':');
                        Write(builder, value.Members[i].Value);
                    }

                    builder.Append('}');
                    break;
                case JsonKind.Array:
                    builder.Append('[');
                    for (int i = 0; i < value.Items!.Count; i++)
                    {
                        if (i > 0)
                        {
                            builder.Append(',');
                        }

                        Write(builder, value.Items[i]);
                    }

                    builder.Append(']');
                    break;
                case JsonKind.String:
                    WriteString(builder, value.Text!);
                    break;
                default:
                    builder.Append(value.Describe());
                    break;
            }
        }

        private static void WriteString(StringBuilder builder, string value)
        {
            builder.Append('"');
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        if (c < 0x20)
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            builder.Append('"');
        }
    }
}
