using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using XaiAot.Generators.JsonText;
using XaiAot.Generators.Model;
using XaiAot.Generators.Schema;

namespace XaiAot.Generators.Typing
{
    /// <summary>
    /// Resolves a schema location to the <see cref="TypeRef"/> that stands for it, once per location,
    /// and dispatches to the resolver for its shape (const, enum, union, object, array, map, scalar).
    /// A location that becomes a named type (object, union, enum) is registered when first met and
    /// its spec is built later from <see cref="PendingSpecs"/>, so resolution never recurses through
    /// a named type and needs no depth guard for chains of them. Only unnamed locations (arrays,
    /// maps, aliases) are resolved in place, and their nesting is the nesting of a C# type expression.
    /// </summary>
    internal sealed class TypeResolver
    {
        /// <summary>
        /// Nesting of unnamed type expressions (an array of a map of an array ..., each through a
        /// <c>$ref</c>) beyond which the innermost is typed <c>JsonElement</c> (XAOT0008). Named types
        /// and <c>$ref</c> hops do not count; only a chain of hundreds of arrays or maps does, which
        /// no real schema has, and whose C# type would be hundreds of generic arguments deep. It also
        /// bounds the stack this recursion takes (about four frames per level).
        /// </summary>
        private const int MaxNesting = 400;

        private readonly TypeTable _table;
        private readonly RefResolver _refs;
        private readonly DiagnosticBag _diagnostics;
        private readonly CancellationToken _cancellation;
        private readonly PendingSpecs _pending = new();
        private readonly ResolutionPath _path = new();

        /// <summary>
        /// The <c>$ref</c> hops of every chain being followed, innermost chain last; one list for all,
        /// since a chain resolves its end (which may follow chains of its own) only after its last hop.
        /// </summary>
        private readonly List<(JsonTree Schema, string Pointer, bool Nullable)> _hops = new();

        /// <summary>Arrays and maps that hold themselves, registered as wrapper types while their element is resolved.</summary>
        private readonly Dictionary<JsonTree, TypeRef> _selfContainingWrappers = new(NodeIdentity.Instance);

        public TypeResolver(TypeTable table, RefResolver refs, DiagnosticBag diagnostics, CancellationToken cancellation)
        {
            _table = table;
            _refs = refs;
            _diagnostics = diagnostics;
            _cancellation = cancellation;
            var peek = new KindPeek(refs);
            var merge = new AllOfMerge(refs, diagnostics);
            Consts = new ConstTyping(diagnostics);
            Enums = new EnumTyping(table, diagnostics);
            Objects = new ObjectTyping(this, table, diagnostics, merge, cancellation);
            Unions = new UnionTyping(this, table, diagnostics, peek, new DiscriminatorSearch(refs, peek, merge), Enums, Objects);
        }

        public ConstTyping Consts { get; }

        public EnumTyping Enums { get; }

        public ObjectTyping Objects { get; }

        public UnionTyping Unions { get; }

        /// <summary>Resolves a top-level location (the root or a definition), then builds every type it reaches.</summary>
        public TypeRef ResolveAll(JsonTree schema, string pointer, string hint)
        {
            TypeRef type = Resolve(schema, pointer, hint);
            _pending.Drain(_cancellation);
            return type;
        }

        /// <summary>Queues the building of a registered named type's spec.</summary>
        public void Later(Action fill) => _pending.Add(fill);

        public TypeRef Resolve(JsonTree schema, string pointer, string hint)
        {
            if (_table.Resolved(schema) is { } known)
            {
                return known;
            }

            _cancellation.ThrowIfCancellationRequested();
            if (schema.Kind == JsonKind.Object && schema.Get("$ref") is { Kind: JsonKind.String })
            {
                return FollowReferences(schema, pointer);
            }

            if (!_path.TryEnter(schema, pointer, hint))
            {
                // Only a $ref leads back to a location; FollowReferences meets it first. Kept so that
                // no path can ever loop.
                return ReferToCycle(schema, schema, pointer);
            }

            try
            {
                if (_path.Length > MaxNesting)
                {
                    _diagnostics.Add(Diagnostics.NestingTooDeep, schema.Position, JsonPointer.Display(pointer), MaxNesting.ToString(CultureInfo.InvariantCulture));
                    return TypeRef.Any;
                }

                TypeRef result = Build(schema, pointer, hint);
                if (_selfContainingWrappers.TryGetValue(schema, out TypeRef? wrapper))
                {
                    _selfContainingWrappers.Remove(schema);
                    UnionKind kind = result.Kind == ValueKind.Array ? UnionKind.Array : UnionKind.Object;
                    Unions.CompleteKindUnion(wrapper.Name!, schema, pointer, new List<(UnionKind Kind, TypeRef Type)> { (kind, result.AsNullable(false)) });
                    result = wrapper.AsNullable(result.Nullable);
                }

                _table.Remember(schema, result);
                return result;
            }
            finally
            {
                _path.Leave(schema);
            }
        }

        /// <summary>Notes that the location being resolved is an array or a map, which may hold itself.</summary>
        public void EnterContainer(JsonTree schema) => _path.MarkContainer(schema);

