using System;
using System.IO;

namespace XaiAot.Extensions.AI.Tests;

/// <summary>Finds the shared cassettes: the repo root holds XaiAot.sln, and shared/ sits beside the repo.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRepoRoot);

    public static string RepoRoot => Root.Value;

    public static string Cassette(string name) => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "cassettes", name));

    private static string FindRepoRoot()
    {
        // The solution file marks the root; the central package file does too, should the sln move.
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
