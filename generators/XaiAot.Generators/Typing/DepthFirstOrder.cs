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
            var pending = new Stack<IEnumerator<string>>();
            foreach (TypeRef root in roots)
            {
                pending.Push(NamesIn(root).GetEnumerator());
                while (pending.Count > 0)
                {
                    IEnumerator<string> names = pending.Peek();
                    if (!names.MoveNext())
                    {
                        pending.Pop();
                        continue;
                    }

                    if (visited.Add(names.Current) && byName.TryGetValue(names.Current, out TypeSpec? spec))
                    {
                        ordered.Add(spec);
                        pending.Push(NamedBy(spec).GetEnumerator());
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
        private static IEnumerable<string> NamedBy(TypeSpec spec)
        {
            switch (spec)
            {
                case ObjectSpec record:
                    foreach (PropertySpec property in record.Properties)
                    {
                        foreach (string name in NamesIn(property.Type))
                        {
                            yield return name;
                        }
                    }

                    if (record.AdditionalType is not null)
                    {
                        foreach (string name in NamesIn(record.AdditionalType))
                        {
                            yield return name;
                        }
                    }

                    break;
                case KindUnionSpec union:
                    foreach (UnionAlternative alternative in union.Alternatives)
                    {
                        foreach (string name in NamesIn(alternative.Type))
                        {
                            yield return name;
                        }
                    }

                    break;
                case DiscriminatedUnionSpec union:
                    foreach (VariantSpec variant in union.Variants)
                    {
                        yield return variant.TypeName;
                    }

                    break;
            }
        }

        /// <summary>The named type a reference stands for, through arrays and maps.</summary>
        private static IEnumerable<string> NamesIn(TypeRef type)
        {
            TypeRef? current = type;
            while (current is not null)
            {
                if (current.Kind == ValueKind.Named)
                {
                    yield return current.Name!;
                }

                current = current.Element;
            }
        }
    }
}
