using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace XaiAot.Testing;

/// <summary>
/// Where the repository and the recorded traffic are, for every test and benchmark project (linked
/// into each as a source file): the folder holding <c>XaiAot.sln</c>, found by walking up from the
/// binaries, and <c>../shared/cassettes</c> beside it, where CI puts it too.
/// </summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepositoryRoot => Root.Value;

    public static string CassettesDirectory
    {
        get
        {
            string cassettes = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "cassettes"));
            return Directory.Exists(cassettes)
                ? cassettes
                : throw new DirectoryNotFoundException("Recorded cassettes not found at " + cassettes + " (expected ../shared/cassettes beside the repository).");
        }
    }

    public static string Cassette(string fileName) => Path.Combine(CassettesDirectory, fileName);

    /// <summary>Every cassette's file name, in ordinal order.</summary>
    public static IReadOnlyList<string> CassetteNames() =>
        Directory.GetFiles(CassettesDirectory, "*.yaml").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal).ToList();

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "XaiAot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No folder above " + AppContext.BaseDirectory + " holds XaiAot.sln.");
    }
}
