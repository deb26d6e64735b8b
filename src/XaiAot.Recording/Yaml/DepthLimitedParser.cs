using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace XaiAot.Recording;

/// <summary>
/// Passes a YAML parser's events through and stops at the first collection nested deeper than
/// <see cref="MaxDepth"/>, with its position.
/// </summary>
/// <remarks>
/// YamlDotNet's parser is iterative, but its representation model builds each nested collection
/// by recursion (and so do the walks over it): a cassette nested 100,000 deep overflowed the stack,
/// which no catch can stop. Counting here, on the events, bounds that recursion before it starts.
/// A go-vcr cassette nests 6 deep (document, interactions, interaction, response, headers, values).
/// </remarks>
internal sealed class DepthLimitedParser(IParser inner, string source) : IParser
{
    /// <summary>The deepest nesting read: ten times what a cassette needs, far below what overflows.</summary>
    public const int MaxDepth = 64;

    private int _depth;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        switch (inner.Current)
        {
            case MappingStart or SequenceStart when ++_depth > MaxDepth:
                Mark start = inner.Current.Start;
                throw new CassetteFormatException(
                    source,
                    start.Line,
                    start.Column,
                    $"expected mappings and lists nested at most {MaxDepth} deep, found one nested deeper");
            case MappingEnd or SequenceEnd:
                _depth--;
                break;
        }

        return true;
    }
}
