using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using XaiAot.Generators.Model;

namespace XaiAot.Generators.Parsing
{
    /// <summary>
    /// Compiles one schema file into a <see cref="GenerationSpec"/>: every <c>$defs</c> entry (and the
    /// root, when it describes a value) becomes a type; inline object, enum and union schemas become
    /// types named from their path. Never throws for bad input: problems become diagnostics and the
    /// affected value degrades to <c>JsonElement</c>, which still round-trips whatever arrives.
    /// </summary>
    internal sealed partial class SchemaCompiler
    {
        private static readonly string[] ObjectReservedMembers =
        {
            "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct", "GetType",
            "MemberwiseClone", "Finalize", "Clone", "JsonRead", "JsonWrite", "IsNamedMember",
        };

        private static readonly string[] EnumReservedMembers =
        {
            "Value", "IsKnown", "KnownValues", "Equals", "GetHashCode", "ToString", "GetType", "JsonRead", "JsonWrite",
        };

        private static readonly string[] ContextReservedNames =
        {
            "Default", "Options", "Converters", "SchemaRuntime", "CreateTypeInfo", "GetTypeInfo", "GeneratedSerializerOptions", "s_default",
        };

        /// <summary>Nesting of <see cref="Resolve"/> beyond which object members are filled from a queue.</summary>
        private const int DeferObjectsDepth = 64;

        /// <summary>Nesting of <see cref="Resolve"/> that only an adversarial chain of references reaches (XAOT0008).</summary>
        private const int MaxResolveDepth = 400;

        private readonly Queue<Action> _pendingObjects = new();
        private int _depth;
        private readonly JsonTree _root;
        private readonly string? _rootId;
        private readonly DiagnosticBag _diagnostics;
        private readonly CancellationToken _cancellation;
        private readonly NameScope _typeNames;
        private readonly Dictionary<JsonTree, string> _reservedNames = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<JsonTree, TypeRef> _resolved = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<JsonTree> _inProgress = new(ReferenceEqualityComparer.Instance);
        private readonly List<TypeBuilder> _builders = new();
        private readonly Dictionary<string, ObjectBuilder> _objects = new(StringComparer.Ordinal);

        private SchemaCompiler(JsonTree root, DiagnosticBag diagnostics, string contextName, CancellationToken cancellation)
        {
            _root = root;
            _rootId = root.Get("$id") is { Kind: JsonKind.String } id ? id.Text : null;
            _diagnostics = diagnostics;
            _cancellation = cancellation;
            // The context's own files ("<Context>.g.cs", "<Context>.SchemaRuntime.g.cs") share the hint-name space.
            _typeNames = new NameScope(new[] { contextName, "SchemaRuntime" }, ignoreCase: true);
        }

        /// <summary>Compiles <paramref name="text"/>; all problems are returned as diagnostics.</summary>
        public static CompiledSchema Compile(string filePath, string text, string ns, string contextName, CancellationToken cancellation)
        {
            var diagnostics = new DiagnosticBag(filePath);
            string fileName = System.IO.Path.GetFileName(filePath);
            var fileStart = new TextPosition(0, 0, 0, 0);
            if (!Identifiers.IsValidNamespace(ns))
            {
                diagnostics.Add(Diagnostics.InvalidOption, fileStart, "Namespace", ns, fileName, "namespace");
            }

            if (!Identifiers.IsValidIdentifier(contextName))
            {
                diagnostics.Add(Diagnostics.InvalidOption, fileStart, "ContextName", contextName, fileName, "class name");
            }
            else if (Array.IndexOf(ContextReservedNames, contextName) >= 0 || contextName.StartsWith("_", StringComparison.Ordinal))
            {
                // The context declares these members itself (and a field "_" + each type name); a class
                // cannot have a member named like itself (CS0542).
                diagnostics.Add(Diagnostics.InvalidOption, fileStart, "ContextName", contextName, fileName, "class name here: the context declares a member of that name");
            }
            else if (contextName.All(c => c >= 'a' && c <= 'z'))
            {
                diagnostics.Add(Diagnostics.InvalidOption, fileStart, "ContextName", contextName, fileName, "class name without warning CS8981: lower-case type names are reserved for the language");
            }

            if (diagnostics.HasErrors)
            {
                return new CompiledSchema(null, diagnostics.Items.ToEquatableArray());
            }

            JsonTree root;
            try
            {
                root = JsonTreeReader.Parse(text);
            }
            catch (JsonSyntaxException ex)
            {
                diagnostics.Add(Diagnostics.InvalidJson, ex.Position, fileName, ex.Message);
                return new CompiledSchema(null, diagnostics.Items.ToEquatableArray());
            }

            if (root.Kind != JsonKind.Object)
            {
                if (!root.IsBoolean)
                {
                    diagnostics.Add(Diagnostics.InvalidSchema, root.Position, "#", SchemaWalker.Article(root));
                }

                return new CompiledSchema(
                    new GenerationSpec(filePath, fileName, ns, contextName, EquatableArray<TypeSpec>.Empty),
                    diagnostics.Items.ToEquatableArray());
            }

            var compiler = new SchemaCompiler(root, diagnostics, contextName, cancellation);
            new SchemaWalker(root, compiler._rootId, diagnostics).Walk();
            EquatableArray<TypeSpec> types = compiler.CompileTypes(fileName);
            return new CompiledSchema(new GenerationSpec(filePath, fileName, ns, contextName, types), diagnostics.Items.ToEquatableArray());
        }

