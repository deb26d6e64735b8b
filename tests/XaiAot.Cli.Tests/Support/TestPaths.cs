using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace XaiAot.Cli.Tests;

/// <summary>Finds the shared cassettes: the folder holding XaiAot.sln, then ../shared/cassettes.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    public static string Cassettes => Path.GetFullPath(Path.Combine(Root.Value, "..", "shared", "cassettes"));

    public static string Cassette(string fileName) => Path.Combine(Cassettes, fileName);

    public const string Seed = "simple_streaming.yaml";

    public const string RateLimited = "openrouter-kimi-k2__error_429.yaml";

    /// <summary>Every cassette in the shared folder, by file name.</summary>
    public static TheoryData<string> AllCassettes()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.GetFiles(Cassettes, "*.yaml").OrderBy(p => p, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? at = new(AppContext.BaseDirectory); at is not null; at = at.Parent)
        {
            if (File.Exists(Path.Combine(at.FullName, "XaiAot.sln")))
            {
                return at.FullName;
            }
        }

        throw new InvalidOperationException("No folder above " + AppContext.BaseDirectory + " holds XaiAot.sln.");
    }
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