        /// <summary>
        /// Follows a chain of <c>$ref</c>s without recursion to the first location that is not a bare
        /// reference, resolves that, and remembers the result (with each hop's <c>nullable</c>) for
        /// every hop. A hop met twice is a loop of references alone (XAOT0006); a target already on the
        /// path is a cycle through unnamed types, which can still be typed if it passes an array or map.
        /// </summary>
        private TypeRef FollowReferences(JsonTree schema, string pointer)
        {
            List<(JsonTree Schema, string Pointer, bool Nullable)> hops = _hops;
            int start = hops.Count;

            // Most references reach a schema in one hop: the set of visited hops is made only for long chains.
            HashSet<JsonTree>? visited = null;
            JsonTree current = schema;
            string currentPointer = pointer;
            TypeRef result;
            while (true)
            {
                if (current != schema && _table.Resolved(current) is { } known)
                {
                    result = known;
                    break;
                }

                if (current.Kind != JsonKind.Object || current.Get("$ref") is not { Kind: JsonKind.String } reference)
                {
                    result = _path.Contains(current)
                        ? ReferToCycle(current, hops[hops.Count - 1].Schema, hops[hops.Count - 1].Pointer)
                        : Resolve(current, currentPointer, _table.HintFor(current, currentPointer));
                    break;
                }

                if (WasVisited(hops, start, ref visited, current))
                {
                    ReportReferenceLoop(current, currentPointer);
                    result = TypeRef.Any;
                    break;
                }

                hops.Add((current, currentPointer, current.Get("nullable") is { Kind: JsonKind.True }));
                SchemaLocation? target = _refs.Follow(reference.Text!);
                if (target is null)
                {
                    result = TypeRef.Any;
                    break;
                }

                current = target.Value.Tree;
                currentPointer = target.Value.Pointer;
            }

            for (int index = hops.Count - 1; index >= start; index--)
            {
                result = result.AsNullable(result.Nullable || hops[index].Nullable);
                _table.Remember(hops[index].Schema, result);
            }

            hops.RemoveRange(start, hops.Count - start);

            return result;
        }

        /// <summary>
        /// True when <paramref name="hop"/> is already among <paramref name="hops"/>: a scan while the
        /// chain is short, then a set (which from then on also records each new hop).
        /// </summary>
        private static bool WasVisited(List<(JsonTree Schema, string Pointer, bool Nullable)> hops, int start, ref HashSet<JsonTree>? visited, JsonTree hop)
        {
            const int ScanLimit = 8;
            if (visited is null)
            {
                for (int index = start; index < hops.Count; index++)
                {
                    if (ReferenceEquals(hops[index].Schema, hop))
                    {
                        return true;
                    }
                }

                if (hops.Count - start < ScanLimit)
                {
                    return false;
                }

                visited = new HashSet<JsonTree>(NodeIdentity.Instance);
                for (int index = start; index < hops.Count; index++)
                {
                    visited.Add(hops[index].Schema);
                }
            }

            return !visited.Add(hop);
        }

        /// <summary>
        /// A reference back to <paramref name="target"/>, whose resolution is under way. Through an array
        /// or a map the cycle is typed: each container on it becomes a named wrapper (a kind union with
        /// one case, so <c>A: {type: array, items: {$ref: A}}</c> is a struct <c>A</c> holding an
        /// <c>IReadOnlyList&lt;A&gt;</c>), which round-trips exactly; every container on the cycle is
        /// wrapped, so the result does not depend on which definition was resolved first. Through
        /// aliases alone no C# type can stand for it (XAOT0006).
        /// </summary>
        private TypeRef ReferToCycle(JsonTree target, JsonTree referrer, string pointer)
        {
            List<ResolutionPath.Step> containers = _path.CycleFrom(target);
            if (containers.Count == 0)
            {
                ReportReferenceLoop(referrer, pointer);
                return TypeRef.Any;
            }

            foreach (ResolutionPath.Step container in containers)
            {
                if (!_selfContainingWrappers.ContainsKey(container.Schema))
                {
                    string name = _table.NameFor(container.Schema, container.Hint);
                    _selfContainingWrappers.Add(container.Schema, _table.Register(container.Schema, name, NamedKind.KindUnion, nullable: false));
                }
            }

            return _selfContainingWrappers[containers[0].Schema];
        }

        /// <summary>XAOT0006 at the <c>$ref</c> of <paramref name="referrer"/>, which closes a loop that reaches no type.</summary>
        private void ReportReferenceLoop(JsonTree referrer, string pointer)
        {
            JsonTree? reference = referrer.Get("$ref");
            _diagnostics.Add(
                Diagnostics.RefCycle,
                reference?.Position ?? referrer.Position,
                reference?.Text ?? JsonPointer.Display(pointer),
                JsonPointer.Display(reference is null ? pointer : JsonPointer.Append(pointer, "$ref")));
        }