        private EquatableArray<TypeSpec> CompileTypes(string fileName)
        {
            var definitions = new List<(JsonTree Schema, string Pointer, string Name)>();
            foreach ((JsonTree? defs, string container) in DefinitionContainers(_root))
            {
                foreach (JsonMember member in defs!.Members!)
                {
                    // Definitions claim their names first, so inline types never take a name the
                    // schema author chose, and adding an inline type never renames a definition.
                    string name = _typeNames.Claim(TypeName(member.Name));
                    _reservedNames[member.Value] = name;
                    definitions.Add((member.Value, JsonPointer.Append(container, member.Name), name));
                }
            }

            if (DescribesValue(_root))
            {
                string rootName = _root.Get("title") is { Kind: JsonKind.String } title
                    ? TypeName(title.Text!)
                    : TypeName(StemOf(fileName));
                _reservedNames[_root] = _typeNames.Claim(rootName);
                Resolve(_root, string.Empty, rootName);
                FillPendingObjects();
            }

            foreach ((JsonTree schema, string pointer, string name) in definitions)
            {
                _cancellation.ThrowIfCancellationRequested();
                Resolve(schema, pointer, name);
                FillPendingObjects();
            }

            return Freeze();
        }

        private void FillPendingObjects()
        {
            while (_pendingObjects.Count > 0)
            {
                _cancellation.ThrowIfCancellationRequested();
                _pendingObjects.Dequeue()();
            }
        }

        /// <summary>
        /// Where named schemas live: <c>$defs</c>, <c>definitions</c> (drafts 4-7, Swagger 2) and an
        /// OpenAPI 3 document's <c>components/schemas</c>, so a whole API description can be used as is.
        /// </summary>
        internal static IEnumerable<(JsonTree Container, string Pointer)> DefinitionContainers(JsonTree root)
        {
            foreach (string container in new[] { "$defs", "definitions" })
            {
                if (root.Get(container) is { Kind: JsonKind.Object } defs)
                {
                    yield return (defs, "/" + container);
                }
            }

            if (root.Get("components") is { Kind: JsonKind.Object } components && components.Get("schemas") is { Kind: JsonKind.Object } schemas)
            {
                yield return (schemas, "/components/schemas");
            }
        }

        private static string StemOf(string fileName)
        {
            string stem = fileName;
            foreach (string suffix in new[] { ".json", ".schema" })
            {
                if (stem.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    stem = stem.Substring(0, stem.Length - suffix.Length);
                }
            }

            return stem;
        }

        private static string TypeName(string raw) => Identifiers.ToPascalCase(raw, "Type").TrimStart('@');

        /// <summary>True when the root does more than hold definitions.</summary>
        private static bool DescribesValue(JsonTree root)
        {
            foreach (string keyword in new[] { "type", "properties", "$ref", "oneOf", "anyOf", "allOf", "enum", "const", "items", "additionalProperties" })
            {
                if (root.Get(keyword) is not null)
                {
                    return true;
                }
            }

            return false;
        }

        // ---------------------------------------------------------------- resolution

