using System;
using System.IO;
using System.Linq;
using System.Text;

namespace XaiAot.Recording.Tests;

/// <summary>
/// A cassette file's bytes must be UTF-8. They used to be decoded leniently, so a body written in
/// Latin-1 ("Olá" as 4F 6C E1) replayed as "Ol\uFFFD" with no word said; now the first invalid
/// byte is refused with its line, column and byte offset.
/// </summary>
public sealed class StrictUtf8Tests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"xaiaot-utf8-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void A_Latin1_byte_in_a_body_is_refused_with_its_line_column_and_offset()
    {
        byte[] valid = Encoding.UTF8.GetBytes(HostileYaml.With("    body: ok", "    body: Olá!"));
        byte[] bytes = Replace(valid, Encoding.UTF8.GetBytes("Olá!"), [(byte)'O', (byte)'l', 0xE1, (byte)'!']);
        File.WriteAllBytes(_path, bytes);
        int offset = Array.IndexOf(bytes, (byte)0xE1);

        CassetteFormatException ex = Assert.Throws<CassetteFormatException>(() => Cassette.Load(_path));

        Assert.Equal(19, ex.Line);
        Assert.Equal(13, ex.Column);
        Assert.Equal($"expected UTF-8 text, found the byte 0xE1 at byte offset {offset}, which is not valid UTF-8 there", ex.Problem);
        Assert.StartsWith(_path + "(19,13): not a go-vcr cassette: ", ex.Message, StringComparison.Ordinal);
        Assert.IsType<DecoderFallbackException>(ex.InnerException);
    }

    [Fact]
    public void A_sequence_cut_short_by_the_end_of_the_file_is_refused()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(HostileYaml.Valid + "\n# "), 0xE2, 0x82];
        File.WriteAllBytes(_path, bytes);

        CassetteFormatException ex = Assert.Throws<CassetteFormatException>(() => Cassette.Load(_path));

        Assert.Equal(26, ex.Line);
        Assert.Equal(3, ex.Column);
        Assert.Contains($"0xE2 at byte offset {bytes.Length - 2}", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_UTF8_byte_order_mark_is_still_read()
    {
        File.WriteAllBytes(_path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(HostileYaml.Valid)]);

        Assert.Single(Cassette.Load(_path).Interactions);
    }

    [Fact]
    public void Multibyte_characters_across_the_scanner_buffer_boundary_are_valid()
    {
        // "á" (C3 A1) straddles every 64 KB boundary the scan for the invalid byte reads in.
        byte[] bytes = Encoding.UTF8.GetBytes("# " + string.Concat(Enumerable.Repeat("á", 100_000)) + "\n");

        Assert.Null(StrictUtf8.FindInvalid(new MemoryStream(bytes)));
        Assert.Null(StrictUtf8.FindInvalid(new MemoryStream([(byte)'x', .. bytes])));
    }

    [Fact]
    public void The_scan_finds_an_invalid_byte_far_into_the_file()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("línea\n", 30_000))), 0xFF];

        var at = Assert.NotNull(StrictUtf8.FindInvalid(new MemoryStream(bytes)));

        Assert.Equal(bytes.Length - 1, at.Offset);
        Assert.Equal(30_001, at.Line);
        Assert.Equal(1, at.Column);
        Assert.Equal(0xFF, at.Byte);
    }

    private static byte[] Replace(byte[] bytes, byte[] find, byte[] replace)
    {
        int at = bytes.AsSpan().IndexOf(find);
        Assert.True(at >= 0);
        return [.. bytes.AsSpan(0, at), .. replace, .. bytes.AsSpan(at + find.Length)];
    }
}
