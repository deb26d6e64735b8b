using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace XaiAot.Recording;

/// <summary>
/// A go-vcr cassette (format version 2): the HTTP interactions recorded from one session.
/// </summary>
public sealed class Cassette
{
    /// <summary>The only cassette format version go-vcr v2 and later read and write.</summary>
    public const int SupportedVersion = 2;

    /// <summary>The format version; <see cref="SupportedVersion"/> for every cassette this library reads.</summary>
    public int Version { get; set; } = SupportedVersion;

    /// <summary>The recorded interactions, in recorded order.</summary>
    public IList<CassetteInteraction> Interactions { get; } = new List<CassetteInteraction>();

    /// <summary>
    /// Top-level keys this model does not know, kept so that writing the cassette back loses nothing.
    /// Internal so YamlDotNet stays an implementation detail of this package (not part of its API).
    /// </summary>
    internal IDictionary<string, YamlNode> AdditionalFields { get; } = new OrderedDictionary<string, YamlNode>(StringComparer.Ordinal);

    /// <summary>
    /// Where the cassette came from (a file path, or the name given to <see cref="Parse"/>); used in messages, never written.
    /// </summary>
    public string? Source { get; set; }

    /// <summary>Reads the cassette at <paramref name="path"/>.</summary>
    /// <exception cref="CassetteFormatException">The file is not a go-vcr version 2 cassette.</exception>
    public static Cassette Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        // Parsed as it is read: the file is never held whole as text beside the parsed cassette.
        using var reader = new StreamReader(path, StrictUtf8.Encoding, detectEncodingFromByteOrderMarks: false);
        try
        {
            return CassetteYamlReader.Read(reader, path);
        }
        catch (DecoderFallbackException ex)
        {
            throw StrictUtf8.NotUtf8(path, ex);
        }
    }

    /// <summary>Reads a cassette from YAML text; <paramref name="sourceName"/> names it in error messages.</summary>
    /// <exception cref="CassetteFormatException">The text is not a go-vcr version 2 cassette.</exception>
    public static Cassette Parse(string yaml, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return CassetteYamlReader.Read(yaml, sourceName ?? "(YAML text)");
    }

    /// <summary>Writes the cassette to <paramref name="path"/> as UTF-8 YAML that go-vcr reads.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string yaml = ToYaml();

        // Written beside the target and moved over it, so a crash never leaves half a cassette.
        string temp = path + ".tmp";
        File.WriteAllText(temp, yaml, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The cassette as go-vcr YAML.</summary>
    public string ToYaml() => CassetteYamlWriter.Write(this);
}
