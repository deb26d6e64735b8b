using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;

namespace XaiAot.Generators.Tests.Support;

/// <summary>
/// Compares generated files to <c>Snapshots/&lt;Test&gt;/&lt;hint&gt;.verified.cs</c> beside the tests. On a
/// mismatch it writes <c>*.received.cs</c> and fails naming the first differing line. Set
/// <c>XAIAOT_ACCEPT_SNAPSHOTS=1</c> to accept: verified files are overwritten, stale ones deleted.
/// </summary>
internal static class Snapshot
{
    private static readonly bool Accept = Environment.GetEnvironmentVariable("XAIAOT_ACCEPT_SNAPSHOTS") == "1";

    /// <param name="files">Hint names and sources to compare.</param>
    /// <param name="namespacePrefix">Stripped from hint names ("My.Api.") so snapshot file names stay short.</param>
    /// <param name="test">The calling test: the snapshot folder.</param>
    public static void Verify(IEnumerable<(string HintName, string Source)> files, string namespacePrefix = "", [CallerMemberName] string test = "")
    {
        string directory = Path.Combine(GeneratorHarness.SourceDirectory(), "Snapshots", test);
        Directory.CreateDirectory(directory);
        var expected = new HashSet<string>(StringComparer.Ordinal);
        var failures = new List<string>();
        foreach ((string fullHint, string source) in files)
        {
            string hint = fullHint.StartsWith(namespacePrefix, StringComparison.Ordinal) ? fullHint[namespacePrefix.Length..] : fullHint;
            string stem = hint.EndsWith(".g.cs", StringComparison.Ordinal) ? hint[..^".g.cs".Length] : hint;
            string verifiedPath = Path.Combine(directory, stem + ".verified.cs");
            string receivedPath = Path.Combine(directory, stem + ".received.cs");
            expected.Add(Path.GetFileName(verifiedPath));
            string actual = Normalize(source);
            string? verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
            if (verified == actual)
            {
                File.Delete(receivedPath);
                continue;
            }

            if (Accept)
            {
                File.WriteAllText(verifiedPath, actual, new UTF8Encoding(false));
                File.Delete(receivedPath);
                continue;
            }

            File.WriteAllText(receivedPath, actual, new UTF8Encoding(false));
            failures.Add(verified is null
                ? stem + ": no verified snapshot yet (see " + receivedPath + ")"
                : stem + ": " + FirstDifference(verified, actual) + " (see " + receivedPath + ")");
        }

        foreach (string stale in Directory.GetFiles(directory, "*.verified.cs").Where(f => !expected.Contains(Path.GetFileName(f))))
        {
            if (Accept)
            {
                File.Delete(stale);
            }
            else
            {
                failures.Add(Path.GetFileName(stale) + ": the generator no longer produces this file");
            }
        }

        Assert.True(failures.Count == 0, "Snapshot mismatch (set XAIAOT_ACCEPT_SNAPSHOTS=1 to accept):\n" + string.Join("\n", failures));
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimStart('\uFEFF');

    private static string FirstDifference(string expected, string actual)
    {
        string[] a = expected.Split('\n');
        string[] b = actual.Split('\n');
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            string left = i < a.Length ? a[i] : "<end of file>";
            string right = i < b.Length ? b[i] : "<end of file>";
            if (left != right)
            {
                return "line " + (i + 1) + ":\n    expected: " + left.Trim() + "\n    actual:   " + right.Trim();
            }
        }

        return "identical lines, different text";
    }
}
