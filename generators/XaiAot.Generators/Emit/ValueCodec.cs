using System.Collections.Generic;
using System.Globalization;
using XaiAot.Generators.Model;

namespace XaiAot.Generators.Emit
{
    /// <summary>
    /// Emits the statements that read one value of a <see cref="TypeRef"/> from a
    /// <c>Utf8JsonReader</c> positioned on its first token, and that write one to a
    /// <c>Utf8JsonWriter</c>. Arrays and maps are inlined (no delegates on the hot path); scalars go
    /// through the context's <c>SchemaRuntime</c> helpers, which check the token kind first so a
    /// wrong kind gives a message that says what was expected.
    /// </summary>
    internal sealed class ValueCodec
    {
        private readonly GenerationSpec _spec;
        private int _counter;

        public ValueCodec(GenerationSpec spec, string runtime)
        {
            _spec = spec;
            Runtime = runtime;
        }

        /// <summary>The fully qualified runtime helper class of this schema's context.</summary>
        public string Runtime { get; }

        /// <summary>Static fields the emitted code needs (string caches), declared by the type's emitter.</summary>
        public List<string> StaticFields { get; } = new();

        /// <summary>
        /// Reads a value that may be null when <paramref name="type"/> is nullable (array elements,
        /// map values, required-but-nullable members).
        /// </summary>
        /// <param name="nested">True inside an array or map element: a nested array then records its own
        /// index in the error path instead of the enclosing member's <c>index</c>.</param>
        public void ReadNullable(SourceWriter w, TypeRef type, string target, bool nested = false)
        {
            if (!type.Nullable || type.Kind is ValueKind.Any or ValueKind.AnyObject)
            {
                Read(w, type, target, nested);
                return;
            }

            w.Open("if (reader.TokenType == " + CSharp.Token + ".Null)");
            w.Line(target + " = null;");
            w.Close();
            w.Open("else");
            Read(w, type, target, nested);
            w.Close();
        }

        /// <summary>Reads a non-null value into <paramref name="target"/> (null target: check only, for constants).</summary>
        public void Read(SourceWriter w, TypeRef type, string? target, bool nested = false)
        {
            string rt = Runtime;
            switch (type.Kind)
            {
                case ValueKind.String:
                    string cache = "s_cache" + Next();
                    StaticFields.Add("private static string? " + cache + ";");
                    w.Line(target + " = " + rt + ".ReadString(ref reader, ref " + cache + ");");
                    break;
                case ValueKind.Integer:
                    w.Line(target + " = " + rt + ".ReadInt64(ref reader);");
                    break;
                case ValueKind.Number:
                    w.Line(target + " = " + rt + ".ReadDouble(ref reader);");
                    break;
                case ValueKind.Boolean:
                    w.Line(target + " = " + rt + ".ReadBoolean(ref reader);");
                    break;
                case ValueKind.DateTime:
                    w.Line(target + " = " + rt + ".ReadDateTime(ref reader);");
                    break;
                case ValueKind.Any:
                    w.Line(target + " = " + rt + ".ReadAny(ref reader);");
                    break;
                case ValueKind.AnyObject:
                    w.Line(target + " = " + rt + ".ReadAnyObject(ref reader);");
                    break;
                case ValueKind.Const:
                    ReadConst(w, type.Const!, target);
                    break;
                case ValueKind.Named:
                    w.Line(target + " = " + CSharp.Qualified(_spec, type.Name!) + ".JsonRead(ref reader);");
                    break;
                case ValueKind.Array:
                    ReadArray(w, type, target!, nested);
                    break;
                case ValueKind.Map:
                    ReadMap(w, type, target!);
                    break;
            }
        }

