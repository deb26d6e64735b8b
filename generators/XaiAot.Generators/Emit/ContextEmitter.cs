using System.Collections.Generic;
using System.Linq;
using XaiAot.Generators.Model;
using XaiAot.Generators.Naming;

namespace XaiAot.Generators.Emit
{
    /// <summary>
    /// The <c>JsonSerializerContext</c> of one schema: a <c>JsonTypeInfo&lt;T&gt;</c> property per
    /// generated type, each wrapping the generated converter with <c>JsonMetadataServices.CreateValueInfo</c>
    /// (no reflection, nothing for the trimmer to warn about), plus the converters themselves.
    /// </summary>
    internal static class ContextEmitter
    {
        private static readonly string[] ReservedMembers =
        {
            "Default", "Options", "GetTypeInfo", "GeneratedSerializerOptions", "Converters", "SchemaRuntime", "CreateTypeInfo",
            "JsonSchemas", "StrictJsonSchemas", "SchemaFragments",
            "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
        };

        /// <summary>The property name each type gets on the context (its own name unless that is taken).</summary>
        public static Dictionary<string, string> PropertyNames(GenerationSpec spec)
        {
            var scope = new NameScope(ReservedMembers);
            scope.Claim(spec.ContextName);
            return spec.Types.ToDictionary(t => t.Name, t => scope.Claim(t.Name));
        }

        public static string ConverterName(GenerationSpec spec, string typeName) =>
            CSharp.Qualified(spec, spec.ContextName) + ".Converters." + typeName + "Converter";

        public static string RuntimeName(GenerationSpec spec) => CSharp.Qualified(spec, spec.ContextName) + ".SchemaRuntime";

        public static string Emit(GenerationSpec spec)
        {
            Dictionary<string, string> properties = PropertyNames(spec);
            string context = spec.ContextName;
            const string Options = "global::System.Text.Json.JsonSerializerOptions";
            const string Metadata = "global::System.Text.Json.Serialization.Metadata";
            var w = new SourceWriter();
            CSharp.Header(w, spec.Namespace);
            CSharp.Doc(w, "JSON metadata for the types generated from " + spec.SchemaFileName + ". Combine it with other resolvers through JsonTypeInfoResolver.Combine.");
            w.Line(CSharp.GeneratedCode);
            w.Open("public sealed partial class " + context + " : global::System.Text.Json.Serialization.JsonSerializerContext, " + Metadata + ".IJsonTypeInfoResolver");
            w.Line("private static " + context + "? s_default;");
            w.Line();
            CSharp.Doc(w, "A context over default options.");
            w.Line("public static " + context + " Default => s_default ??= new " + context + "(new " + Options + "());");
            w.Line();
            w.Open("public " + context + "() : base(null)");
            w.Close();
            w.Line();
            w.Open("public " + context + "(" + Options + " options) : base(options)");
            w.Close();
            w.Line();
            w.Line("protected override " + Options + "? GeneratedSerializerOptions => null;");
            foreach (TypeSpec type in spec.Types)
            {
                string qualified = CSharp.Qualified(spec, type.Name);
                string property = properties[type.Name];
                w.Line();
                w.Line("private " + Metadata + ".JsonTypeInfo<" + qualified + ">? _" + property + ";");
                w.Line();
                CSharp.Doc(w, "Metadata for " + type.Name + ".");
                CSharp.Obsolete(w, type.Deprecated);
                w.Line("public " + Metadata + ".JsonTypeInfo<" + qualified + "> " + property + " => _" + property
                    + " ??= (" + Metadata + ".JsonTypeInfo<" + qualified + ">)Options.GetTypeInfo(typeof(" + qualified + "));");
            }

            w.Line();
            w.Open("public override " + Metadata + ".JsonTypeInfo? GetTypeInfo(global::System.Type type)");
            w.Line("Options.TryGetTypeInfo(type, out " + Metadata + ".JsonTypeInfo? typeInfo);");
            w.Line("return typeInfo;");
            w.Close();
            w.Line();
            w.Open(Metadata + ".JsonTypeInfo? " + Metadata + ".IJsonTypeInfoResolver.GetTypeInfo(global::System.Type type, " + Options + " options)");
            foreach (TypeSpec type in spec.Types)
            {
                string qualified = CSharp.Qualified(spec, type.Name);
                w.Open("if (type == typeof(" + qualified + "))");
                w.Line("return CreateTypeInfo(options, new Converters." + type.Name + "Converter());");
                w.Close();
                w.Line();
            }

            w.Line("return null;");
            w.Close();
            w.Line();
            w.Open("private " + Metadata + ".JsonTypeInfo<T> CreateTypeInfo<T>(" + Options + " options, global::System.Text.Json.Serialization.JsonConverter<T> converter)");
            w.Line(Metadata + ".JsonTypeInfo<T> typeInfo = " + Metadata + ".JsonMetadataServices.CreateValueInfo<T>(options, converter);");
            w.Line("typeInfo.OriginatingResolver = this;");
            w.Line("return typeInfo;");
            w.Close();
            w.Line();
            CSharp.Doc(w, "The generated converters; each is also named by a [JsonConverter] attribute on its type.");
            w.Open("public static class Converters");
            bool first = true;
            foreach (TypeSpec type in spec.Types)
            {
                if (!first)
                {
                    w.Line();
                }

                first = false;
                EmitConverter(w, spec, type);
            }

            w.Close();
            w.Close();
            return w.ToString();
        }

        private static void EmitConverter(SourceWriter w, GenerationSpec spec, TypeSpec type)
        {
            string qualified = CSharp.Qualified(spec, type.Name);
            string runtime = RuntimeName(spec);
            CSharp.Doc(w, "Reads and writes " + type.Name + " with Utf8JsonReader and Utf8JsonWriter; errors name the member, what was expected and the JSON path.");
            CSharp.Obsolete(w, type.Deprecated);
            w.Open("public sealed class " + type.Name + "Converter : global::System.Text.Json.Serialization.JsonConverter<" + qualified + ">");
            w.Open("public override " + qualified + " Read(ref " + CSharp.Reader + " reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)");
            w.Open("try");
            w.Line("return " + qualified + ".JsonRead(ref reader);");
            w.Close();
            w.Open("catch (global::System.Exception ex) when (ex is global::System.Text.Json.JsonException or global::System.InvalidOperationException)");
            w.Line("throw " + runtime + ".Complete(ex);");
            w.Close();
            w.Close();
            w.Line();
            w.Line("public override void Write(" + CSharp.Writer + " writer, " + qualified + " value, global::System.Text.Json.JsonSerializerOptions options) => "
                + qualified + ".JsonWrite(writer, value);");
            w.Close();
        }
    }
}
