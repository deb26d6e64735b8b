using System;
using System.Collections.Generic;
using XaiAot.Generators.JsonText;

namespace XaiAot.Generators.Schema
{
    /// <summary>
    /// The members of an object schema gathered across its <c>allOf</c> parts: properties in document
    /// order (a later declaration of a name replaces the earlier one in place), required names, and
    /// the <c>additionalProperties</c> that applies.
    /// </summary>
    internal sealed class ObjectParts
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

        public List<DeclaredProperty> Properties { get; } = new();

        public Dictionary<string, (JsonTree At, string Pointer)> Required { get; } = new(StringComparer.Ordinal);

        public JsonTree? Additional { get; set; }

        public string? AdditionalPointer { get; set; }

        /// <summary>The members of <c>patternProperties</c> (own and inherited, first declaration of a pattern wins) and their pointers.</summary>
        public List<(JsonMember Member, string Pointer)> Patterns { get; } = new();

        public bool Has(string name) => _index.ContainsKey(name);

        public void Add(DeclaredProperty property)
        {
            if (_index.TryGetValue(property.Name, out int at))
            {
                Properties[at] = property;
            }
            else
            {
                _index.Add(property.Name, Properties.Count);
                Properties.Add(property);
            }
        }
    }
}