        /// <summary>
        /// A constant with a target is read leniently: a different value of the same JSON kind is kept
        /// (and so written back), never an error. Azure AI Foundry sends <c>"object":""</c> in a
        /// content-filter prelude chunk; a strict check lost the whole stream. Only a discriminator
        /// (no target: the variant was already picked by this value) is checked.
        /// </summary>
        private void ReadConst(SourceWriter w, ConstValue value, string? target)
        {
            if (target is null)
            {
                string check = value.Kind switch
                {
                    ValueKind.String => ".ExpectString(ref reader, " + CSharp.Utf8Literal(value.StringValue!) + ", " + CSharp.StringLiteral(value.Json) + ");",
                    ValueKind.Integer => ".ExpectInt64(ref reader, " + CSharp.ConstExpression(value) + ");",
                    ValueKind.Number => ".ExpectDouble(ref reader, " + CSharp.ConstExpression(value) + ");",
                    _ => ".ExpectBoolean(ref reader, " + value.Json + ");",
                };
                w.Line(Runtime + check);
                return;
            }

            w.Line(value.Kind switch
            {
                // The expected value costs no allocation; any other string is kept as it came.
                ValueKind.String => target + " = " + Runtime + ".ReadConstString(ref reader, " + CSharp.Utf8Literal(value.StringValue!) + ", " + CSharp.ConstExpression(value) + ");",
                ValueKind.Integer => target + " = " + Runtime + ".ReadInt64(ref reader);",
                ValueKind.Number => target + " = " + Runtime + ".ReadDouble(ref reader);",
                _ => target + " = " + Runtime + ".ReadBoolean(ref reader);",
            });
        }

        /// <summary>
        /// The outermost array of a member reports its position through the reader's <c>index</c>
        /// local (no extra try block on the hot path); an array nested in an array or a map adds its
        /// own index to the path with an exception filter, so errors read <c>$.rows[1][0]</c>.
        /// </summary>
        private void ReadArray(SourceWriter w, TypeRef type, string target, bool nested)
        {
            string n = Next();
            string element = CSharp.TypeOf(_spec, type.Element!, type.Element!.Nullable);
            string items = "items" + n;
            string item = "item" + n;
            w.Open("if (reader.TokenType != " + CSharp.Token + ".StartArray)");
            w.Line("throw " + Runtime + ".Unexpected(ref reader, \"an array\");");
            w.Close();
            w.Line("var " + items + " = new " + Runtime + ".ArrayBuilder<" + element + ">();");
            w.Open("while (true)");
            w.Line(Runtime + ".Next(ref reader);");
            w.Open("if (reader.TokenType == " + CSharp.Token + ".EndArray)");
            w.Line("break;");
            w.Close();
            w.Line(element + " " + item + ";");
            if (nested)
            {
                w.Open("try");
                ReadNullable(w, type.Element!, item, nested: true);
                w.Close();
                w.Open("catch (global::System.Exception ex) when (" + Runtime + ".AddPath(ex, null, " + items + ".Count))");
                w.Line("throw;");
                w.Close();
            }
            else
            {
                w.Line("index = " + items + ".Count;");
                ReadNullable(w, type.Element!, item, nested: true);
            }

            w.Line(items + ".Add(" + item + ");");
            w.Close();
            w.Line(target + " = " + items + ".ToArray();");
        }

        private void ReadMap(SourceWriter w, TypeRef type, string target)
        {
            string n = Next();
            string element = CSharp.TypeOf(_spec, type.Element!, type.Element!.Nullable);
            string map = "map" + n;
            string item = "item" + n;
            string key = "key" + n;
            w.Open("if (reader.TokenType != " + CSharp.Token + ".StartObject)");
            w.Line("throw " + Runtime + ".Unexpected(ref reader, \"an object\");");
            w.Close();
            w.Line("var " + map + " = new global::System.Collections.Generic.Dictionary<string, " + element + ">(global::System.StringComparer.Ordinal);");
            w.Open("while (true)");
            w.Line(Runtime + ".Next(ref reader);");
            w.Open("if (reader.TokenType == " + CSharp.Token + ".EndObject)");
            w.Line("break;");
            w.Close();
            w.Line("string " + key + " = reader.GetString()!;");
            w.Line(Runtime + ".Next(ref reader);");
            w.Line(element + " " + item + ";");
            w.Open("try");
            ReadNullable(w, type.Element!, item, nested: true);
            w.Close();
            w.Open("catch (global::System.Exception ex) when (" + Runtime + ".AddPath(ex, " + key + ", -1))");
            w.Line("throw;");
            w.Close();
            w.Line(map + "[" + key + "] = " + item + ";");
            w.Close();
            w.Line(target + " = " + map + ";");
        }

