using System.Globalization;
using System.Linq;
using XaiAot.Generators.Model;

namespace XaiAot.Generators.Emit
{
    /// <summary>
    /// The <c>patternProperties</c> maps of a record (<see cref="ObjectSpec.PatternMaps"/>): a static
    /// array of patterns and a typed dictionary property per map; the reader tries the patterns on a
    /// member no named property took, before <c>additionalProperties</c> applies; the writer writes the
    /// maps after the named members. Called by <see cref="ObjectEmitter"/> at each of those places.
    /// </summary>
    internal static class PatternMapEmitter
    {
        public static void EmitFields(SourceWriter writer, ObjectSpec type)
        {
            for (int index = 0; index < type.PatternMaps.Count; index++)
            {
                string patterns = string.Join(", ", type.PatternMaps[index].Patterns.Select(p =>
                    "new(" + CSharp.StringLiteral(p.Pattern) + ", " + CSharp.StringLiteral(p.DotNetPattern) + ")"));
                writer.Line("private static readonly rt.Pattern[] " + Patterns(index) + " = { " + patterns + " };");
            }
        }

        /// <param name="first">True until a property has been written (each after the first is set off by a blank line).</param>
        public static void EmitProperties(SourceWriter writer, GenerationSpec spec, ObjectSpec type, ref bool first)
        {
            foreach (PatternMapSpec map in type.PatternMaps)
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                string patterns = string.Join(", ", map.Patterns.Select(p => "'" + p.Pattern + "'"));
                CSharp.Doc(writer, "Members whose names match " + patterns + " (patternProperties), written back after the named ones.");
                writer.Line("public scg::IReadOnlyDictionary<string, " + ValueType(spec, map) + ">? " + map.PropertyName + " { get; init; }");
            }
        }

        public static void EmitLocals(SourceWriter writer, GenerationSpec spec, ObjectSpec type)
        {
            for (int index = 0; index < type.PatternMaps.Count; index++)
            {
                writer.Line("scg::Dictionary<string, " + ValueType(spec, type.PatternMaps[index]) + ">? " + Local(index) + " = null;");
            }
        }

        /// <summary>After <c>member</c> holds the name of a member no property took.</summary>
        public static void EmitRead(SourceWriter writer, ObjectSpec type, ValueCodec codec)
        {
            for (int index = 0; index < type.PatternMaps.Count; index++)
            {
                writer.Line("if (rt.Matches(member, " + Patterns(index) + ")) { rt.Next(ref reader); (" + Local(index) + " ??= new(sys::StringComparer.Ordinal))[member] = "
                    + codec.ReadNullable(type.PatternMaps[index].ValueType) + "; continue; }");
            }
        }

        public static void EmitAssignments(SourceWriter writer, ObjectSpec type)
        {
            for (int index = 0; index < type.PatternMaps.Count; index++)
            {
                writer.Line("    " + type.PatternMaps[index].PropertyName + " = " + Local(index) + ",");
            }
        }

        public static void EmitWrite(SourceWriter writer, ObjectSpec type, ValueCodec codec, bool hasNames)
        {
            for (int index = 0; index < type.PatternMaps.Count; index++)
            {
                PatternMapSpec map = type.PatternMaps[index];
                writer.Line("rt.WritePatterned(writer, value." + map.PropertyName + ", " + (hasNames ? "s_names" : "null") + ", " + Patterns(index) + ", "
                    + CSharp.StringLiteral(type.Name) + ", " + CSharp.StringLiteral(map.PropertyName) + ", " + codec.ItemWriter(map.ValueType, "w") + ");");
            }
        }

        private static string ValueType(GenerationSpec spec, PatternMapSpec map) => CSharp.TypeOf(spec, map.ValueType, map.ValueType.Nullable);

        private static string Patterns(int index) => "s_patterns" + index.ToString(CultureInfo.InvariantCulture);

        private static string Local(int index) => "patterns" + index.ToString(CultureInfo.InvariantCulture);
    }
}
