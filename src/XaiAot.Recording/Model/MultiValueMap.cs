using System;
using System.Collections;
using System.Collections.Generic;

namespace XaiAot.Recording;

/// <summary>
/// An ordered name -> values map, the shape of Go's <c>http.Header</c> and <c>url.Values</c>.
/// </summary>
/// <remarks>
/// Order and the original spelling of names are kept so a cassette is written back the way it
/// was read; lookups use the comparer given (headers: case-insensitive, as HTTP says).
/// </remarks>
public sealed class MultiValueMap : IEnumerable<KeyValuePair<string, IReadOnlyList<string>>>
{
    private readonly List<Entry> _entries = new();
    private readonly Dictionary<string, Entry> _index;

    /// <summary>Creates a map whose names compare case-insensitively (HTTP header semantics).</summary>
    public MultiValueMap()
        : this(StringComparer.OrdinalIgnoreCase)
    {
    }

    /// <summary>Creates a map whose names compare with <paramref name="comparer"/>.</summary>
    public MultiValueMap(IEqualityComparer<string> comparer)
    {
        ArgumentNullException.ThrowIfNull(comparer);
        Comparer = comparer;
        _index = new Dictionary<string, Entry>(comparer);
    }

    /// <summary>How names are compared.</summary>
    public IEqualityComparer<string> Comparer { get; }

    /// <summary>The number of distinct names.</summary>
    public int Count => _entries.Count;

    /// <summary>The names in insertion order, spelled as first added.</summary>
    public IEnumerable<string> Names
    {
        get
        {
            foreach (Entry entry in _entries)
            {
                yield return entry.Name;
            }
        }
    }

    /// <summary>The first value of <paramref name="name"/>, or null when it is absent.</summary>
    public string? this[string name] => _index.TryGetValue(name, out Entry? entry) && entry.Values.Count > 0 ? entry.Values[0] : null;

    /// <summary>Appends <paramref name="value"/> to the values of <paramref name="name"/>.</summary>
    public void Add(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        GetOrAdd(name).Values.Add(value);
    }

    /// <summary>Appends <paramref name="values"/> to the values of <paramref name="name"/> (the name is kept even when empty).</summary>
    public void Add(string name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        GetOrAdd(name).Values.AddRange(values);
    }

    /// <summary>Replaces every value of <paramref name="name"/>, keeping its position when present.</summary>
    public void Set(string name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        Entry entry = GetOrAdd(name);
        entry.Values.Clear();
        entry.Values.AddRange(values);
    }

    /// <summary>Removes <paramref name="name"/> and its values; true when it was present.</summary>
    public bool Remove(string name)
    {
        if (!_index.Remove(name, out Entry? entry))
        {
            return false;
        }

        _entries.Remove(entry);
        return true;
    }

    /// <summary>Removes every name.</summary>
    public void Clear()
    {
        _entries.Clear();
        _index.Clear();
    }

    /// <summary>True when <paramref name="name"/> is present.</summary>
    public bool Contains(string name) => _index.ContainsKey(name);

    /// <summary>The values of <paramref name="name"/> when present.</summary>
    public bool TryGetValues(string name, out IReadOnlyList<string> values)
    {
        if (_index.TryGetValue(name, out Entry? entry))
        {
            values = entry.Values;
            return true;
        }

        values = Array.Empty<string>();
        return false;
    }

    /// <summary>The values of <paramref name="name"/>, empty when absent.</summary>
    public IReadOnlyList<string> GetValues(string name) => _index.TryGetValue(name, out Entry? entry) ? entry.Values : Array.Empty<string>();

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, IReadOnlyList<string>>> GetEnumerator()
    {
        foreach (Entry entry in _entries)
        {
            yield return new KeyValuePair<string, IReadOnlyList<string>>(entry.Name, entry.Values);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private Entry GetOrAdd(string name)
    {
        if (!_index.TryGetValue(name, out Entry? entry))
        {
            entry = new Entry(name);
            _index.Add(name, entry);
            _entries.Add(entry);
        }

        return entry;
    }

    private sealed class Entry(string name)
    {
        public string Name { get; } = name;

        public List<string> Values { get; } = new();
    }
}
