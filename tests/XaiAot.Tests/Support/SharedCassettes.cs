using System.Collections.Generic;
using System.Linq;
using XaiAot.Recording;
using XaiAot.Testing;

namespace XaiAot.Tests.Support;

/// <summary>The recorded traffic in <c>../shared/cassettes</c> beside the repository.</summary>
internal static class SharedCassettes
{
    public static string Directory => RepositoryPaths.CassettesDirectory;

    public static string PathOf(string fileName) => RepositoryPaths.Cassette(fileName);

    public static Cassette Load(string fileName) => Cassette.Load(PathOf(fileName));

    /// <summary>Every cassette file name, for theories.</summary>
    public static IEnumerable<object[]> All() => RepositoryPaths.CassetteNames().Select(n => new object[] { n });
}
