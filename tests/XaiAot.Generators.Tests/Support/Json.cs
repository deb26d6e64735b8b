using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace XaiAot.Generators.Tests.Support;

/// <summary>Round trips through generated contexts, compared semantically (member order and number spelling aside).</summary>
internal static class Json
{
    /// <summary>Deserializes <paramref name="json"/>, serializes it back and asserts the same JSON value came out.</summary>
    public static T RoundTrip<T>(string json, JsonTypeInfo<T> info)
    {
        T value = JsonSerializer.Deserialize(json, info)!;
        string written = JsonSerializer.Serialize(value, info);
        AssertEquivalent(json, written);
        return value;
    }

    public static void AssertEquivalent(string expected, string actual)
    {
        using JsonDocument left = JsonDocument.Parse(expected);
        using JsonDocument right = JsonDocument.Parse(actual);
        Assert.True(
            JsonElement.DeepEquals(left.RootElement, right.RootElement),
            "JSON differs.\nexpected: " + left.RootElement.GetRawText() + "\nactual:   " + actual);
    }

    /// <summary>Deserializing must fail; returns the message (which names member, expectation and path).</summary>
    public static string ReadError<T>(string json, JsonTypeInfo<T> info)
    {
        JsonException error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, info));
        return error.Message;
    }
}