        private TypeRef Build(JsonTree schema, string pointer, string hint)
        {
            if (schema.Kind != JsonKind.Object)
            {
                // `true` (or anything the walker already reported) accepts any value.
                return TypeRef.Any;
            }

            bool nullable = schema.Get("nullable") is { Kind: JsonKind.True };

            HashSet<string>? types = TypeKeyword.Names(schema);
            if (types is not null && types.Remove("null"))
            {
                nullable = true;
            }

            if (schema.Get("enum") is { Kind: JsonKind.Array } values)
            {
                return Enums.FromEnum(schema, pointer, hint, values, nullable);
            }

            if (schema.Member("const") is { } constant)
            {
                return Consts.FromConst(constant, JsonPointer.Append(pointer, "const"), nullable);
            }

            JsonMember? alternatives = Alternatives.Shaping(schema);
            if (alternatives is not null)
            {
                ReportIgnoredBesideAlternatives(schema, pointer, alternatives);
                return Unions.FromAlternatives(schema, pointer, hint, alternatives, nullable);
            }

            if (InheritanceTyping.Find(schema, _refs) is { } subtypes)
            {
                return Unions.FromDiscriminator(schema, pointer, hint, subtypes, nullable);
            }

            if (schema.Get("allOf") is { Kind: JsonKind.Array } allOf && allOf.Items!.Count > 0)
            {
                bool onlyWrapper = allOf.Items.Count == 1 && schema.Get("properties") is null
                    && schema.Get("additionalProperties") is null && schema.Get("required") is null;
                if (onlyWrapper)
                {
                    // `allOf: [{$ref}]` is how many generators attach a description to a reference.
                    TypeRef wrapped = Resolve(allOf.Items[0], JsonPointer.Append(JsonPointer.Append(pointer, "allOf"), "0"), hint);
                    return wrapped.AsNullable(wrapped.Nullable || nullable);
                }

                if (AllOfScalar.SinglePart(schema, allOf, _refs, out bool partNullable) is { } scalar)
                {
                    TypeRef wrapped = Resolve(allOf.Items[scalar], JsonPointer.Append(JsonPointer.Append(pointer, "allOf"), scalar.ToString(CultureInfo.InvariantCulture)), hint);
                    return wrapped.AsNullable(wrapped.Nullable || nullable || partNullable);
                }

                return Objects.FromObject(schema, pointer, hint, nullable);
            }

            if (types is null || types.Count == 0)
            {
                if (schema.Get("properties") is not null || schema.Get("additionalProperties") is not null || schema.Get("required") is not null
                    || schema.Get("patternProperties") is not null)
                {
                    return Objects.FromObjectOrMap(schema, pointer, hint, nullable);
                }

                return schema.Get("items") is not null ? FromArray(schema, pointer, hint, nullable) : TypeRef.Any.AsNullable(nullable);
            }

            if (types.Count > 1)
            {
                return Unions.FromTypeArray(schema, pointer, hint, types, nullable);
            }

            return FromSingleType(schema, pointer, hint, types.First(), nullable);
        }

        /// <summary>The type for one JSON Schema type name, read from <paramref name="schema"/>.</summary>
        public TypeRef FromSingleType(JsonTree schema, string pointer, string hint, string type, bool nullable)
        {
            switch (type)
            {
                case "string":
                    return new TypeRef(TypeKeyword.IsDateTime(schema) ? ValueKind.DateTime : ValueKind.String, nullable);
                case "integer":
                    return new TypeRef(ValueKind.Integer, nullable);
                case "number":
                    return new TypeRef(ValueKind.Number, nullable);
                case "boolean":
                    return new TypeRef(ValueKind.Boolean, nullable);
                case "array":
                    return FromArray(schema, pointer, hint, nullable);
                case "object":
                    return Objects.FromObjectOrMap(schema, pointer, hint, nullable);
                default:
                    return TypeRef.Any.AsNullable(nullable);
            }
        }

        public TypeRef FromArray(JsonTree schema, string pointer, string hint, bool nullable)
        {
            EnterContainer(schema);
            JsonTree? items = schema.Get("items");
            TypeRef element = items is null || items.Kind != JsonKind.Object
                ? TypeRef.Any
                : Resolve(items, JsonPointer.Append(pointer, "items"), hint + "Item");
            return new TypeRef(ValueKind.Array, nullable, Element: element);
        }

        private void ReportIgnoredBesideAlternatives(JsonTree schema, string pointer, JsonMember alternatives)
        {
            if (alternatives.Name == "oneOf" && schema.Member("anyOf") is { } ignored && !Alternatives.IsConstraintOnly(ignored.Value))
            {
                _diagnostics.Add(Diagnostics.IgnoredBesideKeyword, ignored.NamePosition, "anyOf", JsonPointer.Display(JsonPointer.Append(pointer, "anyOf")), "oneOf");
            }

            foreach (string structural in new[] { "properties", "items", "allOf" })
            {
                if (schema.Member(structural) is { } beside)
                {
                    _diagnostics.Add(Diagnostics.IgnoredBesideKeyword, beside.NamePosition, structural, JsonPointer.Display(JsonPointer.Append(pointer, structural)), alternatives.Name);
                }
            }
        }
    }
}
