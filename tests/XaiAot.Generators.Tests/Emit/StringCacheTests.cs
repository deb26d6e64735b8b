using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using XaiAot.Generators.Emit;
using XaiAot.Generators.Tests.Features.Objects;
using XaiAot.Generators.Tests.Support;

namespace XaiAot.Generators.Tests;

/// <summary>
/// The string cache (a static field per member that keeps the last value read) is only for members
/// that repeat from chunk to chunk; user content is never retained once a read returns.
/// </summary>
public sealed class StringCacheTests
{
    [Theory]
    [InlineData("id", true)]
    [InlineData("object", true)]
    [InlineData("model", true)]
    [InlineData("system_fingerprint", true)]
    [InlineData("type", true)]
    [InlineData("role", true)]
    [InlineData("tool_call_id", true)]
    [InlineData("requestId", true)]
    [InlineData("content", false)]
    [InlineData("reasoning_content", false)]
    [InlineData("text", false)]
    [InlineData("arguments", false)]
    [InlineData("name", false)]
    [InlineData("paid", false)]
    public void OnlyRepeatingMembersAreCached(string member, bool cached) =>
        Assert.Equal(cached, ObjectPlan.RepeatingName(member));

    [Fact]
    public void XaiChunkCachesIdsButNeverContent()
    {
        string path = Path.Combine(GeneratorHarness.SourceDirectory(), "..", "..", "schema", "xai-chat.schema.json");
        GeneratorRun run = GeneratorHarness.Run(new SchemaFile(path, File.ReadAllText(path), "XaiAot.Chat", "XaiChatJsonContext"));
        run.AssertClean();
        string chunk = run.Source(".ChatCompletionChunk.g.cs");
        Assert.Contains("p0 = rt.ReadRepeated(ref reader, ref s_cache0);", chunk, StringComparison.Ordinal); // id
        Assert.Contains("rt.ReadRepeated(ref reader, ref s_cache", chunk, StringComparison.Ordinal);
        int contentReads = 0;
        foreach ((string hint, string source) in run.Sources)
        {
            foreach (string content in new[] { "member = \"content\";", "member = \"reasoning_content\";", "member = \"arguments\";", "member = \"text\";" })
            {
                for (int at = source.IndexOf(content, StringComparison.Ordinal); at >= 0; at = source.IndexOf(content, at + 1, StringComparison.Ordinal))
                {
                    string read = source.Substring(at, source.IndexOf("continue;", at, StringComparison.Ordinal) - at);
                    Assert.False(read.Contains("ReadRepeated", StringComparison.Ordinal), hint + " caches " + content + ": " + read);
                    contentReads++;
                }
            }
        }

        Assert.True(contentReads >= 4, "content members found: " + contentReads);
    }

    [Fact]
    public void ContentIsCollectedOnceTheObjectIsDropped()
    {
        // "name" is content under the rule: a short, unique string must not outlive the object read.
        WeakReference name = ReadAndDrop();
        for (int i = 0; i < 3 && name.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(name.IsAlive, "the string read for a content member is still referenced after the read");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference ReadAndDrop()
    {
        string unique = "u" + Guid.NewGuid().ToString("N").Substring(0, 8);
        byte[] json = Encoding.UTF8.GetBytes("{\"id\": 1, \"name\": \"" + unique + "\"}");
        Person person = JsonSerializer.Deserialize(json, ObjectsJsonContext.Default.Person)!;
        Assert.Equal(unique, person.Name);
        return new WeakReference(person.Name);
    }
}
