using System;
using System.Linq;
using System.Text.Json;

namespace XaiAot.Tests.Support;

/// <summary>Semantic JSON equality (same members, same values, any order) with a message naming the first difference.</summary>
internal static class JsonAssert
{
    public static void SemanticallyEqual(string expected, string actual, string context = "")
    {
        using JsonDocument e = JsonDocument.Parse(expected);
        using JsonDocument a = JsonDocument.Parse(actual);
        if (!JsonElement.DeepEquals(e.RootElement, a.RootElement))
        {
            Assert.Fail(context + " JSON differs at " + FirstDifference(e.RootElement, a.RootElement, "$")
                + "\nexpected: " + Cut(expected) + "\nactual:   " + Cut(actual));
        }
    }

    public static string FirstDifference(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return path + " (" + expected.ValueKind + " vs " + actual.ValueKind + ")";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var names = expected.EnumerateObject().Select(p => p.Name).Union(actual.EnumerateObject().Select(p => p.Name));
                foreach (string name in names)
                {
                    bool inE = expected.TryGetProperty(name, out JsonElement ev);
                    bool inA = actual.TryGetProperty(name, out JsonElement av);
                    if (!inE || !inA)
                    {
                        return path + "." + name + (inE ? " (missing in actual)" : " (unexpected in actual)");
                    }

                    if (!JsonElement.DeepEquals(ev, av))
                    {
                        return FirstDifference(ev, av, path + "." + name);
                    }
                }

                return path;
            case JsonValueKind.Array:
                if (expected.GetArrayLength() != actual.GetArrayLength())
                {
                    return path + " (length " + expected.GetArrayLength() + " vs " + actual.GetArrayLength() + ")";
                }

                for (int i = 0; i < expected.GetArrayLength(); i++)
                {
                    if (!JsonElement.DeepEquals(expected[i], actual[i]))
                    {
                        return FirstDifference(expected[i], actual[i], path + "[" + i + "]");
                    }
                }

                return path;
            default:
                return path + " (" + expected.GetRawText() + " vs " + actual.GetRawText() + ")";
        }
    }

    private static string Cut(string text) => text.Length <= 400 ? text : text.Substring(0, 400) + "…";
}
