using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using XaiAot.Recording;

namespace XaiAot.Tests.Support;

/// <summary>The recorded traffic in <c>../shared/cassettes</c> beside the repository.</summary>
internal static class SharedCassettes
{
    private static readonly Lazy<string> DirectoryPath = new(Locate);

    public static string Directory => DirectoryPath.Value;

    public static string PathOf(string fileName) => Path.Combine(Directory, fileName);

    public static Cassette Load(string fileName) => Cassette.Load(PathOf(fileName));

    /// <summary>Every cassette file name, for theories.</summary>
    public static IEnumerable<object[]> All() =>
        System.IO.Directory.GetFiles(Directory, "*.yaml").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).Select(n => new object[] { n! });

    private static string Locate()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "XaiAot.sln")))
            {
                string shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "cassettes"));
                if (System.IO.Directory.Exists(shared))
                {
                    return shared;
                }

                throw new DirectoryNotFoundException("Recorded cassettes not found at " + shared + " (expected ../shared/cassettes beside the repository).");
            }
        }

        throw new DirectoryNotFoundException("XaiAot.sln not found above " + AppContext.BaseDirectory);
    }
}
