using XaiAot.Generators.Naming;

namespace XaiAot.Generators.Tests.Naming;

/// <summary>Collision resolution: first claim wins, later ones are numbered in claim order.</summary>
public sealed class NameScopeTests
{
    [Fact]
    public void LaterClaimsOfATakenNameAreNumberedFromTwo()
    {
        var scope = new NameScope();

        Assert.Equal(new[] { "Item", "Item2", "Item3" }, new[] { scope.Claim("Item"), scope.Claim("Item"), scope.Claim("Item") });
    }

    [Fact]
    public void ANameEndingInADigitGetsAnUnderscoreBeforeItsNumber()
    {
        var scope = new NameScope();
        scope.Claim("V1");

        Assert.Equal("V1_2", scope.Claim("V1"));
    }

    [Fact]
    public void ReservedNamesAreNeverHandedOut()
    {
        var scope = new NameScope(new[] { "Equals", "ToString" });

        Assert.Equal("Equals2", scope.Claim("Equals"));
        Assert.True(scope.IsTaken("ToString"));
        Assert.False(scope.IsTaken("Other"));
    }

    [Fact]
    public void ANumberedNameThatIsAlsoClaimedDirectlyDoesNotCollide()
    {
        var scope = new NameScope();
        scope.Claim("Foo");
        scope.Claim("Foo2");

        Assert.Equal("Foo3", scope.Claim("Foo"));
    }

    [Fact]
    public void TypeNamesCollideIgnoringCaseBecauseTheyBecomeFileNames()
    {
        var types = new NameScope(ignoreCase: true);
        var members = new NameScope();
        types.Claim("Message");
        members.Claim("Message");

        Assert.Equal("MESSAGE2", types.Claim("MESSAGE"));
        Assert.Equal("MESSAGE", members.Claim("MESSAGE"));
    }
}
