using XaiAot.Testing;

namespace XaiAot.Extensions.AI.Tests;

/// <summary>The shared cassettes, as this project's tests name them (see <see cref="RepositoryPaths"/>).</summary>
internal static class TestPaths
{
    public static string RepoRoot => RepositoryPaths.RepositoryRoot;

    public static string Cassette(string name) => RepositoryPaths.Cassette(name);
}
