using System.Collections.Generic;
using XaiAot.Generators.JsonText;

namespace XaiAot.Generators.Typing
{
    /// <summary>
    /// The schema locations whose resolution is under way. A named type is remembered before its
    /// members are resolved, so meeting a location on the path again means a cycle that passed no
    /// named type (XAOT0006); the path's length is how deeply resolutions nest.
    /// </summary>
    internal sealed class ResolutionPath
    {
        private readonly HashSet<JsonTree> _locations = new(NodeIdentity.Instance);

        public int Length => _locations.Count;

        /// <summary>False when <paramref name="schema"/> is already on the path.</summary>
        public bool TryEnter(JsonTree schema) => _locations.Add(schema);

        public void Leave(JsonTree schema) => _locations.Remove(schema);
    }
}
