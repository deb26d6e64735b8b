using System.Collections.Generic;
using System.Globalization;

namespace XaiAot.Generators.Naming
{
    /// <summary>
    /// Hands out names unique within one scope (a namespace, a type's members): the first claim
    /// gets the name, later ones get 2, 3, ... in claim order, so output is stable for a given schema.
    /// </summary>
    internal sealed class NameScope
    {
        private readonly HashSet<string> _taken;

        /// <param name="ignoreCase">For type names: each becomes a hint name and a file, and both are
        /// case-insensitive (Roslyn's hint names, Windows and macOS file systems).</param>
        public NameScope(IEnumerable<string>? reserved = null, bool ignoreCase = false)
        {
            _taken = new HashSet<string>(ignoreCase ? System.StringComparer.OrdinalIgnoreCase : System.StringComparer.Ordinal);
            if (reserved is not null)
            {
                foreach (string name in reserved)
                {
                    _taken.Add(name);
                }
            }
        }

        public bool IsTaken(string name) => _taken.Contains(name);

        /// <summary>Claims <paramref name="wanted"/> or the first free <c>wanted2</c>, <c>wanted3</c>, ...</summary>
        public string Claim(string wanted)
        {
            if (_taken.Add(wanted))
            {
                return wanted;
            }

            // "Foo1" taken twice becomes "Foo1_2", not "Foo12", which would read as another number.
            string stem = wanted.Length > 0 && char.IsDigit(wanted[wanted.Length - 1]) ? wanted + "_" : wanted;
            for (int i = 2; ; i++)
            {
                string candidate = stem + i.ToString(CultureInfo.InvariantCulture);
                if (_taken.Add(candidate))
                {
                    return candidate;
                }
            }
        }
    }
}
