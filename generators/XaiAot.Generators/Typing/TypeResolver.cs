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
    /// Objects are finished from <see cref="_pendingObjects"/> once the chain that found them is long,
    /// so no chain of object references can exhaust the stack.
    /// </summary>
    internal sealed class TypeResolver
    {
        /// <summary>
        /// Nesting beyond which an object's members are filled from the work queue instead of at once.
        /// Filling at once gives the depth-first type order (and name claims) the snapshots pin; the
        /// queue keeps a long chain of objects (A.next: B, B.next: C, ...) off the stack.
        /// </summary>
        private const int FillAtOnceDepth = 64;

        /// <summary>
        /// Nesting that only an adversarial chain of <c>$ref</c>/<c>items</c>/<c>additionalProperties</c>
        /// reaches without passing an object (XAOT0008): such a chain has no type to stop at, so it is
        /// cut here rather than at the end of the stack.
        /// </summary>
        private const int MaxNesting = 400;

        private readonly TypeTable _table;
        private readonly RefResolver _refs;
        private readonly DiagnosticBag _diagnostics;
        private readonly CancellationToken _cancellation;
        private readonly Queue<PendingObject> _pendingObjects = new();

        // Known limitation: a property schema inherited through allOf (B: allOf [A]) can be met again
        // while A's copy of it is still on the path, which reports XAOT0006 although the $ref names
        // an object type.
        private readonly ResolutionPath _path = new();

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

        /// <summary>Resolves a top-level location (the root or a definition) and everything it reaches.</summary>
        public void ResolveAll(JsonTree schema, string pointer, string hint)
        {
            Resolve(schema, pointer, hint);
            while (_pendingObjects.Count > 0)
            {
                _cancellation.ThrowIfCancellationRequested();
                PendingObject pending = _pendingObjects.Dequeue();
                Objects.Fill(pending.Name, pending.Schema, pending.Pointer);
            }
        }

        public TypeRef Resolve(JsonTree schema, string pointer, string hint)
        {
            if (_table.Resolved(schema) is { } known)
            {
                return known;
            }

            _cancellation.ThrowIfCancellationRequested();

            if (!_path.TryEnter(schema))
            {
                // Reached again before it was registered: a chain of $ref/anyOf/items that never
                // passes through an object, so no C# type can stand for it.
                JsonTree? cycle = schema.Get("$ref");
                _diagnostics.Add(
                    Diagnostics.RefCycle,
                    cycle?.Position ?? schema.Position,
                    cycle?.Text ?? JsonPointer.Display(pointer),
                    JsonPointer.Display(cycle is null ? pointer : JsonPointer.Append(pointer, "$ref")));
                return TypeRef.Any;
            }

            try
            {
                if (_path.Length > MaxNesting)
                {
                    _diagnostics.Add(Diagnostics.NestingTooDeep, schema.Position, JsonPointer.Display(pointer), MaxNesting.ToString(CultureInfo.InvariantCulture));
                    return TypeRef.Any;
                }

                TypeRef result = Build(schema, pointer, hint);
                _table.Remember(schema, result);
                return result;
            }
            finally
            {
                _path.Leave(schema);
            }
        }

        /// <summary>Fills an object's members now, or queues it when the chain that reached it is long.</summary>
        public void FillNowOrQueue(string name, JsonTree schema, string pointer)
        {
            if (_path.Length > FillAtOnceDepth)
            {
                _pendingObjects.Enqueue(new PendingObject(name, schema, pointer));
            }
            else
            {
                Objects.Fill(name, schema, pointer);
            }
        }

        private TypeRef Build(JsonTree schema, string pointer, string hint)
        {
            if (schema.Kind != JsonKind.Object)
            {
                // `true` (or anything the walker already reported) accepts any value.
                return TypeRef.Any;
            }

            bool nullable = schema.Get("nullable") is { Kind: JsonKind.True };

            if (schema.Get("$ref") is { Kind: JsonKind.String } reference)
            {
                SchemaLocation? target = _refs.Follow(reference.Text!);
                if (target is null)
                {
                    return TypeRef.Any.AsNullable(nullable);
                }

                TypeRef referenced = Resolve(target.Value.Tree, target.Value.Pointer, _table.HintFor(target.Value.Tree, target.Value.Pointer));
                return referenced.AsNullable(referenced.Nullable || nullable);
            }

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

            ReportConstraintOnlyAlternatives(schema, pointer);

            JsonMember? alternatives = Alternatives.Shaping(schema);
            if (alternatives is not null)
            {
                ReportIgnoredBesideAlternatives(schema, pointer, alternatives);
                return Unions.FromAlternatives(schema, pointer, hint, alternatives, nullable);
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

                return Objects.FromObject(schema, pointer, hint, nullable);
            }

            if (types is null || types.Count == 0)
            {
                if (schema.Get("properties") is not null || schema.Get("additionalProperties") is not null || schema.Get("required") is not null)
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
            JsonTree? items = schema.Get("items");
            TypeRef element = items is null || items.Kind != JsonKind.Object
                ? TypeRef.Any
                : Resolve(items, JsonPointer.Append(pointer, "items"), hint + "Item");
            return new TypeRef(ValueKind.Array, nullable, Element: element);
        }

        private void ReportConstraintOnlyAlternatives(JsonTree schema, string pointer)
        {
            foreach (string keyword in new[] { "oneOf", "anyOf" })
            {
                if (schema.Member(keyword) is { } constraints && Alternatives.IsConstraintOnly(constraints.Value))
                {
                    // `anyOf: [{required: [a]}, {required: [b]}]` constrains an object without shaping it.
                    _diagnostics.Add(Diagnostics.ValidationKeywordIgnored, constraints.NamePosition, keyword, JsonPointer.Display(JsonPointer.Append(pointer, keyword)));
                }
            }
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

        /// <summary>An object registered under <see cref="Name"/> whose members are still to be read.</summary>
        private sealed record PendingObject(string Name, JsonTree Schema, string Pointer);
    }
}
