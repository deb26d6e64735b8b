using System;
using System.Collections.Generic;
using System.Text.Json;
using XaiAot.Generators.Tests.Features.AllOf;
using XaiAot.Generators.Tests.Features.Arrays;
using XaiAot.Generators.Tests.Features.Consts;
using XaiAot.Generators.Tests.Features.Discriminated;
using XaiAot.Generators.Tests.Features.Enums;
using XaiAot.Generators.Tests.Features.KindUnions;
using XaiAot.Generators.Tests.Features.Maps;
using XaiAot.Generators.Tests.Features.Naming;
using XaiAot.Generators.Tests.Features.Nullables;
using XaiAot.Generators.Tests.Features.Objects;
using XaiAot.Generators.Tests.Features.Refs;
using XaiAot.Generators.Tests.Features.Wide;
using XaiAot.Generators.Tests.Support;

namespace XaiAot.Generators.Tests;

/// <summary>
/// Sample JSON through the types the generator compiled into this assembly (from Schemas/), read
/// and written back, compared semantically: unknown members at every level, unknown enum values,
/// explicit nulls versus absent members, unions, and the errors bad input gets.
/// </summary>
public sealed class RoundTripTests
{
    // ------------------------------------------------------------------ objects

    [Fact]
    public void ObjectKeepsEveryMemberIncludingUnknownOnesAtEveryLevel()
    {
        const string json = """
            {"id": 7, "name": "Ada", "height": 1.65, "active": false, "born_at": "1815-12-10T00:00:00Z",
             "nickname": "Countess", "address": {"street": "St James's Square", "city": "London", "zip": {"code": "SW1"}},
             "tags": ["math", "poetry"], "metadata": {"a": [1, {"b": null}]}, "anything": [true, "x", 1.5],
             "extra_number": 12345678901234567890, "extra_obj": {"deep": {"deeper": [null]}}, "extra_null": null}
            """;
        Person person = Json.RoundTrip(json, ObjectsJsonContext.Default.Person);
        Assert.Equal(7, person.Id);
        Assert.Equal("Ada", person.Name);
        Assert.Equal(1.65, person.Height);
        Assert.False(person.Active);
        Assert.Equal(new DateTimeOffset(1815, 12, 10, 0, 0, 0, TimeSpan.Zero), person.BornAt!.Value.ToDateTimeOffset());
        Assert.Equal("London", person.Address!.City);
        Assert.Equal("SW1", person.Address.AdditionalProperties!["zip"].GetProperty("code").GetString());
        Assert.Equal(new[] { "math", "poetry" }, person.Tags);
        Assert.Equal(JsonValueKind.Object, person.Metadata!.Value.ValueKind);
        Assert.Equal(JsonValueKind.Array, person.Anything!.Value.ValueKind);
        Assert.Equal(3, person.AdditionalProperties!.Count);
        Assert.Equal("12345678901234567890", person.AdditionalProperties["extra_number"].GetRawText());
    }

    [Fact]
    public void ExplicitNullComesBackAsNullAndAbsentStaysAbsent()
    {
        Json.RoundTrip("""{"id": 1, "name": "a", "height": null, "tags": null, "anything": null}""", ObjectsJsonContext.Default.Person);
        Person minimal = Json.RoundTrip("""{"id": 1, "name": "a"}""", ObjectsJsonContext.Default.Person);
        Assert.Null(minimal.Height);
        Assert.Null(minimal.AdditionalProperties);
        Assert.Equal("""{"id":1,"name":"a"}""", JsonSerializer.Serialize(minimal, ObjectsJsonContext.Default.Person));
    }

    [Fact]
    public void ObjectBuiltInCodeIsWrittenWithSchemaNames()
    {
        var person = new Person
        {
            Id = 3,
            Name = "Grace",
            BornAt = new DateTimeOffset(1906, 12, 9, 12, 30, 0, TimeSpan.Zero),
            Address = new PersonAddress { City = "NYC" },
            AdditionalProperties = new Dictionary<string, JsonElement> { ["x"] = JsonDocument.Parse("[1]").RootElement },
        };
        Json.AssertEquivalent(
            """{"id":3,"name":"Grace","born_at":"1906-12-09T12:30:00Z","address":{"city":"NYC"},"x":[1]}""",
            JsonSerializer.Serialize(person, ObjectsJsonContext.Default.Person));
    }

    [Fact]
    public void DateTimeWithOffsetRoundTrips()
    {
        Person person = Json.RoundTrip("""{"id": 1, "name": "a", "born_at": "2024-02-29T23:59:59.5+05:30"}""", ObjectsJsonContext.Default.Person);
        Assert.Equal(TimeSpan.FromMinutes(330), person.BornAt!.Value.ToDateTimeOffset().Offset);
    }

