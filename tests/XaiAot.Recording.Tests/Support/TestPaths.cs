using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace XaiAot.Recording.Tests;

/// <summary>Finds the shared cassettes: the repo root holds XaiAot.sln, and shared/ sits beside the repo.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRepoRoot);

    public static string RepoRoot => Root.Value;

    public static string CassettesDirectory => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "cassettes"));

    public static string Cassette(string name) => Path.Combine(CassettesDirectory, name);

    public static IEnumerable<string> AllCassetteNames() =>
        Directory.EnumerateFiles(CassettesDirectory, "*.yaml").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static IEnumerable<object[]> AllCassettes() => AllCassetteNames().Select(name => new object[] { name });

    private static string FindRepoRoot()
    {
        // The solution file marks the root once the lead adds it; until then, the central package file does.
        foreach (string marker in new[] { "XaiAot.sln", "Directory.Packages.props" })
        {
            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, marker)))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No XaiAot.sln or Directory.Packages.props above {AppContext.BaseDirectory}.");
    }
}
