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
            "JsonSchemas", "StrictJsonSchemas", "SchemaFragments", "Validators", "Checks",
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

        public static string Emit(GenerationSpec spec, string runtime)
        {
            Dictionary<string, string> properties = PropertyNames(spec);
            string context = spec.ContextName;
            var writer = new SourceWriter();
            CSharp.Header(writer, spec.Namespace, runtime);
            writer.Line("using meta = global::System.Text.Json.Serialization.Metadata;");
            writer.Line();
            CSharp.Doc(writer, "JSON metadata for the types generated from " + spec.SchemaFileName + ". Combine it with other resolvers through JsonTypeInfoResolver.Combine.");
            writer.Line(CSharp.GeneratedCode);
            writer.Lines($$"""
                public sealed partial class {{context}} : stj::Serialization.JsonSerializerContext, meta::IJsonTypeInfoResolver
                {
                    private static {{context}}? s_default;

                    /// <summary>A context over default options.</summary>
                    public static {{context}} Default => s_default ??= new {{context}}(new stj::JsonSerializerOptions());

                    public {{context}}() : base(null)
                    {
                    }

                    public {{context}}(stj::JsonSerializerOptions options) : base(options)
                    {
                    }

                    protected override stj::JsonSerializerOptions? GeneratedSerializerOptions => null;

                    private meta::JsonTypeInfo<T> Info<T>() => (meta::JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

                """);
            writer.Indent();
            foreach (TypeSpec type in spec.Types)
            {
                string qualified = CSharp.Qualified(spec, type.Name);
                string property = properties[type.Name];
                writer.Line("private meta::JsonTypeInfo<" + qualified + ">? _" + property + ";");
                CSharp.Obsolete(writer, type.Deprecated);
                writer.Line("public meta::JsonTypeInfo<" + qualified + "> " + property + " => _" + property + " ??= Info<" + qualified + ">();");
            }

            writer.Outdent();
            writer.Lines("""

                    public override meta::JsonTypeInfo? GetTypeInfo(sys::Type type)
                    {
                        Options.TryGetTypeInfo(type, out meta::JsonTypeInfo? typeInfo);
                        return typeInfo;
                    }

                    meta::JsonTypeInfo? meta::IJsonTypeInfoResolver.GetTypeInfo(sys::Type type, stj::JsonSerializerOptions options)
                    {
                """);
            writer.Indent().Indent();
            foreach (TypeSpec type in spec.Types)
            {
                writer.Line("if (type == typeof(" + CSharp.Qualified(spec, type.Name) + ")) return CreateTypeInfo(options, new Converters." + type.Name + "Converter());");
            }

            writer.Outdent().Outdent();
            writer.Lines("""

                        return null;
                    }

                    private meta::JsonTypeInfo<T> CreateTypeInfo<T>(stj::JsonSerializerOptions options, stj::Serialization.JsonConverter<T> converter)
                    {
                        meta::JsonTypeInfo<T> typeInfo = meta::JsonMetadataServices.CreateValueInfo<T>(options, converter);
                        typeInfo.OriginatingResolver = this;
                        return typeInfo;
                    }

                    /// <summary>The generated converters; each is also named by a [JsonConverter] attribute on its type.</summary>
                    public static class Converters
                    {
                """);
            writer.Indent().Indent();
            foreach (TypeSpec type in spec.Types)
            {
                EmitConverter(writer, spec, type);
            }

            writer.Close();
            writer.Close();
            return writer.ToString();
        }

        /// <summary>Reads and writes through the type's JsonRead/JsonWrite; a read error gets its JSON path (rt.Read).</summary>
        private static void EmitConverter(SourceWriter writer, GenerationSpec spec, TypeSpec type)
        {
            string qualified = CSharp.Qualified(spec, type.Name);
            CSharp.Obsolete(writer, type.Deprecated);
            writer.Lines($$"""
                public sealed class {{type.Name}}Converter : stj::Serialization.JsonConverter<{{qualified}}>
                {
                    public override {{qualified}} Read(ref stj::Utf8JsonReader reader, sys::Type typeToConvert, stj::JsonSerializerOptions options) => rt.Read(ref reader, {{qualified}}.JsonRead);
                    public override void Write(stj::Utf8JsonWriter writer, {{qualified}} value, stj::JsonSerializerOptions options) => {{qualified}}.JsonWrite(writer, value);
                }
                """);
        }
    }
}
