using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace XaiAot.Generators.JsonText
{
    /// <summary>Identity comparison for JSON nodes: each node of the file is one schema position.</summary>
    internal sealed class NodeIdentity : IEqualityComparer<JsonTree>
    {
        public static readonly NodeIdentity Instance = new();

        public bool Equals(JsonTree? left, JsonTree? right) => ReferenceEquals(left, right);

        public int GetHashCode(JsonTree node) => RuntimeHelpers.GetHashCode(node);
    }
}