    [Fact]
    public void MissingRequiredMemberNamesMemberExpectationAndPath()
    {
        string message = Json.ReadError("""{"name": "a"}""", ObjectsJsonContext.Default.Person);
        Assert.Contains("'id'", message, StringComparison.Ordinal);
        Assert.Contains("an integer", message, StringComparison.Ordinal);
        Assert.Contains("Path: $.id", message, StringComparison.Ordinal);

        message = Json.ReadError("""{"id": 1, "name": "a", "address": {"street": "x"}}""", ObjectsJsonContext.Default.Person);
        Assert.Contains("Missing required member 'city' (a string) of PersonAddress", message, StringComparison.Ordinal);
        Assert.Contains("Path: $.address.city", message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongTokenTypeNamesExpectationFoundValueAndPath()
    {
        string message = Json.ReadError("""{"id": "7", "name": "a"}""", ObjectsJsonContext.Default.Person);
        Assert.Contains("Expected an integer but found the string \"7\"", message, StringComparison.Ordinal);
        Assert.Contains("Path: $.id", message, StringComparison.Ordinal);

        message = Json.ReadError("""{"id": 1, "name": "a", "tags": ["x", 2]}""", ObjectsJsonContext.Default.Person);
        Assert.Contains("Expected a string but found the number 2", message, StringComparison.Ordinal);
        Assert.Contains("Path: $.tags[1]", message, StringComparison.Ordinal);

        message = Json.ReadError("""{"id": 1, "name": "a", "metadata": 5}""", ObjectsJsonContext.Default.Person);
        Assert.Contains("Expected an object but found the number 5", message, StringComparison.Ordinal);
        Assert.Contains("Path: $.metadata", message, StringComparison.Ordinal);

        message = Json.ReadError("""{"id": 1.5, "name": "a"}""", ObjectsJsonContext.Default.Person);
        Assert.Contains("integer", message, StringComparison.Ordinal);

        // format is an annotation: a string that is no date-time is kept (Shapes/ShapesRoundTripTests); another kind is not.
        message = Json.ReadError("""{"id": 1, "name": "a", "born_at": 5}""", ObjectsJsonContext.Default.Person);
        Assert.Contains("Expected a date-time string but found the number 5", message, StringComparison.Ordinal);
        Assert.Contains("Path: $.born_at", message, StringComparison.Ordinal);

        message = Json.ReadError("""[1]""", ObjectsJsonContext.Default.Person);
        Assert.Contains("Expected an object (Person) but found an array", message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeprecatedMembersStillRoundTrip()
    {
#pragma warning disable CS0618 // deprecated in the schema: [Obsolete] is the point of the test
        Legacy legacy = Json.RoundTrip("""{"x": "old"}""", ObjectsJsonContext.Default.Legacy);
        Assert.Equal("old", legacy.X);
        Assert.NotNull(typeof(Legacy).GetCustomAttributes(typeof(ObsoleteAttribute), false).Length == 1 ? legacy : null);
        Assert.Single(typeof(Person).GetProperty(nameof(Person.Nickname))!.GetCustomAttributes(typeof(ObsoleteAttribute), false));
#pragma warning restore CS0618
    }

    [Fact]
    public void EscapedMemberNamesAreMatched()
    {
        Person person = JsonSerializer.Deserialize("""{"\u0069d": 5, "na\u006De": "x", "born\u005fat": null}""", ObjectsJsonContext.Default.Person)!;
        Assert.Equal(5, person.Id);
        Assert.Equal("x", person.Name);
        Assert.Null(person.AdditionalProperties);
    }

    // ------------------------------------------------------------------ nullables

    [Fact]
    public void NullableViaTypeArraysAnyOfAndOpenApiNullable()
    {
        const string json = """{"label": null, "count": null, "unit": null, "place": null, "note": null, "when": null}""";
        Reading reading = Json.RoundTrip(json, NullablesJsonContext.Default.Reading);
        Assert.Null(reading.Label);
        Assert.Null(reading.Unit);

        reading = Json.RoundTrip(
            """{"label": "t", "count": 3, "unit": {"symbol": "°C"}, "place": {"lat": 1.5, "lon": -2}, "note": "n", "flag": true, "when": "2020-01-01T00:00:00Z"}""",
            NullablesJsonContext.Default.Reading);
        Assert.Equal("°C", reading.Unit!.Symbol);
        Assert.Equal(-2, reading.Place!.Lon);

        // Required and nullable: null is fine, absent is not; both are always written.
        Assert.Contains("'unit'", Json.ReadError("""{"label": null}""", NullablesJsonContext.Default.Reading), StringComparison.Ordinal);
        Json.AssertEquivalent("""{"label":null,"unit":null}""", JsonSerializer.Serialize(new Reading { Label = null, Unit = null }, NullablesJsonContext.Default.Reading));
    }

    [Fact]
    public void NullForNonNullableMemberIsAnError()
    {
        string message = Json.ReadError("""{"label": null, "unit": {"symbol": null}}""", NullablesJsonContext.Default.Reading);
        Assert.Contains("Expected a string but found null", message, StringComparison.Ordinal);
        Assert.Contains("Path: $.unit.symbol", message, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ refs

    [Fact]
    public void RecursiveTypesAndLocalPointerReferences()
    {
        const string json = """
            {"name": "root", "kind": "branch", "owner": {"email": "a@b.c", "x": 1},
             "children": [
               {"name": "a", "kind": "leaf", "u1": true},
               {"name": "b", "children": [{"name": "b1", "parent": {"name": "loop"}, "kind": "twig"}]}],
             "u0": {"z": []}}
            """;
        TreeNode root = Json.RoundTrip(json, RefsJsonContext.Default.TreeNode);
        Assert.Equal("b1", root.Children![1].Children![0].Name);
        Assert.Equal(Kind.Branch, root.Kind);
        Assert.False(root.Children[1].Children![0].Kind!.Value.IsKnown);
        Assert.IsType<AccountOwner>(root.Owner);

        Account account = Json.RoundTrip("""{"owner": {"email": "e"}, "root": {"name": "r"}}""", RefsJsonContext.Default.Account);
        Assert.Equal("r", account.Root!.Name);
    }

    [Fact]
    public void ErrorPathThroughRecursiveArrays()
    {
        string message = Json.ReadError(
            """{"name": "r", "children": [{"name": "a"}, {"name": "b", "children": [{"name": 5}]}]}""",
            RefsJsonContext.Default.TreeNode);
        Assert.Contains("Path: $.children[1].children[0].name", message, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ arrays

    [Fact]
    public void ArraysOfScalarsObjectsArraysAndNullableItems()
    {
        const string json = """
            {"rows": [[1, 2.5], [], [3]], "labels": ["a", null, "c"], "points": [{"x": 1, "y": 2, "z": 3}],
             "untyped": [1, "two", null, {"three": 3}], "stamps": ["2021-06-01T10:00:00Z"]}
            """;
        Matrix matrix = Json.RoundTrip(json, ArraysJsonContext.Default.Matrix);
        Assert.Equal(3, matrix.Rows.Count);
        Assert.Empty(matrix.Rows[1]);
        Assert.Null(matrix.Labels![1]);
        Assert.Equal(4, matrix.Untyped!.Count);

        // Long arrays grow past the inline first item and the pooled buffer.
        string many = "{\"rows\": [[" + string.Join(",", System.Linq.Enumerable.Range(0, 100)) + "]]}";
        Assert.Equal(100, Json.RoundTrip(many, ArraysJsonContext.Default.Matrix).Rows[0].Count);
    }

    [Fact]
    public void ArrayErrorsNameTheIndexAtEveryDepth()
    {
        string message = Json.ReadError("""{"rows": [[1], [2, "x"]]}""", ArraysJsonContext.Default.Matrix);
        Assert.Contains("Expected a number but found the string \"x\"", message, StringComparison.Ordinal);
        Assert.Contains("Path: $.rows[1][1]", message, StringComparison.Ordinal);

        message = Json.ReadError("""{"rows": [], "points": [{"x": 1, "y": 1}, {"x": 1, "y": 1}, {"x": 1}]}""", ArraysJsonContext.Default.Matrix);
        Assert.Contains("Missing required member 'y' (an integer) of MatrixPointsItem", message, StringComparison.Ordinal);
        Assert.Contains("Path: $.points[2].y", message, StringComparison.Ordinal);

        message = Json.ReadError("""{"rows": [], "labels": ["a"], "bogus": [1, 2, 3], "points": 5}""", ArraysJsonContext.Default.Matrix);
        Assert.Contains("Path: $.points |", message, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ enums

    [Fact]
    public void OpenEnumsKeepUnknownValues()
    {
        Paint paint = Json.RoundTrip("""{"color": "ultraviolet", "kind": "paint", "palette": ["red", "infrared", "dark-green", ""]}""", EnumsJsonContext.Default.Paint);
        Assert.False(paint.Color.IsKnown);
        Assert.Equal("ultraviolet", paint.Color.Value);
        Assert.Equal(Color.Red, paint.Palette![0]);
        Assert.Same(Color.Red.Value, paint.Palette[0].Value);
        Assert.Equal(Color.DarkGreen, paint.Palette[2]);
        Assert.Equal(Color.Empty, paint.Palette[3]);
        Assert.True(paint.Palette[3].IsKnown);
        Assert.Equal("Value", Color.Value2.Value);
        Assert.Equal(7, Color.KnownValues.Count);
        Assert.Equal("ultraviolet", JsonSerializer.Deserialize("\"ultra\\u0076iolet\"", EnumsJsonContext.Default.Color).Value);
    }

    [Fact]
    public void EnumWithNullIsNullableAndOneValueEnumIsAConstant()
    {
        Paint paint = Json.RoundTrip("""{"color": "red", "kind": "paint", "finish": null}""", EnumsJsonContext.Default.Paint);
        Assert.Null(paint.Finish);
        paint = Json.RoundTrip("""{"color": "red", "kind": "paint", "finish": "satin"}""", EnumsJsonContext.Default.Paint);
        Assert.Equal("satin", paint.Finish!.Value.Value);
        Assert.Equal("paint", paint.Kind);

        // A one-value enum is a constant: another value is kept and written back, not an error.
        Assert.Equal("varnish", Json.RoundTrip("""{"color": "red", "kind": "varnish"}""", EnumsJsonContext.Default.Paint).Kind);

        string message = Json.ReadError("""{"color": 1, "kind": "paint"}""", EnumsJsonContext.Default.Paint);
        Assert.Contains("Expected a string (Color) but found the number 1", message, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ consts

    [Fact]
    public void ConstantsAreWrittenByDefaultAndAnotherValueReadIsKept()
    {
        Envelope envelope = Json.RoundTrip("""{"object": "envelope", "version": 2, "ratio": 1.5, "sealed": true, "body": "hi"}""", ConstsJsonContext.Default.Envelope);
        Assert.Equal("envelope", envelope.Object);
        Assert.Null(envelope.Stamp); // absent on the wire stays absent
        Json.RoundTrip("""{"object": "envelope", "version": 2, "ratio": 1.5, "sealed": true, "stamp": "first-class"}""", ConstsJsonContext.Default.Envelope);
        Json.RoundTrip("""{"object": "envelope", "version": 2, "ratio": 1.5, "sealed": true, "stamp": null}""", ConstsJsonContext.Default.Envelope);

        Json.AssertEquivalent(
            """{"object":"envelope","version":2,"ratio":1.5,"sealed":true,"stamp":"first-class"}""",
            JsonSerializer.Serialize(new Envelope(), ConstsJsonContext.Default.Envelope));

        // Read leniently, write what was read: a server that bends a constant (Azure AI Foundry's
        // "object":"" prelude) loses nothing, on every kind of constant.
        Envelope bent = Json.RoundTrip("""{"object": "", "version": 3, "ratio": 2, "sealed": false, "stamp": "second"}""", ConstsJsonContext.Default.Envelope);
        Assert.Equal(string.Empty, bent.Object);
        Assert.Equal(3, bent.Version);
        Assert.Equal(2, bent.Ratio);
        Assert.False(bent.Sealed);
        Assert.Equal("second", bent.Stamp);

        // The expected value is the schema's own string instance: no allocation per read.
        Assert.Same(new Envelope().Object, envelope.Object);

        // A value of another JSON kind cannot be held by the member's type: still a clear error.
        string message = Json.ReadError("""{"object": 1, "version": 2, "ratio": 1.5, "sealed": true}""", ConstsJsonContext.Default.Envelope);
        Assert.Contains("Expected a string (the constant \"envelope\") but found the number 1", message, StringComparison.Ordinal);
        Assert.Contains("Path: $.object", message, StringComparison.Ordinal);
        Assert.Contains("Expected true or false but found the string", Json.ReadError("""{"object": "envelope", "version": 2, "ratio": 1.5, "sealed": "yes"}""", ConstsJsonContext.Default.Envelope), StringComparison.Ordinal);
        Assert.Contains("Missing required member 'object' (the constant \"envelope\")", Json.ReadError("""{"version": 2, "ratio": 1.5, "sealed": true}""", ConstsJsonContext.Default.Envelope), StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ kind unions

    [Theory]
    [InlineData("\"text\"")]
    [InlineData("42")]
    [InlineData("-9223372036854775808")]
    [InlineData("4.25")]
    [InlineData("1e300")]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("[\"a\", \"b\"]")]
    [InlineData("[]")]
    [InlineData("{\"key\": \"k\", \"value\": \"v\", \"more\": [1]}")]
    public void KindUnionHoldsEachKind(string value)
    {
        Holder holder = Json.RoundTrip("{\"value\": " + value + ", \"values\": [" + value + ", 1, \"s\"]}", KindunionsJsonContext.Default.Holder);
        Assert.True(value[0] switch
        {
            '"' => holder.Value.IsString,
            '[' => holder.Value.IsArray,
            '{' => holder.Value.IsPair,
            't' or 'f' => holder.Value.IsBoolean,
            _ => value.Contains('.', StringComparison.Ordinal) || value.Contains('e', StringComparison.Ordinal) ? holder.Value.IsNumber : holder.Value.IsInteger,
        });
        if (value[0] is not ('[' or '{'))
        {
            Assert.Equal(holder.Value, holder.Values![0]); // scalars compare by value; lists and records by reference
        }
    }

    [Fact]
    public void KindUnionAccessorsConversionsAndErrors()
    {
        Value value = 5L;
        Assert.True(value.IsInteger);
        Assert.Equal(5, value.AsInteger);
        Assert.Throws<InvalidOperationException>(() => value.AsString);
        Assert.True(value.TryGetInteger(out long integer) && integer == 5);
        Assert.False(value.TryGetPair(out _));
        Value pair = new Pair { Key = "k" };
        Assert.Equal("k", pair.AsPair.Key);
        Value array = new[] { "a" };
        Assert.Equal("a", array.AsArray[0]);
        Assert.NotEqual(value, (Value)5.0);
        Assert.Equal(value, (Value)5L);

        Holder holder = Json.RoundTrip("""{"value": "a", "maybe": null, "id": 12, "stop": ["x", "y"], "mode": "auto"}""", KindunionsJsonContext.Default.Holder);
        Assert.Null(holder.Maybe);
        Assert.True(holder.Id!.Value.IsInteger);
        Assert.True(holder.Stop!.Value.IsArray);
        Assert.Equal(HolderMode.Auto, holder.Mode);
        holder = Json.RoundTrip("""{"value": "a", "maybe": 3, "id": "abc", "stop": "x", "mode": "manual"}""", KindunionsJsonContext.Default.Holder);
        Assert.Equal(3, holder.Maybe!.Value.AsInteger);
        Assert.Equal("abc", holder.Id!.Value.AsString);
        Assert.False(holder.Mode!.Value.IsKnown);

        string message = Json.ReadError("""{"value": null}""", KindunionsJsonContext.Default.Holder);
        Assert.Contains("Expected a string or an integer or a number or true or false or an array or an object (Pair) (Value) but found null", message, StringComparison.Ordinal);
        Assert.Contains("Path: $.value", message, StringComparison.Ordinal);

        message = Json.ReadError("""{"value": ["a", 1]}""", KindunionsJsonContext.Default.Holder);
        Assert.Contains("Path: $.value[1]", message, StringComparison.Ordinal);

        message = Json.ReadError("""{"value": 1, "values": [1, {"value": "v"}]}""", KindunionsJsonContext.Default.Holder);
        Assert.Contains("Missing required member 'key'", message, StringComparison.Ordinal);
        Assert.Contains("Path: $.values[1].key", message, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ discriminated unions

    [Theory]
    [InlineData("""{"type": "circle", "radius": 2}""")]
    [InlineData("""{"radius": 2, "type": "circle"}""")]
    [InlineData("""{"radius": 2, "type": "circle", "color": "red"}""")]
    [InlineData("""{"x": {"type": "square"}, "type": "circle", "radius": 2, "y": ["type"]}""")]
    public void DiscriminatorIsFoundWhereverItStands(string circle)
    {
        Shape shape = Json.RoundTrip(circle, DiscriminatedJsonContext.Default.Shape);
        Circle c = Assert.IsType<Circle>(shape);
        Assert.Equal(2, c.Radius);
        Assert.Equal("circle", shape.Type);
    }

    [Fact]
    public void NestedDiscriminatedUnionsAndMappings()
    {
        const string json = """
            {"shapes": [{"type": "group", "members": [{"type": "square", "side": 1}, {"members": [], "type": "group"}]}, {"type": "circle", "radius": 0.5}],
             "main": {"side": 3, "type": "square"}, "pet": {"pet_type": "kitty", "lives": 9, "purrs": true}}
            """;
        Drawing drawing = Json.RoundTrip(json, DiscriminatedJsonContext.Default.Drawing);
        Group group = Assert.IsType<Group>(drawing.Shapes[0]);
        Assert.IsType<Square>(group.Members[0]);
        Assert.IsType<Cat>(drawing.Pet);
        Assert.IsType<Dog>(Json.RoundTrip("""{"good": true, "pet_type": "dog"}""", DiscriminatedJsonContext.Default.Pet));
        Assert.IsType<Cat>(Json.RoundTrip("""{"pet_type": "cat"}""", DiscriminatedJsonContext.Default.Pet));
        Json.RoundTrip("""{"shapes": [], "pet": null}""", DiscriminatedJsonContext.Default.Drawing);

        Json.AssertEquivalent(
            """{"shapes":[{"type":"circle","radius":1}]}""",
            JsonSerializer.Serialize(new Drawing { Shapes = new Shape[] { new Circle { Radius = 1 } } }, DiscriminatedJsonContext.Default.Drawing));
    }

    [Fact]
    public void UnknownDiscriminatorIsKeptAsAnUnknownVariantAndWrittenBack()
    {
        const string json = """{"shapes": [{"type": "circle", "radius": 1}, {"type": "triangle", "sides": [3, 4, 5], "extra": {"a": null}}]}""";
        Drawing drawing = Json.RoundTrip(json, DiscriminatedJsonContext.Default.Drawing);
        Assert.IsType<Circle>(drawing.Shapes[0]);
        UnknownShape unknown = Assert.IsType<UnknownShape>(drawing.Shapes[1]);
        Assert.Equal("triangle", unknown.Type);
        Assert.Equal(5, unknown.Json.GetProperty("sides")[2].GetInt32());
        Json.AssertEquivalent("""{"type":"triangle","sides":[3,4,5],"extra":{"a":null}}""", JsonSerializer.Serialize<Shape>(unknown, DiscriminatedJsonContext.Default.Shape));

        // Built by hand, it must still say which variant it is.
        Assert.Equal("hexagon", new UnknownShape(JsonDocument.Parse("""{"type":"hexagon"}""").RootElement).Type);
        Assert.Throws<ArgumentException>(() => new UnknownShape(JsonDocument.Parse("""{"type":6}""").RootElement));
        Assert.Throws<ArgumentException>(() => new UnknownShape(JsonDocument.Parse("[]").RootElement));
    }

    [Fact]
    public void MissingOrNonStringDiscriminatorIsAnError()
    {
        string message = Json.ReadError("""{"shapes": [{"type": "circle", "radius": 1}, {"type": 5}]}""", DiscriminatedJsonContext.Default.Drawing);
        Assert.Contains("Discriminator 'type' of Shape must be a string", message, StringComparison.Ordinal);
        Assert.Contains("'circle', 'square', 'group'", message, StringComparison.Ordinal);
        Assert.Contains("the number 5", message, StringComparison.Ordinal);
        Assert.Contains("Path: $.shapes[1].type", message, StringComparison.Ordinal);

        message = Json.ReadError("""{"radius": 1}""", DiscriminatedJsonContext.Default.Shape);
        Assert.Contains("Missing required member 'type' (one of 'circle', 'square', 'group') of Shape", message, StringComparison.Ordinal);
        Assert.Contains("Path: $.type", message, StringComparison.Ordinal);

        message = Json.ReadError("""{"type": "circle"}""", DiscriminatedJsonContext.Default.Shape);
        Assert.Contains("Missing required member 'radius' (a number) of Circle", message, StringComparison.Ordinal);

        // A variant read on its own still checks the discriminator that names it.
        message = Json.ReadError("""{"type": "square", "side": 1, "members": 1}""", DiscriminatedJsonContext.Default.Group);
        Assert.Contains("Expected the constant \"group\" but found the string \"square\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AVariantSharedByTwoUnionsIsCopiedForTheSecond()
    {
        // Circle derives from Shape; Round (the second union using Circle) gets RoundCircle.
        Assert.Equal(typeof(Shape), typeof(Circle).BaseType);
        Assert.Equal(typeof(Round), typeof(RoundCircle).BaseType);
        Round round = Json.RoundTrip("""{"type": "circle", "radius": 1, "x": null}""", DiscriminatedJsonContext.Default.Round);
        Assert.Equal(1, Assert.IsType<RoundCircle>(round).Radius);
        Assert.IsType<Ellipse>(Json.RoundTrip("""{"rx": 1, "ry": 2, "type": "ellipse"}""", DiscriminatedJsonContext.Default.Round));
        Drawing drawing = Json.RoundTrip("""{"shapes": [{"type": "circle", "radius": 3}], "round": {"type": "circle", "radius": 4}}""", DiscriminatedJsonContext.Default.Drawing);
        Assert.IsType<Circle>(drawing.Shapes[0]);
        Assert.IsType<RoundCircle>(drawing.Round);
        Assert.Equal("square", Assert.IsType<UnknownRound>(Json.RoundTrip("""{"type": "square", "side": 1}""", DiscriminatedJsonContext.Default.Round)).Json.GetProperty("type").GetString());
    }

    // ------------------------------------------------------------------ many members

    [Fact]
    public void MoreThanSixtyFourRequiredAndOptionalMembers()
    {
        var json = new System.Text.StringBuilder("{");
        for (int i = 0; i < 70; i++)
        {
            json.Append(System.Globalization.CultureInfo.InvariantCulture, $"\"r{i:D2}\": {i}, ");
        }

        for (int i = 0; i < 70; i += 2)
        {
            json.Append(System.Globalization.CultureInfo.InvariantCulture, $"\"o{i:D2}\": {(i % 4 == 0 ? "null" : "\"s\"")}, ");
        }

        string body = json.ToString();
        Wide wide = Json.RoundTrip(body + "\"list\": []}", WideJsonContext.Default.Wide);
        Assert.Equal(69, wide.R69);
        Assert.Null(wide.O64);
        Assert.Equal("s", wide.O66);

        // The 67th required member is checked through the second bit mask.
        string message = Json.ReadError(body.Replace("\"r66\": 66, ", string.Empty, StringComparison.Ordinal) + "\"list\": []}", WideJsonContext.Default.Wide);
        Assert.Contains("Missing required member 'r66' (an integer) of Wide", message, StringComparison.Ordinal);
        Assert.Contains("Path: $.r66", message, StringComparison.Ordinal);
        message = Json.ReadError(body + "\"list\": [" + body + "\"list\": [], \"r69\": \"x\"}]}", WideJsonContext.Default.Wide);
        Assert.Contains("Path: $.list[0].r69", message, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ allOf

    [Fact]
    public void AllOfMergesPropertiesAndRequiredMembers()
    {
        Item item = Json.RoundTrip("""{"id": "i1", "name": "n", "price": 9.99, "created": "2022-01-01T00:00:00Z", "sku": "x"}""", AllofJsonContext.Default.Item);
        Assert.Equal("i1", item.Id);
        Assert.Equal(9.99, item.Price);
        Assert.Equal("x", item.AdditionalProperties!["sku"].GetString());
        Assert.Contains("'name'", Json.ReadError("""{"id": "i1", "price": 1}""", AllofJsonContext.Default.Item), StringComparison.Ordinal);
        Assert.Contains("'id'", Json.ReadError("""{"name": "n", "price": 1}""", AllofJsonContext.Default.Item), StringComparison.Ordinal);
        Wrapper wrapper = Json.RoundTrip("""{"item": {"id": "i", "name": "n", "price": 0}}""", AllofJsonContext.Default.Wrapper);
        Assert.Equal("i", wrapper.Item!.Id);
    }

    // ------------------------------------------------------------------ additionalProperties

    [Fact]
    public void TypedMapsAndTypedAdditionalMembers()
    {
        Config config = Json.RoundTrip(
            """{"labels": {"a": "1", "b": ""}, "limits": {"cpu": 2}, "nested": {"k": [{"a": "x"}], "e": []}, "loose": {"q": [1]}, "zz": 1}""",
            MapsJsonContext.Default.Config);
        Assert.Equal("1", config.Labels!["a"]);
        Assert.Equal(2, config.Limits!["cpu"]);
        Assert.Equal("x", config.Nested!["k"][0].A);

        Scores scores = Json.RoundTrip("""{"total": 3, "math": 1.5, "art": null, "music": 2}""", MapsJsonContext.Default.Scores);
        Assert.Equal(3, scores.Total);
        Assert.Equal(1.5, scores.AdditionalProperties!["math"]);
        Assert.Null(scores.AdditionalProperties["art"]);

        string message = Json.ReadError("""{"limits": {"cpu": 1, "mem": "lots"}}""", MapsJsonContext.Default.Config);
        Assert.Contains("Expected an integer but found the string \"lots\"", message, StringComparison.Ordinal);
        Assert.Contains("Path: $.limits.mem", message, StringComparison.Ordinal);

        message = Json.ReadError("""{"nested": {"k": [{"a": "x"}, {"a": 1}]}}""", MapsJsonContext.Default.Config);
        Assert.Contains("Path: $.nested.k[1].a", message, StringComparison.Ordinal);

        message = Json.ReadError("""{"total": 1, "art": "A+"}""", MapsJsonContext.Default.Scores);
        Assert.Contains("Expected a number but found the string \"A+\"", message, StringComparison.Ordinal);
        Assert.Contains("Path: $.art", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AdditionalPropertiesFalseRejectsUnknownMembers()
    {
        Json.RoundTrip("""{"a": "x"}""", MapsJsonContext.Default.Strict);
        string message = Json.ReadError("""{"nested": {"k": [{"a": "x", "b": 1}]}}""", MapsJsonContext.Default.Config);
        Assert.Contains("Unexpected member 'b'", message, StringComparison.Ordinal);
        Assert.Contains("Path: $.nested.k[0].b", message, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ naming

    [Fact]
    public void OddNamesRoundTrip()
    {
        const string json = """
            {"snake_case_name": "1", "kebab-case-name": "2", "camelCaseName": "3", "$ref": "4", "2fa": true, "class": "6", "type": "7",
             "foo_bar": "8", "fooBar": "9", "naming_case": "10", "AdditionalProperties": "11", "JsonRead": "12", "first": {"x": "13"},
             "First": {"y": "14"}, "child": {"name": "15"}, "Child": {"z": "16"}, "with space": "17", "UPPER_SNAKE": "18", "é_accent": "19", "": "20",
             "unknown": 21}
            """;
        NamingCase value = Json.RoundTrip(json, NamingJsonContext.Default.NamingCase);
        Assert.Equal("1", value.SnakeCaseName);
        Assert.Equal("2", value.KebabCaseName);
        Assert.Equal("3", value.CamelCaseName);
        Assert.Equal("4", value.Ref);
        Assert.True(value._2fa);
        Assert.Equal("6", value.Class);
        Assert.Equal("7", value.Type);
        Assert.Equal("8", value.FooBar);
        Assert.Equal("9", value.FooBar2);
        Assert.Equal("10", value.NamingCase2);
        Assert.Equal("11", value.AdditionalProperties);
        Assert.Equal("12", value.JsonRead2);
        Assert.Equal("13", value.First!.X);
        Assert.Equal("14", value.First2!.Y);
        Assert.Equal("15", value.Child!.Name);
        Assert.Equal("16", value.Child2!.Z);
        Assert.Equal("17", value.WithSpace);
        Assert.Equal("18", value.UpperSnake);
        Assert.Equal("19", value.ÉAccent);
        Assert.Equal("20", value.Value);
        Assert.Equal(21, value.AdditionalProperties2!["unknown"].GetInt32());
        Json.RoundTrip("""{"value": "v"}""", NamingJsonContext.Default.Class);
        Json.RoundTrip("""{"code": "c"}""", NamingJsonContext.Default._2fa);
        Json.RoundTrip("""{"a": "c"}""", NamingJsonContext.Default.FooBar);
        Json.RoundTrip("""{"b": "c"}""", NamingJsonContext.Default.FooBar2);
    }

    // ------------------------------------------------------------------ context

    [Fact]
    public void ContextWorksWithOptionsAndResolverCombination()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(ObjectsJsonContext.Default, EnumsJsonContext.Default) };
        var personInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<Person>)options.GetTypeInfo(typeof(Person));
        var colorInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<Color>)options.GetTypeInfo(typeof(Color));
        Person person = JsonSerializer.Deserialize("""{"id": 1, "name": "x"}""", personInfo)!;
        Assert.Equal(1, person.Id);
        Assert.Equal(Color.Red, JsonSerializer.Deserialize("\"red\"", colorInfo));
        Assert.Equal("\"red\"", JsonSerializer.Serialize(Color.Red, colorInfo));
        var context = new ObjectsJsonContext(new JsonSerializerOptions());
        Assert.Null(context.GetTypeInfo(typeof(int)));
        Assert.NotNull(context.GetTypeInfo(typeof(Person)));
    }

    [Fact]
    public void TruncatedAndMalformedInputIsAJsonException()
    {
        Json.ReadError("""{"id": 1, "name": "a", "tags": ["x" """, ObjectsJsonContext.Default.Person);
        Json.ReadError("""{"id": 1, "name": "a",}""", ObjectsJsonContext.Default.Person);
        Json.ReadError("""{"type": "circle", "radius": }""", DiscriminatedJsonContext.Default.Shape);
    }
}