        private TypeRef Resolve(JsonTree schema, string pointer, string hint)
        {
            if (_resolved.TryGetValue(schema, out TypeRef? known))
            {
                return known;
            }

            _cancellation.ThrowIfCancellationRequested();

            if (!_inProgress.Add(schema))
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

            if (_depth >= MaxResolveDepth)
            {
                _diagnostics.Add(Diagnostics.NestingTooDeep, schema.Position, JsonPointer.Display(pointer), MaxResolveDepth.ToString(CultureInfo.InvariantCulture));
                _inProgress.Remove(schema);
                return TypeRef.Any;
            }

            _depth++;
            try
            {
                TypeRef result = Build(schema, pointer, hint);
                _resolved[schema] = result;
                return result;
            }
            finally
            {
                _depth--;
                _inProgress.Remove(schema);
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
                (JsonTree Tree, string Pointer)? target = FollowRef(reference.Text!);
                if (target is null)
                {
                    return TypeRef.Any.AsNullable(nullable);
                }

                TypeRef referenced = Resolve(target.Value.Tree, target.Value.Pointer, HintFor(target.Value.Tree, target.Value.Pointer));
                return referenced.AsNullable(referenced.Nullable || nullable);
            }

            HashSet<string>? types = TypeNamesOf(schema);
            if (types is not null && types.Remove("null"))
            {
                nullable = true;
            }

            if (schema.Get("enum") is { Kind: JsonKind.Array } values)
            {
                return BuildEnum(schema, pointer, hint, values, nullable);
            }

            if (schema.Member("const") is { } constant)
            {
                return BuildConst(constant, JsonPointer.Append(pointer, "const"), nullable);
            }

            foreach (string keyword in new[] { "oneOf", "anyOf" })
            {
                if (schema.Member(keyword) is { } constraints && IsConstraintOnly(constraints.Value))
                {
                    // `anyOf: [{required: [a]}, {required: [b]}]` constrains an object without shaping it.
                    _diagnostics.Add(Diagnostics.ValidationKeywordIgnored, constraints.NamePosition, keyword, JsonPointer.Display(JsonPointer.Append(pointer, keyword)));
                }
            }

            JsonMember? alternatives = ShapingAlternatives(schema);
            if (alternatives is not null)
            {
                if (alternatives.Name == "oneOf" && schema.Member("anyOf") is { } ignored && !IsConstraintOnly(ignored.Value))
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

                return BuildUnion(schema, pointer, hint, alternatives, nullable);
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

                return BuildObject(schema, pointer, hint, nullable);
            }

            if (types is null || types.Count == 0)
            {
                if (schema.Get("properties") is not null || schema.Get("additionalProperties") is not null || schema.Get("required") is not null)
                {
                    return BuildObjectOrMap(schema, pointer, hint, nullable);
                }

                return schema.Get("items") is not null ? BuildArray(schema, pointer, hint, nullable) : TypeRef.Any.AsNullable(nullable);
            }

            if (types.Count > 1)
            {
                return BuildTypeArrayUnion(schema, pointer, hint, types, nullable);
            }

            return BuildSingleType(schema, pointer, hint, types.First(), nullable);
        }

        private TypeRef BuildSingleType(JsonTree schema, string pointer, string hint, string type, bool nullable)
        {
            switch (type)
            {
                case "string":
                    return new TypeRef(IsDateTime(schema) ? ValueKind.DateTime : ValueKind.String, nullable);
                case "integer":
                    return new TypeRef(ValueKind.Integer, nullable);
                case "number":
                    return new TypeRef(ValueKind.Number, nullable);
                case "boolean":
                    return new TypeRef(ValueKind.Boolean, nullable);
                case "array":
                    return BuildArray(schema, pointer, hint, nullable);
                case "object":
                    return BuildObjectOrMap(schema, pointer, hint, nullable);
                default:
                    return TypeRef.Any.AsNullable(nullable);
            }
        }

        /// <summary>The <c>oneOf</c> (else <c>anyOf</c>) that decides the type, skipping constraint-only ones.</summary>
        internal static JsonMember? ShapingAlternatives(JsonTree schema)
        {
            foreach (string keyword in new[] { "oneOf", "anyOf" })
            {
                if (schema.Member(keyword) is { Value: { Kind: JsonKind.Array, Items.Count: > 0 } } member && !IsConstraintOnly(member.Value))
                {
                    return member;
                }
            }

            return null;
        }

