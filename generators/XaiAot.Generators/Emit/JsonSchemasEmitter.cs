using System.Collections.Generic;
using System.Globalization;
using System.Text;
using XaiAot.Generators.Model;

namespace XaiAot.Generators.Emit
{
    /// <summary>
    /// <c>{Context}.JsonSchemas</c> and <c>{Context}.StrictJsonSchemas</c>: per generated type, the
    /// self-contained JSON Schema it came from (UTF-8, what it refers to gathered under <c>$defs</c>),
    /// so a request can carry exactly the schema its answer type was generated from. Each type's
    /// fragment is stored once and joined with the fragments it reaches on first use, then kept.
    /// </summary>
    internal static class JsonSchemasEmitter
    {
        public static string Emit(GenerationSpec spec, string runtime)
        {
            Dictionary<string, string> properties = ContextEmitter.PropertyNames(spec);
            var writer = new SourceWriter();
            CSharp.Header(writer, spec.Namespace, runtime);
            writer.Open("partial class " + spec.ContextName);

            WriteAccessors(writer, spec, properties, strict: false);
            writer.Line();
            WriteAccessors(writer, spec, properties, strict: true);
            writer.Line();
            WriteFragments(writer, spec);

            writer.Close();
            return writer.ToString();
        }

        private static void WriteAccessors(SourceWriter writer, GenerationSpec spec, Dictionary<string, string> properties, bool strict)
        {
            CSharp.Doc(writer, strict
                ? "Per generated object type, its JSON Schema in the form structured-output strict modes require: every object closed (additionalProperties false) with every property required, the optional ones nullable. A type that cannot take that form has none (diagnostic XAOT0110 says why)."
                : "Per generated type, the JSON Schema it was generated from, self-contained (what it refers to is gathered under $defs): send it as a structured-output schema or as a tool's parameters.");
            writer.Open("public static class " + (strict ? "StrictJsonSchemas" : "JsonSchemas"));
            bool first = true;
            for (int index = 0; index < spec.Schemas.Count; index++)
            {
                TypeSchemaSpec schema = spec.Schemas[index];
                if (strict && !schema.StrictRoot)
                {
                    continue;
                }

                if (!first)
                {
                    writer.Line();
                }

                first = false;
                string field = "s_" + index.ToString(CultureInfo.InvariantCulture);
                string call = "SchemaFragments.Join(" + index.ToString(CultureInfo.InvariantCulture) + ", strict: " + (strict ? "true" : "false") + ")";
                writer.Line("private static byte[]? " + field + ";");
                writer.Line("/// <summary>The JSON Schema of <see cref=\"" + CSharp.Qualified(spec, schema.TypeName) + "\"/>.</summary>");
                writer.Line("public static sys::ReadOnlySpan<byte> " + properties[schema.TypeName] + " => " + field + " ??= " + call + ";");
            }

            writer.Close();
        }

