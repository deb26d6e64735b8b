using System.Collections.Generic;
using XaiAot.Generators.Model;

namespace XaiAot.Generators.Parsing
{
    /// <summary>
    /// Mutable stand-ins for the type specs while a schema compiles: a type is registered (so
    /// recursive references find it) before its members are known, and a union learns its variants'
    /// final shape only at the end. <see cref="SchemaCompiler"/> freezes them into records.
    /// </summary>
    internal abstract class TypeBuilder
    {
        protected TypeBuilder(string name, string pointer)
        {
            Name = name;
            Pointer = pointer;
        }

        public string Name { get; }

        public string Pointer { get; }

        public string? Doc { get; set; }

        public bool Deprecated { get; set; }
    }

    internal sealed class ObjectBuilder : TypeBuilder
    {
        public ObjectBuilder(string name, string pointer)
            : base(name, pointer)
        {
        }

        public List<PropertySpec> Properties { get; } = new();

        public AdditionalMembers Additional { get; set; } = AdditionalMembers.Capture;

        public TypeRef? AdditionalType { get; set; }

        public string AdditionalPropertyName { get; set; } = "AdditionalProperties";

        public string? BaseName { get; set; }

        /// <summary>The discriminator member overriding its union's abstract property, if any.</summary>
        public string? OverriddenDiscriminator { get; set; }

        public ObjectBuilder CloneAs(string name)
        {
            var clone = new ObjectBuilder(name, Pointer)
            {
                Doc = Doc,
                Deprecated = Deprecated,
                Additional = Additional,
                AdditionalType = AdditionalType,
                AdditionalPropertyName = AdditionalPropertyName,
            };
            clone.Properties.AddRange(Properties);
            return clone;
        }
    }

    internal sealed class EnumBuilder : TypeBuilder
    {
        public EnumBuilder(string name, string pointer)
            : base(name, pointer)
        {
        }

        public List<string> Values { get; } = new();
    }

    internal sealed class KindUnionBuilder : TypeBuilder
    {
        public KindUnionBuilder(string name, string pointer)
            : base(name, pointer)
        {
        }

        public List<(UnionKind Kind, TypeRef Type)> Alternatives { get; } = new();
    }

    internal sealed class DiscriminatedUnionBuilder : TypeBuilder
    {
        public DiscriminatedUnionBuilder(string name, string pointer, string discriminator)
            : base(name, pointer)
        {
            Discriminator = discriminator;
        }

        public string Discriminator { get; }

        public List<(string Value, ObjectBuilder Variant)> Variants { get; } = new();
    }
}
