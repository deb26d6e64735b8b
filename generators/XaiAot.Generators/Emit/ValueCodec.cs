using XaiAot.Generators.Model;

namespace XaiAot.Generators.Emit
{
    /// <summary>
    /// C# expressions that read one value of a <see cref="TypeRef"/> from a <c>Utf8JsonReader</c>
    /// positioned on its first token, and statements that write one to a <c>Utf8JsonWriter</c>.
    /// Scalars, arrays and maps go through the runtime helpers (<c>rt.</c>), which check the token
    /// kind first (so a wrong kind says what was expected) and track the array index or map key of
    /// an error; array items and map values are read and written by static methods passed as
    /// delegates (cached by the compiler), so no loop is emitted per member.
    /// </summary>
    internal sealed class ValueCodec
    {
        private readonly GenerationSpec _spec;

        public ValueCodec(GenerationSpec spec)
        {
            _spec = spec;
        }

        public string TypeOf(TypeRef type, bool nullable) => CSharp.TypeOf(_spec, type, nullable);

        /// <summary>
        /// Reads a non-null value (the reader is on its first token). <paramref name="cache"/> names a
        /// string cache field for a member that repeats from chunk to chunk (see ObjectPlan.Repeats).
        /// </summary>
        public string Read(TypeRef type, string reader = "reader", string? cache = null) =>
            type.Kind switch
            {
                ValueKind.String => cache is null ? "rt.ReadString(ref " + reader + ")" : "rt.ReadRepeated(ref " + reader + ", ref " + cache + ")",
                ValueKind.Integer => "rt.ReadInt64(ref " + reader + ")",
                ValueKind.Number => "rt.ReadDouble(ref " + reader + ")",
                ValueKind.Boolean => "rt.ReadBoolean(ref " + reader + ")",
                ValueKind.DateTime => DateTimeTextSource.TypeName(_spec) + ".JsonRead(ref " + reader + ")",
                ValueKind.Any => "rt.ReadAny(ref " + reader + ")",
                ValueKind.AnyObject => (type.Nullable ? "rt.ReadAnyObjectOrNull(ref " : "rt.ReadAnyObject(ref ") + reader + ")",
                ValueKind.Const => ReadConst(type.Const!, reader),
                ValueKind.Named => CSharp.Qualified(_spec, type.Name!) + ".JsonRead(ref " + reader + ")",
                ValueKind.Array => "rt.ReadArray" + TypeArgument(type.Element!) + "(ref " + reader + ", " + ItemReader(type.Element!, Inner(reader, "r")) + ")",
                _ => "rt.ReadMap" + TypeArgument(type.Element!) + "(ref " + reader + ", " + ItemReader(type.Element!, Inner(reader, "r")) + ")",
            };

        /// <summary>
        /// Reads a value that is null when <paramref name="type"/> is nullable and the token is null. A
        /// target-typed conditional: use it where the target type is known (assignment, typed lambda).
        /// </summary>
        public string ReadNullable(TypeRef type, string reader = "reader") =>
            type.Nullable && type.Kind is not (ValueKind.Any or ValueKind.AnyObject)
                ? "rt.IsNull(ref " + reader + ") ? null : " + OrNull(type, Read(type, reader))
                : Read(type, reader);

        /// <summary>
        /// The non-null operand of <c>condition ? value : null</c>. An open enum or kind union converts
        /// implicitly from string, so null would convert to it: the operand is cast to the nullable type.
        /// </summary>
        public string OrNull(TypeRef type, string expression) =>
            type.Kind == ValueKind.Named && type.IsValueType ? "(" + TypeOf(type, nullable: true) + ")" + expression : expression;

        /// <summary>
        /// A discriminator (already picked the variant) is checked, not stored: a statement.
        /// </summary>
        public static string CheckConst(ConstValue value) =>
            value.Kind switch
            {
                ValueKind.String => "rt.ExpectString(ref reader, " + CSharp.Utf8Literal(value.StringValue!) + ", " + CSharp.StringLiteral(value.Json) + ");",
                ValueKind.Integer => "rt.ExpectInt64(ref reader, " + CSharp.ConstExpression(value) + ");",
                ValueKind.Number => "rt.ExpectDouble(ref reader, " + CSharp.ConstExpression(value) + ");",
                _ => "rt.ExpectBoolean(ref reader, " + value.Json + ");",
            };

        /// <summary>
        /// A constant with a target is read leniently: a different value of the same JSON kind is kept
        /// (and so written back), never an error. Azure AI Foundry sends <c>"object":""</c> in a
        /// content-filter prelude chunk; a strict check lost the whole stream.
        /// </summary>
        private static string ReadConst(ConstValue value, string reader) =>
            value.Kind switch
            {
                // The expected value costs no allocation; any other string is kept as it came.
                ValueKind.String => "rt.ReadConstString(ref " + reader + ", " + CSharp.Utf8Literal(value.StringValue!) + ", " + CSharp.ConstExpression(value) + ")",
                ValueKind.Integer => "rt.ReadInt64(ref " + reader + ")",
                ValueKind.Number => "rt.ReadDouble(ref " + reader + ")",
                _ => "rt.ReadBoolean(ref " + reader + ")",
            };