        /// <summary>
        /// True for alternatives that only add constraints (<c>required</c>, validation keywords,
        /// annotations) and so do not change the shape: the JSON Schema idiom for "at least one of".
        /// </summary>
        internal static bool IsConstraintOnly(JsonTree alternatives)
        {
            if (alternatives.Kind != JsonKind.Array || alternatives.Items!.Count == 0)
            {
                return false;
            }

            foreach (JsonTree alternative in alternatives.Items)
            {
                if (alternative.Kind != JsonKind.Object)
                {
                    return false;
                }

                foreach (JsonMember member in alternative.Members!)
                {
                    bool constraint = member.Name == "required"
                        || Keywords.Classify(member.Name) is KeywordClass.ValidationOnly or KeywordClass.Annotation or KeywordClass.Unknown;
                    if (!constraint)
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private static bool IsDateTime(JsonTree schema) => schema.Get("format") is { Kind: JsonKind.String, Text: "date-time" };

        private static HashSet<string>? TypeNamesOf(JsonTree schema)
        {
            JsonTree? type = schema.Get("type");
            if (type is null)
            {
                return null;
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            if (type.Kind == JsonKind.String)
            {
                names.Add(type.Text!);
            }
            else if (type.Kind == JsonKind.Array)
            {
                foreach (JsonTree item in type.Items!)
                {
                    if (item.Kind == JsonKind.String)
                    {
                        names.Add(item.Text!);
                    }
                }
            }

            names.RemoveWhere(n => n is not ("string" or "integer" or "number" or "boolean" or "object" or "array" or "null"));
            return names;
        }

        private (JsonTree Tree, string Pointer)? FollowRef(string reference)
        {
            (string document, string fragment) = JsonPointer.SplitRef(reference);
            if (!JsonPointer.IsLocal(document, _rootId))
            {
                return null; // reported by the walker (XAOT0106)
            }

            JsonTree? target = JsonPointer.Resolve(_root, fragment, out _);
            return target is null ? null : (target, fragment);
        }

        private string HintFor(JsonTree target, string pointer) =>
            _reservedNames.TryGetValue(target, out string? reserved) ? reserved : JsonPointer.NameHint(pointer);

        private string NameFor(JsonTree schema, string hint) =>
            _reservedNames.TryGetValue(schema, out string? reserved) ? reserved : _typeNames.Claim(TypeName(hint));

        private void Register(JsonTree? schema, TypeBuilder builder, TypeRef reference)
        {
            if (schema is not null)
            {
                _resolved[schema] = reference;
            }

            _builders.Add(builder);
            if (builder is ObjectBuilder objectBuilder)
            {
                _objects[objectBuilder.Name] = objectBuilder;
            }
        }

        private static string? DocOf(JsonTree schema)
        {
            if (schema.Get("description") is { Kind: JsonKind.String } description)
            {
                return description.Text;
            }

            return schema.Get("title") is { Kind: JsonKind.String } title ? title.Text : null;
        }

        private static bool IsDeprecated(JsonTree schema) => schema.Get("deprecated") is { Kind: JsonKind.True };

        private T Describe<T>(T builder, JsonTree schema)
            where T : TypeBuilder
        {
            builder.Doc = DocOf(schema);
            builder.Deprecated = IsDeprecated(schema);
            return builder;
        }

        // ---------------------------------------------------------------- scalars, enums, arrays

        private TypeRef BuildConst(JsonMember constant, string pointer, bool nullable)
        {
            JsonTree value = constant.Value;
            switch (value.Kind)
            {
                case JsonKind.String:
                    return new TypeRef(ValueKind.Const, nullable, Const: new ConstValue(ValueKind.String, JsonTreeWriter.Quote(value.Text!), value.Text));
                case JsonKind.Number when ScalarConst(value, nullable) is { } number:
                    return number;
                case JsonKind.True:
                case JsonKind.False:
                    return ScalarConst(value, nullable)!;
                case JsonKind.Null:
                    return TypeRef.Any.AsNullable(true);
                default:
                    _diagnostics.Add(Diagnostics.UnsupportedEnum, constant.NamePosition, "const", JsonPointer.Display(pointer), SchemaWalker.Article(value), "JsonElement (kept as it came, not checked)");
                    return TypeRef.Any.AsNullable(nullable);
            }
        }

        /// <summary>A number or boolean constant; null for a number no double can hold (1e400).</summary>
        private static TypeRef? ScalarConst(JsonTree value, bool nullable)
        {
            if (value.Kind is JsonKind.True or JsonKind.False)
            {
                return new TypeRef(ValueKind.Const, nullable, Const: new ConstValue(ValueKind.Boolean, value.Describe(), null));
            }

            bool integral = value.Text!.IndexOfAny(new[] { '.', 'e', 'E' }) < 0
                && long.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
            if (!integral && (!double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) || double.IsInfinity(number) || double.IsNaN(number)))
            {
                return null;
            }

            return new TypeRef(ValueKind.Const, nullable, Const: new ConstValue(integral ? ValueKind.Integer : ValueKind.Number, value.Text, null));
        }

        private TypeRef BuildEnum(JsonTree schema, string pointer, string hint, JsonTree values, bool nullable)
        {
            var strings = new List<string>();
            KindSet others = KindSet.None;
            foreach (JsonTree value in values.Items!)
            {
                switch (value.Kind)
                {
                    case JsonKind.String:
                        if (!strings.Contains(value.Text!))
                        {
                            strings.Add(value.Text!);
                        }

                        break;
                    case JsonKind.Null:
                        nullable = true;
                        break;
                    case JsonKind.Number:
                        others |= value.Text!.IndexOfAny(new[] { '.', 'e', 'E' }) < 0 ? KindSet.Integer : KindSet.Number;
                        break;
                    case JsonKind.True:
                    case JsonKind.False:
                        others |= KindSet.Boolean;
                        break;
                    default:
                        others |= KindSet.Any;
                        break;
                }
            }

            string enumPointer = JsonPointer.Display(JsonPointer.Append(pointer, "enum"));
            JsonMember enumMember = schema.Member("enum")!;
            var nonNull = values.Items.Where(v => v.Kind != JsonKind.Null).ToList();
            if (nonNull.Count == 1 && nonNull[0].Kind is JsonKind.Number or JsonKind.True or JsonKind.False
                && ScalarConst(nonNull[0], nullable) is { } single)
            {
                // A one-value enum is a constant, whatever its kind (`deleted: {enum: [true]}`).
                return single;
            }

            if (others != KindSet.None)
            {
                TypeRef fallback = strings.Count == 0 && others == KindSet.Boolean ? new TypeRef(ValueKind.Boolean, nullable)
                    : strings.Count == 0 && others == KindSet.Integer ? new TypeRef(ValueKind.Integer, nullable)
                    : strings.Count == 0 && (others & ~(KindSet.Integer | KindSet.Number)) == 0 ? new TypeRef(ValueKind.Number, nullable)
                    : TypeRef.Any.AsNullable(nullable);
                string shown = fallback.Kind switch
                {
                    ValueKind.Boolean => "bool",
                    ValueKind.Integer => "long",
                    ValueKind.Number => "double",
                    _ => "JsonElement",
                };
                _diagnostics.Add(Diagnostics.UnsupportedEnum, enumMember.NamePosition, "enum", enumPointer, "non-string values", shown + " (values not checked)");
                return fallback;
            }

            if (strings.Count == 0)
            {
                return TypeRef.Any.AsNullable(true);
            }

            if (strings.Count == 1)
            {
                // A one-value enum is how OpenAPI spells a constant (`type: {enum: [function]}`).
                return new TypeRef(ValueKind.Const, nullable, Const: new ConstValue(ValueKind.String, JsonTreeWriter.Quote(strings[0]), strings[0]));
            }

            return NewEnum(schema, pointer, hint, strings, nullable);
        }

        private TypeRef NewEnum(JsonTree? schema, string pointer, string hint, List<string> values, bool nullable)
        {
            var builder = new EnumBuilder(schema is null ? _typeNames.Claim(TypeName(hint)) : NameFor(schema, hint), pointer);
            if (schema is not null)
            {
                Describe(builder, schema);
            }

            builder.Values.AddRange(values);
            var reference = new TypeRef(ValueKind.Named, nullable, builder.Name, NamedKind.Enum);
            Register(schema, builder, reference);
            return reference;
        }

        private TypeRef BuildArray(JsonTree schema, string pointer, string hint, bool nullable)
        {
            JsonTree? items = schema.Get("items");
            TypeRef element = items is null || items.Kind != JsonKind.Object
                ? TypeRef.Any
                : Resolve(items, JsonPointer.Append(pointer, "items"), hint + "Item");
            return new TypeRef(ValueKind.Array, nullable, Element: element);
        }
    }

    /// <summary>Identity comparison for JSON nodes: each node of the file is one schema position.</summary>
    internal sealed class ReferenceEqualityComparer : IEqualityComparer<JsonTree>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public bool Equals(JsonTree? x, JsonTree? y) => ReferenceEquals(x, y);

        public int GetHashCode(JsonTree obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
