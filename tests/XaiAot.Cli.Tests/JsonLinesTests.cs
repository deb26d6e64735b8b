using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace XaiAot.Cli.Tests;

/// <summary>
/// A JSON line reaches the output writer in slices: it used to be decoded to one string first,
/// 128 MB for a line holding a 64 MB completion, only for the writer to encode it back to bytes.
/// </summary>
public class JsonLinesTests
{
    [Fact]
    public void A_long_line_is_written_in_slices_and_arrives_intact()
    {
        // Two- and four-byte characters land on every slice boundary somewhere in 100,000 repeats.
        string message = string.Concat(Enumerable.Repeat("Olá 🚀 中文 ", 100_000));
        var output = new LargestWriteWriter();
        using var lines = new JsonLines(output);

        lines.WriteError(new ReplayError(null, null, message));

        string text = output.ToString();
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        using JsonDocument line = JsonDocument.Parse(text);
        Assert.Equal(message, line.RootElement.GetProperty("error").GetProperty("message").GetString());
        Assert.InRange(output.LargestWrite, 1, 4096);
    }

    private sealed class LargestWriteWriter : StringWriter
    {
        public int LargestWrite { get; private set; }

        public override void Write(char value) => Record(1, () => base.Write(value));

        public override void Write(string? value) => Record(value?.Length ?? 0, () => base.Write(value));

        public override void Write(char[] buffer, int index, int count) => Record(count, () => base.Write(buffer, index, count));

        public override void Write(ReadOnlySpan<char> buffer)
        {
            LargestWrite = Math.Max(LargestWrite, buffer.Length);
            base.Write(buffer);
        }

        private void Record(int length, Action write)
        {
            LargestWrite = Math.Max(LargestWrite, length);
            write();
        }
    }
}
