using System;
using System.Collections.Generic;
using System.IO;
using XaiAot.Testing;

namespace XaiAot.Cli.Tests;

/// <summary>The shared cassettes, as this project's tests name them (see <see cref="RepositoryPaths"/>).</summary>
internal static class TestPaths
{
    public static string Cassettes => RepositoryPaths.CassettesDirectory;

    public static string Cassette(string fileName) => RepositoryPaths.Cassette(fileName);

    public const string Seed = "simple_streaming.yaml";

    public const string RateLimited = "openrouter-kimi-k2__error_429.yaml";

    /// <summary>Every cassette in the shared folder, by file name.</summary>
    public static TheoryData<string> AllCassettes() => new(RepositoryPaths.CassetteNames());
}

/// <summary>A temporary folder removed when disposed.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "xaiaot-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