        /// <summary>A method group where one fits the delegate, else a static lambda (both cached, no allocation per call).</summary>
        private string ItemReader(TypeRef element, string reader)
        {
            if (!element.Nullable || element.Kind is ValueKind.Any or ValueKind.AnyObject)
            {
                switch (element.Kind)
                {
                    case ValueKind.String: return "rt.ReadString";
                    case ValueKind.Integer: return "rt.ReadInt64";
                    case ValueKind.Number: return "rt.ReadDouble";
                    case ValueKind.Boolean: return "rt.ReadBoolean";
                    case ValueKind.DateTime: return DateTimeTextSource.TypeName(_spec) + ".JsonRead";
                    case ValueKind.Any when !element.Nullable: return "rt.ReadAny";
                    case ValueKind.AnyObject when !element.Nullable: return "rt.ReadAnyObject";
                    case ValueKind.Named: return CSharp.Qualified(_spec, element.Name!) + ".JsonRead";
                }
            }

            return "static (ref stj::Utf8JsonReader " + reader + ") => " + ReadNullable(element, reader);
        }

        /// <summary>An explicit type argument where inference from a lambda would pick another type (T[] for IReadOnlyList&lt;T&gt;, T for T?).</summary>
        private string TypeArgument(TypeRef element) =>
            element.Nullable || element.Kind is ValueKind.Array or ValueKind.Map or ValueKind.Const or ValueKind.Any or ValueKind.AnyObject
                ? "<" + TypeOf(element, element.Nullable) + ">"
                : string.Empty;

        /// <summary>Parameter names of nested lambdas (r, r1, r2...), kept apart from the enclosing lambda's.</summary>
        private static string Inner(string outer, string letter) =>
            outer.Length > 0 && outer[0] == letter[0] && outer != "reader" && outer != "writer"
                ? letter + (outer.Length == 1 ? 1 : int.Parse(outer.Substring(1), System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : letter;

        /// <summary>Writes a non-null <paramref name="expression"/>.</summary>
        public string Write(TypeRef type, string expression, string writer = "writer") =>
            type.Kind switch
            {
                ValueKind.String => writer + ".WriteStringValue(" + expression + ");",
                ValueKind.Integer or ValueKind.Number => writer + ".WriteNumberValue(" + expression + ");",
                ValueKind.Boolean => writer + ".WriteBooleanValue(" + expression + ");",
                ValueKind.DateTime => DateTimeTextSource.TypeName(_spec) + ".JsonWrite(" + writer + ", " + expression + ");",
                ValueKind.Any or ValueKind.AnyObject => expression + ".WriteTo(" + writer + ");",
                ValueKind.Const => type.Const!.Kind switch
                {
                    ValueKind.String => writer + ".WriteStringValue(" + expression + ");",
                    ValueKind.Boolean => writer + ".WriteBooleanValue(" + expression + ");",
                    _ => writer + ".WriteNumberValue(" + expression + ");",
                },
                ValueKind.Named => CSharp.Qualified(_spec, type.Name!) + ".JsonWrite(" + writer + ", " + expression + ");",
                ValueKind.Array => "rt.WriteArray(" + writer + ", " + expression + ", " + ItemWriter(type.Element!, Inner(writer, "w")) + ");",
                _ => "rt.WriteMap(" + writer + ", " + expression + ", " + ItemWriter(type.Element!, Inner(writer, "w")) + ");",
            };

        /// <summary>
        /// Writes an item the runtime helper has already checked for null (it writes null itself):
        /// a method group where one fits, else a static lambda.
        /// </summary>
        public string ItemWriter(TypeRef element, string writer)
        {
            ValueKind kind = element.Kind == ValueKind.Const ? element.Const!.Kind : element.Kind;
            switch (kind)
            {
                case ValueKind.String: return "rt.WriteString";
                case ValueKind.Integer: return "rt.WriteInt64";
                case ValueKind.Number: return "rt.WriteDouble";
                case ValueKind.Boolean: return "rt.WriteBoolean";
                case ValueKind.DateTime: return DateTimeTextSource.TypeName(_spec) + ".JsonWrite";
                case ValueKind.Any or ValueKind.AnyObject: return "rt.WriteAny";
                case ValueKind.Named when !element.Nullable: return CSharp.Qualified(_spec, element.Name!) + ".JsonWrite";
                default:
                    string item = "v" + writer.Substring(1);
                    string value = !element.Nullable ? item : element.IsValueType ? item + ".GetValueOrDefault()" : item + "!";
                    return "static (" + writer + ", " + item + ") => " + Write(element.AsNullable(false), value, writer).TrimEnd(';');
            }
        }

        /// <summary>
        /// True when a value of this C# type can hold null: nullable types, and reference types
        /// (a caller may put null into a list even where the schema forbids it; it is written as null).
        /// </summary>
        public static bool MayBeNull(TypeRef type) => type.Nullable || !type.IsValueType;
    }
}