        // Every fragment and type name is one slice of a single UTF-8 literal, found through a table of
        // ints; both compile to data in the assembly (no code per type). A switch with an arm per
        // fragment, the first shape, made a 1,000-definition project's build take over 20 minutes:
        // the compiler and the trim analyzers walk such a method arm by arm, and not linearly.
        private static void WriteFragments(SourceWriter writer, GenerationSpec spec)
        {
            var text = new StringBuilder();
            var table = new StringBuilder();
            var dependencies = new StringBuilder();
            int bytes = 0;
            int dependencyCount = 0;

            string? previous = null;
            int previousStart = 0;
            void Slice(string? value)
            {
                if (value is null)
                {
                    table.Append("-1, 0, ");
                    return;
                }

                if (value == previous)
                {
                    // A strict form that equals the plain one (an enum, an object already closed) is stored once.
                    table.Append(previousStart.ToString(CultureInfo.InvariantCulture)).Append(", ").Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(", ");
                    return;
                }

                previous = value;
                previousStart = bytes;
                int length = Encoding.UTF8.GetByteCount(value);
                table.Append(bytes.ToString(CultureInfo.InvariantCulture)).Append(", ").Append(length.ToString(CultureInfo.InvariantCulture)).Append(", ");
                text.Append(value);
                bytes += length;
            }

            foreach (TypeSchemaSpec schema in spec.Schemas)
            {
                Slice(schema.Json);
                Slice(schema.StrictJson);
                Slice(schema.TypeName);
                table.Append(dependencyCount.ToString(CultureInfo.InvariantCulture)).Append(", ").Append(schema.Dependencies.Count.ToString(CultureInfo.InvariantCulture)).Append(',');
                foreach (int dependency in schema.Dependencies)
                {
                    dependencies.Append(dependencies.Length == 0 ? string.Empty : ", ").Append(dependency.ToString(CultureInfo.InvariantCulture));
                    dependencyCount++;
                }

                table.Append('\n');
            }

            writer.Line("/// <summary>Each type's schema fragment, stored once; <see cref=\"Join\"/> gathers what one refers to.</summary>");
            writer.Line("[sys::ComponentModel.EditorBrowsable(sys::ComponentModel.EditorBrowsableState.Never)]");
            writer.Open("private static class SchemaFragments");

            writer.Line("public static byte[] Join(int root, bool strict)");
            writer.Lines(JoinBody);
            writer.Line();

            writer.Line("// Per type: fragment start and length, strict fragment start and length (-1 when none), name start and length, first dependency and count.");
            writer.Line("private static sys::ReadOnlySpan<int> Table => new int[]");
            writer.Open("{");
            foreach (string row in table.ToString().Split('\n'))
            {
                if (row.Length > 0)
                {
                    writer.Line(row);
                }
            }

            writer.Close(";");
            writer.Line();
            writer.Line("private static sys::ReadOnlySpan<int> DependencyList => new int[] { " + dependencies + " };");
            writer.Line();
            writer.Line("private static sys::ReadOnlySpan<byte> Text => " + CSharp.Utf8Literal(text.ToString()) + ";");
            writer.Line();
            writer.Lines(Accessors);
            writer.Close();
        }

        // Slices of Text and DependencyList, read through Table (8 ints per type).
        private const string Accessors = """
private static sys::ReadOnlySpan<byte> Fragment(int index, bool strict)
{
    int column = index * 8 + (strict ? 2 : 0);
    return Table[column] < 0 ? Fragment(index, strict: false) : Text.Slice(Table[column], Table[column + 1]);
}

private static sys::ReadOnlySpan<byte> Name(int index) => Text.Slice(Table[index * 8 + 4], Table[index * 8 + 5]);

private static sys::ReadOnlySpan<int> Dependencies(int index) => DependencyList.Slice(Table[index * 8 + 6], Table[index * 8 + 7]);
""";

        // The root fragment is an object; the fragments it reaches (breadth first, each once, the
        // root too when it refers to itself) go under "$defs" by type name, which its $refs name.
        private const string JoinBody = """
{
    var reached = new scg::List<int>();
    var seen = new scg::HashSet<int>();
    var queue = new scg::Queue<int>();
    foreach (int first in Dependencies(root))
    {
        queue.Enqueue(first);
    }

    while (queue.Count > 0)
    {
        int next = queue.Dequeue();
        if (seen.Add(next))
        {
            reached.Add(next);
            foreach (int further in Dependencies(next))
            {
                queue.Enqueue(further);
            }
        }
    }

    sys::ReadOnlySpan<byte> head = Fragment(root, strict);
    if (reached.Count == 0 || head.Length < 2 || head[0] != (byte)'{')
    {
        return head.ToArray();
    }

    using var joined = new sys::IO.MemoryStream(head.Length * 2);
    joined.Write(head.Slice(0, head.Length - 1));
    joined.Write(head.Length > 2 ? ",\"$defs\":{"u8 : "\"$defs\":{"u8);
    for (int i = 0; i < reached.Count; i++)
    {
        joined.Write(i > 0 ? ",\""u8 : "\""u8);
        joined.Write(Name(reached[i]));
        joined.Write("\":"u8);
        joined.Write(Fragment(reached[i], strict));
    }

    joined.Write("}}"u8);
    return joined.ToArray();
}
""";
    }
}
