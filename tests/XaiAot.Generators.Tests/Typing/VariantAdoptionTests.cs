using System.Collections.Generic;
using System.Linq;
using XaiAot.Generators.Model;
using XaiAot.Generators.Typing;

namespace XaiAot.Generators.Tests.Typing;

/// <summary>The pass that makes discriminated unions' variant records derive from their union.</summary>
public sealed class VariantAdoptionTests
{
    [Fact]
    public void TheFirstUnionAdoptsAVariantAndALaterUnionGetsACopyAtTheEnd()
    {
        List<TypeSpec> adopted = Adopt(out _);

        Assert.Equal(new[] { "Cat", "Dog", "Pet", "Animal", "AnimalCat" }, adopted.Select(spec => spec.Name));
        Assert.Equal("Pet", Object(adopted, "Cat").BaseName);
        Assert.Equal("Pet", Object(adopted, "Dog").BaseName);
        ObjectSpec copy = Object(adopted, "AnimalCat");
        Assert.Equal("Animal", copy.BaseName);
        Assert.Equal(Object(adopted, "Cat").Properties.Select(property => property.JsonName), copy.Properties.Select(property => property.JsonName));
        Assert.Equal(new[] { "AnimalCat" }, Union(adopted, "Animal").Variants.Select(variant => variant.TypeName));
    }

    [Fact]
    public void TheDiscriminatorIsExposedWhenEveryVariantFixesItAndTheVariantsOverrideIt()
    {
        List<TypeSpec> adopted = Adopt(out _);

        Assert.Equal("Kind", Union(adopted, "Pet").DiscriminatorCSharpName);
        Assert.True(Object(adopted, "Cat").Properties.Single(property => property.JsonName == "kind").OverridesDiscriminator);
        Assert.False(Object(adopted, "Cat").Properties.Single(property => property.JsonName == "lives").OverridesDiscriminator);
    }

    [Fact]
    public void ANullableDiscriminatorInOneVariantKeepsItOffTheBase()
    {
        var table = new TypeTable("TestContext");
        var specs = new List<TypeSpec>
        {
            Record("Cat", Kind("cat")),
            Record("Dog", Kind("dog") with { Type = Kind("dog").Type.AsNullable() }),
            DiscriminatedUnion("Pet", new VariantSpec("cat", "Cat"), new VariantSpec("dog", "Dog")),
        };

        List<TypeSpec> adopted = VariantAdoption.Apply(specs, table);

        Assert.Null(Union(adopted, "Pet").DiscriminatorCSharpName);
        Assert.False(Object(adopted, "Cat").Properties.Single().OverridesDiscriminator);
        Assert.Equal("Pet", Object(adopted, "Dog").BaseName);
    }

    [Fact]
    public void UnknownVariantsAreNamedAfterEverySchemaTypeSoSchemaNamesNeverMove()
    {
        List<TypeSpec> adopted = Adopt(out TypeTable table);

        Assert.Equal("UnknownPet2", Union(adopted, "Pet").UnknownName);
        Assert.Equal("UnknownAnimal", Union(adopted, "Animal").UnknownName);
        Assert.Equal("UnknownPet3", table.Claim("UnknownPet"));
    }

    private static List<TypeSpec> Adopt(out TypeTable table)
    {
        table = new TypeTable("TestContext");
        foreach (string name in new[] { "Cat", "Dog", "Pet", "Animal", "UnknownPet" })
        {
            table.Claim(name);
        }

        var specs = new List<TypeSpec>
        {
            Record("Cat", Kind("cat"), Property("lives", new TypeRef(ValueKind.Integer))),
            Record("Dog", Kind("dog")),
            DiscriminatedUnion("Pet", new VariantSpec("cat", "Cat"), new VariantSpec("dog", "Dog")),
            DiscriminatedUnion("Animal", new VariantSpec("cat", "Cat")),
        };
        return VariantAdoption.Apply(specs, table);
    }

    private static PropertySpec Kind(string value) =>
        Property("kind", new TypeRef(ValueKind.Const, Const: new ConstValue(ValueKind.String, "\"" + value + "\"", value)));

    private static PropertySpec Property(string jsonName, TypeRef type) =>
        new(jsonName, char.ToUpperInvariant(jsonName[0]) + jsonName.Substring(1), type, Required: true, Doc: null, DefaultJson: null, Deprecated: false, OverridesDiscriminator: false);

    private static ObjectSpec Record(string name, params PropertySpec[] properties) =>
        new(name, null, false, "/$defs/" + name, properties.ToEquatableArray(), AdditionalMembers.Capture, null, "AdditionalProperties", BaseName: null);

    private static DiscriminatedUnionSpec DiscriminatedUnion(string name, params VariantSpec[] variants) =>
        new(name, null, false, "/$defs/" + name, "kind", DiscriminatorCSharpName: null, variants.ToEquatableArray(), UnknownName: string.Empty);

    private static ObjectSpec Object(List<TypeSpec> specs, string name) => Assert.IsType<ObjectSpec>(specs.Single(spec => spec.Name == name));

    private static DiscriminatedUnionSpec Union(List<TypeSpec> specs, string name) => Assert.IsType<DiscriminatedUnionSpec>(specs.Single(spec => spec.Name == name));
}
