using System;
using System.Collections.Generic;
using XaiAot.Generators.Model;

namespace XaiAot.Generators.Typing
{
    /// <summary>
    /// Orders finished specs depth-first from the top-level types, each type before the types its
    /// members name, in member order. The work queue finds types breadth-first; this restores the
    /// order depth-first resolution produced before it, so the context's members and the generated
    /// files keep their order. Iterative, because a chain of types may be thousands long.
    /// </summary>
    internal static class DepthFirstOrder
    {
        /// <summary>
        /// <paramref name="specs"/> (in registration order) reordered from <paramref name="roots"/>; a
        /// spec no root reaches (a discarded union variant) keeps its place after the reached ones.
        /// </summary>
        public static List<TypeSpec> Apply(List<TypeSpec> specs, IEnumerable<TypeRef> roots)
        {
            var byName = new Dictionary<string, TypeSpec>(StringComparer.Ordinal);
            foreach (TypeSpec spec in specs)
            {
                byName.Add(spec.Name, spec);
            }

            var ordered = new List<TypeSpec>(specs.Count);
            var visited = new HashSet<string>(StringComparer.Ordinal);
            var pending = new List<(List<string> Names, int Next)>();
            foreach (TypeRef root in roots)
            {
                var rootNames = new List<string>(1);
                AddNamesIn(rootNames, root);
                pending.Add((rootNames, 0));
                while (pending.Count > 0)
                {
                    int top = pending.Count - 1;
                    (List<string> names, int next) = pending[top];
                    if (next == names.Count)
                    {
                        pending.RemoveAt(top);
                        continue;
                    }

                    pending[top] = (names, next + 1);
                    if (visited.Add(names[next]) && byName.TryGetValue(names[next], out TypeSpec? spec))
                    {
                        ordered.Add(spec);
                        pending.Add((NamedBy(spec), 0));
                    }
                }
            }

            foreach (TypeSpec spec in specs)
            {
                if (!visited.Contains(spec.Name))
                {
                    ordered.Add(spec);
                }
            }

            return ordered;
        }

        /// <summary>The types a spec's members name, in the order they were resolved.</summary>
        private static List<string> NamedBy(TypeSpec spec)
        {
            var names = new List<string>();
            switch (spec)
            {
                case ObjectSpec record:
                    foreach (PropertySpec property in record.Properties)
                    {
                        AddNamesIn(names, property.Type);
                    }

                    foreach (PatternMapSpec map in record.PatternMaps)
                    {
                        AddNamesIn(names, map.ValueType);
                    }

                    if (record.AdditionalType is not null)
                    {
                        AddNamesIn(names, record.AdditionalType);
                    }

                    break;
                case KindUnionSpec union:
                    foreach (UnionAlternative alternative in union.Alternatives)
                    {
                        AddNamesIn(names, alternative.Type);
                    }

                    break;
                case DiscriminatedUnionSpec union:
                    foreach (VariantSpec variant in union.Variants)
                    {
                        names.Add(variant.TypeName);
                    }

                    break;
            }

            return names;
        }

        /// <summary>Adds the named type a reference stands for, through arrays and maps.</summary>
        private static void AddNamesIn(List<string> names, TypeRef type)
        {
            for (TypeRef? current = type; current is not null; current = current.Element)
            {
                if (current.Kind == ValueKind.Named)
                {
                    names.Add(current.Name!);
                }
            }
        }
    }
}
