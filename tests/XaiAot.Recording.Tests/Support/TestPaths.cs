using System.Collections.Generic;
using System.Linq;
using XaiAot.Testing;

namespace XaiAot.Recording.Tests;

/// <summary>The shared cassettes, as this project's tests name them (see <see cref="RepositoryPaths"/>).</summary>
internal static class TestPaths
{
    public static string RepoRoot => RepositoryPaths.RepositoryRoot;

    public static string CassettesDirectory => RepositoryPaths.CassettesDirectory;

    public static string Cassette(string name) => RepositoryPaths.Cassette(name);

    public static IEnumerable<string> AllCassetteNames() => RepositoryPaths.CassetteNames();

    public static IEnumerable<object[]> AllCassettes() => AllCassetteNames().Select(name => new object[] { name });
}
