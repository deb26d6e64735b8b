using System;
using System.Collections.Generic;
using System.Linq;
using XaiAot.Generators.JsonText;
using XaiAot.Generators.Schema;

namespace XaiAot.Generators.Typing
{
    /// <summary>
    /// Finds the member that tells object alternatives apart: the OpenAPI <c>discriminator</c> if
    /// given, else the first member that every alternative fixes to distinct string values
    /// (<c>const</c> or <c>enum</c>), with OpenAPI <c>mapping</c> and schema names as fallbacks.
    /// </summary>
    internal sealed class DiscriminatorSearch
    {
        private readonly RefResolver _refs;
        private readonly KindPeek _peek;
        private readonly AllOfMerge _merge;

        public DiscriminatorSearch(RefResolver refs, KindPeek peek, AllOfMerge merge)
        {
            _refs = refs;
            _peek = peek;
            _merge = merge;
        }

        public Discriminator? Find(JsonTree schema, List<UnionAlternativeSchema> alternatives)
        {
            JsonTree? keyword = schema.Get("discriminator");
            string? declared = keyword?.Get("propertyName") is { Kind: JsonKind.String } name ? name.Text : null;
            JsonTree? mapping = keyword?.Get("mapping") is { Kind: JsonKind.Object } map ? map : null;

            var propertiesByAlternative = new List<Dictionary<string, JsonTree>>();
            foreach (UnionAlternativeSchema alternative in alternatives)
            {
                SchemaLocation? target = _refs.Dereference(alternative.Schema, alternative.Pointer);
                if (target is null || !ObjectShape.IsObjectLike(target.Value.Tree) || target.Value.Tree.Kind != JsonKind.Object)
                {
                    return null;
                }

                var byName = new Dictionary<string, JsonTree>(StringComparer.Ordinal);
                foreach (DeclaredProperty property in _merge.CollectProperties(target.Value.Tree).Properties)
                {
                    byName[property.Name] = property.Schema;
                }

                propertiesByAlternative.Add(byName);
            }

            IEnumerable<string> candidates = declared is not null
                ? new[] { declared }
                : propertiesByAlternative[0].Keys;
            foreach (string candidate in candidates)
            {
                var variants = new List<(UnionAlternativeSchema, List<string>)>();
                var taken = new HashSet<string>(StringComparer.Ordinal);
                bool distinct = true;
                for (int index = 0; index < alternatives.Count && distinct; index++)
                {
                    List<string>? values = ValuesOf(candidate, propertiesByAlternative[index], alternatives[index].Schema, keyword, mapping);
                    distinct = values is not null && values.All(taken.Add);
                    if (distinct)
                    {
                        variants.Add((alternatives[index], values!));
                    }
                }

                if (distinct)
                {
                    return new Discriminator(candidate, variants);
                }
            }

            return null;
        }

        /// <summary>The values of <paramref name="candidate"/> that pick one alternative, or null when it fixes none.</summary>
        private List<string>? ValuesOf(string candidate, Dictionary<string, JsonTree> properties, JsonTree alternative, JsonTree? keyword, JsonTree? mapping)
        {
            List<string>? values = properties.TryGetValue(candidate, out JsonTree? property) ? _peek.Strings(property) : null;
            values ??= MappedValues(mapping, alternative);
            if (values is null && keyword is not null && alternative.Get("$ref") is { Kind: JsonKind.String } reference)
            {
                // OpenAPI's implicit mapping: the value is the referenced schema's name.
                string fragment = JsonPointer.SplitRef(reference.Text!).Fragment;
                values = new List<string> { fragment.Substring(fragment.LastIndexOf('/') + 1) };
            }

            return values;
        }

        private List<string>? MappedValues(JsonTree? mapping, JsonTree alternative)
        {
            if (mapping is null || alternative.Get("$ref") is not { Kind: JsonKind.String } reference)
            {
                return null;
            }

            JsonTree? target = _refs.Follow(reference.Text!)?.Tree;
            var values = new List<string>();
            foreach (JsonMember entry in mapping.Members!)
            {
                if (entry.Value.Kind == JsonKind.String && target is not null && ReferenceEquals(DiscriminatorMapping.Target(entry.Value.Text!, _refs)?.Tree, target))
                {
                    values.Add(entry.Name);
                }
            }

            return values.Count > 0 ? values : null;
        }
    }
}
