using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace XaiAot.Recording.Tests;

/// <summary>
/// Compares two YAML texts by content (keys, values, nesting), ignoring styles, indentation and
/// key order: "nothing lost" means the trees are equal.
/// </summary>
internal static class YamlTree
{
    public static YamlNode Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Single().RootNode;
    }

    /// <summary>Null when equal, else the path of the first difference.</summary>
    public static string? FirstDifference(YamlNode a, YamlNode b, string path = "")
    {
        switch (a)
        {
            case YamlMappingNode ma when b is YamlMappingNode mb:
                if (ma.Children.Count != mb.Children.Count)
                {
                    return $"{path}: {ma.Children.Count} keys vs {mb.Children.Count} ({string.Join(",", ma.Children.Keys)} | {string.Join(",", mb.Children.Keys)})";
                }

                foreach (KeyValuePair<YamlNode, YamlNode> pair in ma.Children)
                {
                    if (!mb.Children.TryGetValue(pair.Key, out YamlNode? other))
                    {
                        return $"{path}.{pair.Key}: missing";
                    }

                    if (FirstDifference(pair.Value, other, $"{path}.{pair.Key}") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case YamlSequenceNode sa when b is YamlSequenceNode sb:
                if (sa.Children.Count != sb.Children.Count)
                {
                    return $"{path}: {sa.Children.Count} items vs {sb.Children.Count}";
                }

                for (int i = 0; i < sa.Children.Count; i++)
                {
                    if (FirstDifference(sa.Children[i], sb.Children[i], $"{path}[{i}]") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case YamlScalarNode xa when b is YamlScalarNode xb:
                return ScalarValue(xa) == ScalarValue(xb) ? null : $"{path}: '{xa.Value}' vs '{xb.Value}'";
            default:
                return $"{path}: {a.NodeType} vs {b.NodeType}";
        }
    }

    // A plain empty/~/null scalar is YAML null whatever its spelling.
    private static string? ScalarValue(YamlScalarNode node) =>
        node.Style == ScalarStyle.Plain && node.Value is "" or "~" or "null" or null ? null : node.Value;
}
