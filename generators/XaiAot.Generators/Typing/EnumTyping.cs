using System.Collections.Generic;
using System.Linq;
using XaiAot.Generators.JsonText;
using XaiAot.Generators.Model;
using XaiAot.Generators.Naming;
using XaiAot.Generators.Schema;

namespace XaiAot.Generators.Typing
{
    /// <summary>
    /// <c>enum</c>: string values become an open enum (unknown values survive a round trip); one value
    /// is a constant; values of other kinds fall back to the scalar they share, with a warning.
    /// </summary>
    internal sealed class EnumTyping
    {
        private readonly TypeTable _table;
        private readonly DiagnosticBag _diagnostics;

        public EnumTyping(TypeTable table, DiagnosticBag diagnostics)
        {
            _table = table;
            _diagnostics = diagnostics;
        }

        public TypeRef FromEnum(JsonTree schema, string pointer, string hint, JsonTree values, bool nullable)
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
                        others |= TypeKeyword.IsIntegerText(value.Text!) ? KindSet.Integer : KindSet.Number;
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

            var nonNull = values.Items.Where(value => value.Kind != JsonKind.Null).ToList();
            if (nonNull.Count == 1 && nonNull[0].Kind is JsonKind.Number or JsonKind.True or JsonKind.False
                && ConstTyping.Scalar(nonNull[0], nullable) is { } single)
            {
                // A one-value enum is a constant, whatever its kind (`deleted: {enum: [true]}`).
                return single;
            }

            if (others != KindSet.None)
            {
                return NonStringFallback(schema.Member("enum")!, JsonPointer.Display(JsonPointer.Append(pointer, "enum")), strings.Count, others, nullable);
            }

            if (strings.Count == 0)
            {
                return TypeRef.Any.AsNullable(true);
            }

            if (strings.Count == 1)
            {
                // A one-value enum is how OpenAPI spells a constant (`type: {enum: [function]}`).
                return ConstTyping.StringConst(strings[0], nullable);
            }

            return NewEnum(schema, pointer, hint, strings, nullable);
        }

        /// <summary>
        /// Registers an open enum of <paramref name="values"/>. Without a schema (the merged string
        /// alternatives of a union) the enum gets a fresh name and no documentation.
        /// </summary>
        public TypeRef NewEnum(JsonTree? schema, string pointer, string hint, List<string> values, bool nullable)
        {
            string name = _table.NameFor(schema, hint);
            TypeRef reference = _table.Register(schema, name, NamedKind.Enum, nullable);
            var members = new NameScope(ReservedNames.EnumMembers);
            members.Claim(name);
            _table.Complete(new EnumSpec(
                name,
                schema is null ? null : Annotations.Doc(schema),
                schema is not null && Annotations.IsDeprecated(schema),
                pointer,
                values.Select(value => new EnumValueSpec(value, members.Claim(Identifiers.ToPascalCase(value, "Empty")))).ToEquatableArray()));
            return reference;
        }

        private TypeRef NonStringFallback(JsonMember enumMember, string enumPointer, int stringCount, KindSet others, bool nullable)
        {
            TypeRef fallback = stringCount == 0 && others == KindSet.Boolean ? new TypeRef(ValueKind.Boolean, nullable)
                : stringCount == 0 && others == KindSet.Integer ? new TypeRef(ValueKind.Integer, nullable)
                : stringCount == 0 && (others & ~(KindSet.Integer | KindSet.Number)) == 0 ? new TypeRef(ValueKind.Number, nullable)
                : TypeRef.Any.AsNullable(nullable);
            string shown = fallback.Kind switch
            {
                ValueKind.Boolean => "bool",
                ValueKind.Integer => "long",
                ValueKind.Number => "double",
                _ => "JsonElement",
            };
            _diagnostics.Add(Diagnostics.UnsupportedEnum, enumMember.NamePosition, "enum", enumPointer, "non-string values", shown + " (Validate() checks the values)");
            return fallback;
        }
    }
}