        /// <summary>Writes <paramref name="expression"/>, or null when it is null.</summary>
        public void WriteNullable(SourceWriter w, TypeRef type, string expression, bool mayBeNull)
        {
            if (!mayBeNull)
            {
                Write(w, type, expression);
                return;
            }

            string value = "value" + Next();
            w.Open("if (" + expression + " is { } " + value + ")");
            Write(w, type, value);
            w.Close();
            w.Open("else");
            w.Line("writer.WriteNullValue();");
            w.Close();
        }

        /// <summary>Writes a non-null <paramref name="expression"/>.</summary>
        public void Write(SourceWriter w, TypeRef type, string expression)
        {
            switch (type.Kind)
            {
                case ValueKind.String:
                    w.Line("writer.WriteStringValue(" + expression + ");");
                    break;
                case ValueKind.Integer:
                case ValueKind.Number:
                    w.Line("writer.WriteNumberValue(" + expression + ");");
                    break;
                case ValueKind.Boolean:
                    w.Line("writer.WriteBooleanValue(" + expression + ");");
                    break;
                case ValueKind.DateTime:
                    w.Line(Runtime + ".WriteDateTime(writer, " + expression + ");");
                    break;
                case ValueKind.Any:
                case ValueKind.AnyObject:
                    w.Line(expression + ".WriteTo(writer);");
                    break;
                case ValueKind.Const:
                    w.Line(type.Const!.Kind switch
                    {
                        ValueKind.String => "writer.WriteStringValue(" + expression + ");",
                        ValueKind.Boolean => "writer.WriteBooleanValue(" + expression + ");",
                        _ => "writer.WriteNumberValue(" + expression + ");",
                    });
                    break;
                case ValueKind.Named:
                    w.Line(CSharp.Qualified(_spec, type.Name!) + ".JsonWrite(writer, " + expression + ");");
                    break;
                case ValueKind.Array:
                    {
                        // An indexed loop: foreach over IReadOnlyList<T> would allocate an enumerator per array.
                        string n = Next();
                        string list = "list" + n;
                        string i = "i" + n;
                        w.Line("var " + list + " = " + expression + ";");
                        w.Line("writer.WriteStartArray();");
                        w.Open("for (int " + i + " = 0; " + i + " < " + list + ".Count; " + i + "++)");
                        WriteNullable(w, type.Element!, list + "[" + i + "]", MayBeNull(type.Element!));
                        w.Close();
                        w.Line("writer.WriteEndArray();");
                        break;
                    }

                case ValueKind.Map:
                    {
                        string pair = "pair" + Next();
                        w.Line("writer.WriteStartObject();");
                        w.Open("foreach (var " + pair + " in " + expression + ")");
                        w.Line("writer.WritePropertyName(" + pair + ".Key);");
                        WriteNullable(w, type.Element!, pair + ".Value", MayBeNull(type.Element!));
                        w.Close();
                        w.Line("writer.WriteEndObject();");
                        break;
                    }
            }
        }

        /// <summary>
        /// True when a value of this C# type can hold null: nullable types, and reference types
        /// (a caller may put null into a list even where the schema forbids it; it is written as null).
        /// </summary>
        public static bool MayBeNull(TypeRef type) => type.Nullable || !type.IsValueType;

        private string Next() => (_counter++).ToString(CultureInfo.InvariantCulture);
    }
}
