using System.Linq;
using XaiAot.Generators.Model;

namespace XaiAot.Generators.Emit
{
    /// <summary>
    /// Object variants told apart by a constant member -> an abstract base record whose derived
    /// records are the variants. Reading looks ahead on a copy of the reader for the discriminator,
    /// wherever it stands in the object, then hands the untouched reader to the variant.
    /// </summary>
    internal static class DiscriminatedUnionEmitter
    {
        public static string Emit(GenerationSpec spec, DiscriminatedUnionSpec type, string runtime, string converter)
        {
            string name = type.Name;
            string expected = string.Join(", ", type.Variants.Select(v => CSharp.StringLiteral(v.Value).Replace("\"", "'")));
            var writer = new SourceWriter();
            CSharp.Header(writer, spec.Namespace, runtime);
            CSharp.Doc(writer, type.Doc, "Told apart by the '" + type.DiscriminatorJsonName + "' member: " + expected + ".");
            writer.Line("[stj::Serialization.JsonConverter(typeof(" + converter + "))]");
            writer.Line(CSharp.GeneratedCode);
            CSharp.Obsolete(writer, type.Deprecated);
            writer.Open("public abstract partial record " + name);
            CSharp.Doc(writer, "Only the generated variants derive from this record, so every instance can be written.");
            writer.Open("private protected " + name + "()");
            writer.Close();
            if (type.DiscriminatorCSharpName is not null)
            {
                writer.Line();
                CSharp.Doc(writer, "The '" + type.DiscriminatorJsonName + "' member that names the variant.");
                writer.Line("public abstract string " + type.DiscriminatorCSharpName + " { get; }");
            }

            writer.Line();
            writer.Open("internal static " + name + " JsonRead(ref stj::Utf8JsonReader reader)");
            writer.Open("if (reader.TokenType != " + CSharp.Token + ".StartObject)");
            writer.Line("throw rt.Unexpected(ref reader, " + CSharp.StringLiteral("an object (" + name + ")") + ");");
            writer.Close();
            writer.Line();
            writer.Line("stj::Utf8JsonReader probe = reader;");
            writer.Open("while (true)");
            writer.Line("rt.Next(ref probe);");
            writer.Open("if (probe.TokenType == " + CSharp.Token + ".EndObject)");
            writer.Line("break;");
            writer.Close();
            writer.Line();
            writer.Line("bool found = probe.ValueTextEquals(" + CSharp.Utf8Literal(type.DiscriminatorJsonName) + ");");
            writer.Line("rt.Next(ref probe);");
            writer.Open("if (found)");
            writer.Open("if (probe.TokenType == " + CSharp.Token + ".String)");
            foreach (VariantSpec variant in type.Variants)
            {
                writer.Open("if (probe.ValueTextEquals(" + CSharp.Utf8Literal(variant.Value) + "))");
                writer.Line("return " + CSharp.Qualified(spec, variant.TypeName) + ".JsonRead(ref reader);");
                writer.Close();
            }

            writer.Line();
            writer.Line("// A value no variant names (a kind the server added later) is kept whole and written back.");
            writer.Line("return new " + CSharp.Qualified(spec, type.UnknownName) + "(rt.ReadAny(ref reader));");
            writer.Close();
            writer.Line();
            writer.Line("throw rt.UnknownDiscriminator(ref probe, " + CSharp.StringLiteral(type.DiscriminatorJsonName) + ", "
                + CSharp.StringLiteral(name) + ", " + CSharp.StringLiteral(expected) + ");");
            writer.Close();
            writer.Line();
            writer.Line("rt.Skip(ref probe);");
            writer.Close();
            writer.Line();
            writer.Line("throw rt.Missing(ref reader, " + CSharp.StringLiteral(type.DiscriminatorJsonName) + ", "
                + CSharp.StringLiteral("one of " + expected) + ", " + CSharp.StringLiteral(name) + ");");
            writer.Close();
            writer.Line();
            writer.Open("internal static void JsonWrite(stj::Utf8JsonWriter writer, " + name + " value)");
            writer.Open("switch (value)");
            foreach (string variant in type.Variants.Select(v => v.TypeName).Distinct())
            {
                string qualified = CSharp.Qualified(spec, variant);
                writer.Line("case " + qualified + " variant:");
                writer.Indent().Line(qualified + ".JsonWrite(writer, variant);").Line("return;").Outdent();
            }

            writer.Line("case " + CSharp.Qualified(spec, type.UnknownName) + " unknown:");
            writer.Indent().Line("unknown.Json.WriteTo(writer);").Line("return;").Outdent();
            writer.Line("default:");
            writer.Indent().Line("throw new sys::InvalidOperationException(\"Cannot write \" + value.GetType() + " + CSharp.StringLiteral(" as " + name + ": it is not one of its variants.") + ");").Outdent();
            writer.Close();
            writer.Close();
            writer.Close();
            EmitUnknown(writer, type);
            return writer.ToString();
        }

        /// <summary>
        /// The variant for a discriminator value the schema does not name: the object kept as JSON,
        /// so a stream or a document with a new kind of item loses nothing and is written back as it came.
        /// </summary>
        private static void EmitUnknown(SourceWriter writer, DiscriminatedUnionSpec type)
        {
            writer.Line();
            CSharp.Doc(writer, "A " + type.Name + " whose '" + type.DiscriminatorJsonName + "' names no variant this schema knows: kept whole as JSON and written back as it came.");
            writer.Line(CSharp.GeneratedCode);
            writer.Open("public sealed partial record " + type.UnknownName + " : " + type.Name);
            CSharp.Doc(writer, "Wraps a JSON object whose '" + type.DiscriminatorJsonName + "' member is a string.");
            writer.Line("/// <exception cref=\"global::System.ArgumentException\">The value is not an object with a string '" + type.DiscriminatorJsonName + "' member.</exception>");
            writer.Open("public " + type.UnknownName + "(" + CSharp.Element + " json)");
            string discriminator = "rt.DiscriminatorOf(json, " + CSharp.StringLiteral(type.DiscriminatorJsonName) + ", " + CSharp.StringLiteral(type.Name) + ")";
            if (type.DiscriminatorCSharpName is null)
            {
                writer.Line("_ = " + discriminator + ";");
            }
            else
            {
                writer.Line(type.DiscriminatorCSharpName + " = " + discriminator + ";");
            }

            writer.Line("Json = json;");
            writer.Close();
            if (type.DiscriminatorCSharpName is not null)
            {
                writer.Line();
                CSharp.Doc(writer, "The '" + type.DiscriminatorJsonName + "' value as it came.");
                writer.Line("public override string " + type.DiscriminatorCSharpName + " { get; }");
            }

            writer.Line();
            CSharp.Doc(writer, "The whole object as it came, discriminator included.");
            writer.Line("public " + CSharp.Element + " Json { get; }");
            writer.Close();
        }
    }
}
