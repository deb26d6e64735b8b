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
            var w = new SourceWriter();
            CSharp.Header(w, spec.Namespace);
            CSharp.Doc(w, type.Doc, "Told apart by the '" + type.DiscriminatorJsonName + "' member: " + expected + ".");
            w.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + converter + "))]");
            w.Line(CSharp.GeneratedCode);
            CSharp.Obsolete(w, type.Deprecated);
            w.Open("public abstract partial record " + name);
            CSharp.Doc(w, "Only the generated variants derive from this record, so every instance can be written.");
            w.Open("private protected " + name + "()");
            w.Close();
            if (type.DiscriminatorCSharpName is not null)
            {
                w.Line();
                CSharp.Doc(w, "The '" + type.DiscriminatorJsonName + "' member that names the variant.");
                w.Line("public abstract string " + type.DiscriminatorCSharpName + " { get; }");
            }

            w.Line();
            w.Line(CSharp.NeverBrowsable);
            w.Open("internal static " + name + " JsonRead(ref " + CSharp.Reader + " reader)");
            w.Open("if (reader.TokenType != " + CSharp.Token + ".StartObject)");
            w.Line("throw " + runtime + ".Unexpected(ref reader, " + CSharp.StringLiteral("an object (" + name + ")") + ");");
            w.Close();
            w.Line();
            w.Line(CSharp.Reader + " probe = reader;");
            w.Open("while (true)");
            w.Line(runtime + ".Next(ref probe);");
            w.Open("if (probe.TokenType == " + CSharp.Token + ".EndObject)");
            w.Line("break;");
            w.Close();
            w.Line();
            w.Line("bool found = probe.ValueTextEquals(" + CSharp.Utf8Literal(type.DiscriminatorJsonName) + ");");
            w.Line(runtime + ".Next(ref probe);");
            w.Open("if (found)");
            w.Open("if (probe.TokenType == " + CSharp.Token + ".String)");
            foreach (VariantSpec variant in type.Variants)
            {
                w.Open("if (probe.ValueTextEquals(" + CSharp.Utf8Literal(variant.Value) + "))");
                w.Line("return " + CSharp.Qualified(spec, variant.TypeName) + ".JsonRead(ref reader);");
                w.Close();
            }

            w.Line();
            w.Line("// A value no variant names (a kind the server added later) is kept whole and written back.");
            w.Line("return new " + CSharp.Qualified(spec, type.UnknownName) + "(" + runtime + ".ReadAny(ref reader));");
            w.Close();
            w.Line();
            w.Line("throw " + runtime + ".UnknownDiscriminator(ref probe, " + CSharp.StringLiteral(type.DiscriminatorJsonName) + ", "
                + CSharp.StringLiteral(name) + ", " + CSharp.StringLiteral(expected) + ");");
            w.Close();
            w.Line();
            w.Line(runtime + ".Skip(ref probe);");
            w.Close();
            w.Line();
            w.Line("throw " + runtime + ".Missing(ref reader, " + CSharp.StringLiteral(type.DiscriminatorJsonName) + ", "
                + CSharp.StringLiteral("one of " + expected) + ", " + CSharp.StringLiteral(name) + ");");
            w.Close();
            w.Line();
            w.Line(CSharp.NeverBrowsable);
            w.Open("internal static void JsonWrite(" + CSharp.Writer + " writer, " + name + " value)");
            w.Open("switch (value)");
            foreach (string variant in type.Variants.Select(v => v.TypeName).Distinct())
            {
                string qualified = CSharp.Qualified(spec, variant);
                w.Line("case " + qualified + " variant:");
                w.Indent().Line(qualified + ".JsonWrite(writer, variant);").Line("return;").Outdent();
            }

            w.Line("case " + CSharp.Qualified(spec, type.UnknownName) + " unknown:");
            w.Indent().Line("unknown.Json.WriteTo(writer);").Line("return;").Outdent();
            w.Line("default:");
            w.Indent().Line("throw new global::System.InvalidOperationException(\"Cannot write \" + value.GetType() + " + CSharp.StringLiteral(" as " + name + ": it is not one of its variants.") + ");").Outdent();
            w.Close();
            w.Close();
            w.Close();
            EmitUnknown(w, type, runtime);
            return w.ToString();
        }

        /// <summary>
        /// The variant for a discriminator value the schema does not name: the object kept as JSON,
        /// so a stream or a document with a new kind of item loses nothing and is written back as it came.
        /// </summary>
        private static void EmitUnknown(SourceWriter w, DiscriminatedUnionSpec type, string runtime)
        {
            w.Line();
            CSharp.Doc(w, "A " + type.Name + " whose '" + type.DiscriminatorJsonName + "' names no variant this schema knows: kept whole as JSON and written back as it came.");
            w.Line(CSharp.GeneratedCode);
            w.Open("public sealed partial record " + type.UnknownName + " : " + type.Name);
            CSharp.Doc(w, "Wraps a JSON object whose '" + type.DiscriminatorJsonName + "' member is a string.");
            w.Line("/// <exception cref=\"global::System.ArgumentException\">The value is not an object with a string '" + type.DiscriminatorJsonName + "' member.</exception>");
            w.Open("public " + type.UnknownName + "(" + CSharp.Element + " json)");
            string discriminator = runtime + ".DiscriminatorOf(json, " + CSharp.StringLiteral(type.DiscriminatorJsonName) + ", " + CSharp.StringLiteral(type.Name) + ")";
            if (type.DiscriminatorCSharpName is null)
            {
                w.Line("_ = " + discriminator + ";");
            }
            else
            {
                w.Line(type.DiscriminatorCSharpName + " = " + discriminator + ";");
            }

            w.Line("Json = json;");
            w.Close();
            if (type.DiscriminatorCSharpName is not null)
            {
                w.Line();
                CSharp.Doc(w, "The '" + type.DiscriminatorJsonName + "' value as it came.");
                w.Line("public override string " + type.DiscriminatorCSharpName + " { get; }");
            }

            w.Line();
            CSharp.Doc(w, "The whole object as it came, discriminator included.");
            w.Line("public " + CSharp.Element + " Json { get; }");
            w.Close();
        }
    }
}
