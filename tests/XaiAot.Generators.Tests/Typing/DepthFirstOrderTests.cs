using System.Collections.Generic;
using System.Linq;
using XaiAot.Generators.Model;
using XaiAot.Generators.Typing;

namespace XaiAot.Generators.Tests.Typing;

/// <summary>The pass that puts the work queue's breadth-first finds back in depth-first order.</summary>
public sealed class DepthFirstOrderTests
{
    [Fact]
    public void EachTypeComesBeforeTheTypesItsMembersNameInMemberOrder()
    {
        var specs = new List<TypeSpec> { Record("A", "B", "C"), Record("B", "D"), Record("C"), Record("D", "A"), Record("Orphan") };

        List<TypeSpec> ordered = DepthFirstOrder.Apply(specs, new[] { Named("A") });

        Assert.Equal(new[] { "A", "B", "D", "C", "Orphan" }, ordered.Select(spec => spec.Name));
    }

    [Fact]
    public void ArraysAndMapsAreFollowedToTheTypeTheyHold()
    {
        var specs = new List<TypeSpec> { Record("Other"), Record("Held") };
        var root = new TypeRef(ValueKind.Array, Element: new TypeRef(ValueKind.Map, Element: Named("Held")));

        List<TypeSpec> ordered = DepthFirstOrder.Apply(specs, new[] { root, Named("Other") });

        Assert.Equal(new[] { "Held", "Other" }, ordered.Select(spec => spec.Name));
    }

    [Fact]
    public void AChainOfTypesTensOfThousandsLongNeedsNoStack()
    {
        const int length = 50_000;
        List<TypeSpec> specs = Enumerable.Range(0, length).Select(index => (TypeSpec)(index + 1 < length ? Record("T" + index, "T" + (index + 1)) : Record("T" + index))).Reverse().ToList();

        List<TypeSpec> ordered = DepthFirstOrder.Apply(specs, new[] { Named("T0") });

        Assert.Equal(Enumerable.Range(0, length).Select(index => "T" + index), ordered.Select(spec => spec.Name));
    }

    private static TypeRef Named(string name) => new(ValueKind.Named, false, name, NamedKind.Object);

    private static ObjectSpec Record(string name, params string[] propertyTypes) =>
        new(
            name,
            null,
            false,
            "#/" + name,
            propertyTypes.Select(type => new PropertySpec(type.ToLowerInvariant(), type, Named(type), false, null, null, false, false)).ToEquatableArray(),
            AdditionalMembers.Capture,
            null,
            "AdditionalProperties",
            BaseName: null);
}
