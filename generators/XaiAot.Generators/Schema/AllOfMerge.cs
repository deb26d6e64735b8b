using System.Collections.Generic;
using System.Globalization;
using XaiAot.Generators.JsonText;

namespace XaiAot.Generators.Schema
{
    /// <summary>
    /// Gathers an object's members from the schema and its <c>allOf</c> parts (through <c>$ref</c>s),
    /// parts first, in document order.
    /// </summary>
    internal sealed class AllOfMerge
    {
        /// <summary>
        /// allOf parts nested deeper than this are not merged (XAOT0008): merging copies every
        /// inherited member into every object of the chain, so an adversarial chain would cost
        /// quadratic time and memory. Real schemas nest a handful of levels. A limit on the input's
        /// own nesting, not on cycles (a visited set stops those): the type resolver's work queue does
        /// not recurse through the objects of the chain, but each merge walks the whole chain.
        /// </summary>
        public const int MaxNesting = 400;

        private readonly RefResolver _refs;
        private readonly DiagnosticBag _diagnostics;

        public AllOfMerge(RefResolver refs, DiagnosticBag diagnostics)
        {
            _refs = refs;
            _diagnostics = diagnostics;
        }

        /// <summary>Everything an object type is built from; parts that are not objects are reported.</summary>
        public ObjectParts Collect(JsonTree schema, string pointer)
        {
            var parts = new ObjectParts();
            Collect(schema, pointer, parts, new HashSet<JsonTree>(NodeIdentity.Instance), isOwn: true, depth: 0);
            return parts;
        }

        /// <summary>The properties only, silently: used to look for a discriminator before anything is built.</summary>
        public ObjectParts CollectProperties(JsonTree schema)
        {
            var parts = new ObjectParts();
            CollectProperties(schema, parts, new HashSet<JsonTree>(NodeIdentity.Instance), depth: 0);
            return parts;
        }

        private void Collect(JsonTree schema, string pointer, ObjectParts parts, HashSet<JsonTree> visited, bool isOwn, int depth)
        {
            if (!visited.Add(schema))
            {
                return;
            }

            if (depth > MaxNesting)
            {
                _diagnostics.Add(Diagnostics.NestingTooDeep, schema.Position, JsonPointer.Display(pointer), MaxNesting.ToString(CultureInfo.InvariantCulture));
                return;
            }

            if (schema.Get("allOf") is { Kind: JsonKind.Array } allOf)
            {
                string allOfPointer = JsonPointer.Append(pointer, "allOf");
                for (int index = 0; index < allOf.Items!.Count; index++)
                {
                    string indexText = index.ToString(CultureInfo.InvariantCulture);
                    SchemaLocation? part = _refs.Dereference(allOf.Items[index], JsonPointer.Append(allOfPointer, indexText));
                    if (part is null)
                    {
                        continue;
                    }

                    if (!ObjectShape.IsObjectLike(part.Value.Tree))
                    {
                        _diagnostics.Add(
                            Diagnostics.AllOfConflict,
                            allOf.Items[index].Position,
                            JsonPointer.Display(allOfPointer),
                            indexText,
                            ObjectShape.DescribeNonObject(part.Value.Tree));
                        continue;
                    }

                    Collect(part.Value.Tree, part.Value.Pointer, parts, visited, isOwn: false, depth + 1);
                }
            }

            if (schema.Get("properties") is { Kind: JsonKind.Object } properties)
            {
                string propertiesPointer = JsonPointer.Append(pointer, "properties");
                foreach (JsonMember member in properties.Members!)
                {
                    parts.Add(new DeclaredProperty(member.Name, member.Value, JsonPointer.Append(propertiesPointer, member.Name)));
                }
            }

            if (schema.Get("required") is { Kind: JsonKind.Array } required)
            {
                foreach (JsonTree name in required.Items!)
                {
                    if (name.Kind == JsonKind.String && !parts.Required.ContainsKey(name.Text!))
                    {
                        parts.Required.Add(name.Text!, (name, JsonPointer.Append(pointer, "required")));
                    }
                }
            }

            if (schema.Get("patternProperties") is { Kind: JsonKind.Object } patterns)
            {
                string patternsPointer = JsonPointer.Append(pointer, "patternProperties");
                foreach (JsonMember member in patterns.Members!)
                {
                    if (!parts.Patterns.Exists(known => known.Member.Name == member.Name))
                    {
                        parts.Patterns.Add((member, JsonPointer.Append(patternsPointer, member.Name)));
                    }
                }
            }

            // The object's own additionalProperties wins; otherwise the first part's that has one.
            if (schema.Get("additionalProperties") is { } additional && (isOwn || parts.Additional is null))
            {
                parts.Additional = additional;
                parts.AdditionalPointer = JsonPointer.Append(pointer, "additionalProperties");
            }
        }

        private void CollectProperties(JsonTree schema, ObjectParts parts, HashSet<JsonTree> visited, int depth)
        {
            if (depth > MaxNesting || !visited.Add(schema))
            {
                return;
            }

            if (schema.Get("allOf") is { Kind: JsonKind.Array } allOf)
            {
                foreach (JsonTree item in allOf.Items!)
                {
                    SchemaLocation? part = _refs.Dereference(item, string.Empty);
                    if (part is not null && part.Value.Tree.Kind == JsonKind.Object && ObjectShape.IsObjectLike(part.Value.Tree))
                    {
                        CollectProperties(part.Value.Tree, parts, visited, depth + 1);
                    }
                }
            }

            if (schema.Get("properties") is { Kind: JsonKind.Object } properties)
            {
                foreach (JsonMember member in properties.Members!)
                {
                    parts.Add(new DeclaredProperty(member.Name, member.Value, string.Empty));
                }
            }
        }
    }
}
