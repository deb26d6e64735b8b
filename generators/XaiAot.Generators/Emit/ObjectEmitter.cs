using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using XaiAot.Generators.Model;

namespace XaiAot.Generators.Emit
{
    /// <summary>
    /// An object schema -> a sealed record with init properties, plus its reader and writer.
    /// The reader dispatches on the member name's length, then its bytes; captures unknown members;
    /// remembers which optional members came as an explicit <c>null</c> (so they are written back as
    /// null, not dropped); and checks required members after the object ends.
    /// </summary>
    internal static class ObjectEmitter
    {
        public static string Emit(GenerationSpec spec, ObjectSpec type, string runtime, string converter)
        {
            var members = type.Properties.Select((p, i) => new Member(p, i)).ToList();
            int required = 0;
            int optional = 0;
            foreach (Member m in members)
            {
                if (m.Property.Required)
                {
                    m.RequiredBit = required++;
                }

                if (m.TracksNull)
                {
                    m.NullBit = optional++;
                }
            }

            var codec = new ValueCodec(spec, runtime);
            var body = new SourceWriter();
            EmitProperties(body, spec, type, members);
            body.Line();
            EmitRead(body, spec, type, members, codec, required, optional);
            body.Line();
            EmitWrite(body, spec, type, members, codec, runtime);

            var w = new SourceWriter();
            CSharp.Header(w, spec.Namespace);
            CSharp.Doc(w, type.Doc);
            w.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + converter + "))]");
            w.Line(CSharp.GeneratedCode);
            CSharp.Obsolete(w, type.Deprecated);
            string baseClause = type.BaseName is null ? string.Empty : " : " + CSharp.Qualified(spec, type.BaseName);
            w.Open("public sealed partial record " + type.Name + baseClause);
            for (int i = 0; i < members.Count; i++)
            {
                w.Line("private static readonly global::System.Text.Json.JsonEncodedText s_name" + i.ToString(CultureInfo.InvariantCulture)
                    + " = global::System.Text.Json.JsonEncodedText.Encode(" + CSharp.StringLiteral(members[i].Property.JsonName) + ");");
            }

            foreach (string field in codec.StaticFields)
            {
                w.Line(field);
            }

            for (int i = 0; i < (optional + 63) / 64; i++)
            {
                w.Line();
                w.Line("/// <summary>Optional members that arrived as an explicit JSON null (bit per member), so they are written back as null.</summary>");
                w.Line("private ulong _explicitNulls" + i.ToString(CultureInfo.InvariantCulture) + ";");
            }

            w.Line();
            w.Lines(body.ToString().TrimEnd('\n'));
            w.Close();
            return w.ToString();
        }

        private static void EmitProperties(SourceWriter w, GenerationSpec spec, ObjectSpec type, List<Member> members)
        {
            bool first = true;
            foreach (Member m in members)
            {
                PropertySpec p = m.Property;
                if (!first)
                {
                    w.Line();
                }

                first = false;
                string? remarks = p.DefaultJson is null ? null : "Default: " + p.DefaultJson + " (documented only; never sent unless set).";
                if (p.Deprecated && p.Required)
                {
                    // C# forbids [Obsolete] on a required member of a type that is not itself obsolete.
                    remarks = (remarks is null ? string.Empty : remarks + " ") + "Deprecated in the schema.";
                }

                CSharp.Doc(w, p.Doc ?? "The '" + p.JsonName + "' member.", remarks);
                CSharp.Obsolete(w, p.Deprecated && !p.Required);
                if (m.IsGetterOnlyConst)
                {
                    string modifier = p.OverridesDiscriminator ? "public override " : "public ";
                    w.Line(modifier + CSharp.ConstType(p.Type.Const!) + " " + p.CSharpName + " => " + CSharp.ConstExpression(p.Type.Const!) + ";");
                }
                else if (p.Type.Kind == ValueKind.Const)
                {
                    // A constant defaults to its value for callers; a different value read from the wire is
                    // kept and written back (read leniently, write what the schema says unless told otherwise).
                    // An optional one read as absent stays absent on a round trip.
                    string nullable = p.Required && !p.Type.Nullable ? string.Empty : "?";
                    w.Line("public " + CSharp.ConstType(p.Type.Const!) + nullable + " " + p.CSharpName + " { get; init; } = " + CSharp.ConstExpression(p.Type.Const!) + ";");
                }
                else
                {
                    string required = p.Required ? "required " : string.Empty;
                    w.Line("public " + required + m.DeclaredType(spec) + " " + p.CSharpName + " { get; init; }");
                }
            }

            if (type.Additional != AdditionalMembers.Reject)
            {
                if (!first)
                {
                    w.Line();
                }

                CSharp.Doc(w, "Members the schema does not name, kept as they arrived and written back after the named ones.");
                w.Line("public " + AdditionalType(spec, type) + "? " + type.AdditionalPropertyName + " { get; init; }");
            }
        }

        private static string AdditionalType(GenerationSpec spec, ObjectSpec type) =>
            type.Additional == AdditionalMembers.Typed
                ? "global::System.Collections.Generic.IReadOnlyDictionary<string, " + CSharp.TypeOf(spec, type.AdditionalType!, type.AdditionalType!.Nullable) + ">"
                : "global::System.Collections.Generic.IDictionary<string, " + CSharp.Element + ">";

        private static void EmitRead(SourceWriter w, GenerationSpec spec, ObjectSpec type, List<Member> members, ValueCodec codec, int required, int optional)
        {
            string rt = codec.Runtime;
            w.Line(CSharp.NeverBrowsable);
            string hides = type.BaseName is null ? string.Empty : "new ";
            w.Open("internal static " + hides + type.Name + " JsonRead(ref " + CSharp.Reader + " reader)");
            w.Open("if (reader.TokenType != " + CSharp.Token + ".StartObject)");
            w.Line("throw " + rt + ".Unexpected(ref reader, " + CSharp.StringLiteral("an object (" + type.Name + ")") + ");");
            w.Close();
            w.Line();
            foreach (Member m in members.Where(m => !m.IsGetterOnlyConst))
            {
                w.Line(m.LocalType(spec) + " " + m.Local + " = default;");
            }

            if (type.Additional == AdditionalMembers.Capture)
            {
                w.Line("global::System.Collections.Generic.Dictionary<string, " + CSharp.Element + ">? extra = null;");
            }
            else if (type.Additional == AdditionalMembers.Typed)
            {
                w.Line("global::System.Collections.Generic.Dictionary<string, " + CSharp.TypeOf(spec, type.AdditionalType!, type.AdditionalType!.Nullable) + ">? extra = null;");
            }

            for (int i = 0; i < (required + 63) / 64; i++)
            {
                w.Line("ulong seen" + i.ToString(CultureInfo.InvariantCulture) + " = 0;");
            }

            for (int i = 0; i < (optional + 63) / 64; i++)
            {
                w.Line("ulong explicitNulls" + i.ToString(CultureInfo.InvariantCulture) + " = 0;");
            }

            w.Line("string? member = null;");
            w.Line("int index = -1;");
            w.Open("try");
            w.Open("while (true)");
            w.Line(rt + ".Next(ref reader);");
            w.Open("if (reader.TokenType == " + CSharp.Token + ".EndObject)");
            w.Line("break;");
            w.Close();
            w.Line();
            if (members.Count > 0)
            {
                w.Line("global::System.ReadOnlySpan<byte> name = reader.HasValueSequence || reader.ValueIsEscaped ? " + rt + ".UnescapedName(ref reader) : reader.ValueSpan;");
                w.Open("switch (name.Length)");
                foreach (IGrouping<int, Member> group in members.GroupBy(m => System.Text.Encoding.UTF8.GetByteCount(m.Property.JsonName)).OrderBy(g => g.Key))
                {
                    w.Line("case " + group.Key.ToString(CultureInfo.InvariantCulture) + ":");
                    w.Indent();
                    foreach (Member m in group)
                    {
                        EmitMemberRead(w, m, codec);
                    }

                    w.Line("break;");
                    w.Outdent();
                }

                w.Close();
                w.Line();
            }

            w.Line("member = reader.GetString()!;");
            w.Line("index = -1;");

            switch (type.Additional)
            {
                case AdditionalMembers.Reject:
                    w.Line("throw " + rt + ".UnknownMember(ref reader, member, " + CSharp.StringLiteral(type.Name) + ");");
                    break;
                case AdditionalMembers.Capture:
                    w.Line(rt + ".Next(ref reader);");
                    w.Line("(extra ??= new global::System.Collections.Generic.Dictionary<string, " + CSharp.Element + ">(global::System.StringComparer.Ordinal))[member] = " + rt + ".ReadAny(ref reader);");
                    break;
                default:
                    string element = CSharp.TypeOf(spec, type.AdditionalType!, type.AdditionalType!.Nullable);
                    w.Line(rt + ".Next(ref reader);");
                    w.Line(element + " additional;");
                    codec.ReadNullable(w, type.AdditionalType!, "additional");
                    w.Line("(extra ??= new global::System.Collections.Generic.Dictionary<string, " + element + ">(global::System.StringComparer.Ordinal))[member] = additional;");
                    break;
            }

            w.Close();
            w.Close();
            w.Open("catch (global::System.Exception ex) when (" + rt + ".AddPath(ex, member, index))");
            w.Line("throw; // not reached: AddPath records where the error happened and returns false");
            w.Close();

            List<Member> requiredMembers = members.Where(m => m.RequiredBit >= 0).ToList();
            if (requiredMembers.Count > 0)
            {
                w.Line();
                foreach (IGrouping<int, Member> mask in requiredMembers.GroupBy(m => m.RequiredBit / 64))
                {
                    ulong all = mask.Aggregate(0UL, (acc, m) => acc | (1UL << (m.RequiredBit % 64)));
                    string seen = "seen" + mask.Key.ToString(CultureInfo.InvariantCulture);
                    string allText = "0x" + all.ToString("X", CultureInfo.InvariantCulture) + "UL";
                    w.Open("if ((" + seen + " & " + allText + ") != " + allText + ")");
                    foreach (Member m in mask)
                    {
                        w.Open("if ((" + seen + " & " + CSharp.Bit(m.RequiredBit) + ") == 0)");
                        w.Line("throw " + rt + ".Missing(ref reader, " + CSharp.StringLiteral(m.Property.JsonName) + ", "
                            + CSharp.StringLiteral(Describe(m.Property.Type)) + ", " + CSharp.StringLiteral(type.Name) + ");");
                        w.Close();
                    }

                    w.Close();
                }
            }

            w.Line();
            w.Line("var result = new " + type.Name);
            w.Line("{");
            foreach (Member m in members.Where(m => !m.IsGetterOnlyConst))
            {
                string bang = m.Property.Required && !m.Property.Type.Nullable && !m.Property.Type.IsValueType ? "!" : string.Empty;
                w.Line("    " + m.Property.CSharpName + " = " + m.Local + bang + ",");
            }

            if (type.Additional != AdditionalMembers.Reject)
            {
                w.Line("    " + type.AdditionalPropertyName + " = extra,");
            }

            w.Line("};");
            for (int i = 0; i < (optional + 63) / 64; i++)
            {
                string n = i.ToString(CultureInfo.InvariantCulture);
                w.Line("result._explicitNulls" + n + " = explicitNulls" + n + ";");
            }

            w.Line("return result;");
            w.Close();
        }

        private static void EmitMemberRead(SourceWriter w, Member m, ValueCodec codec)
        {
            PropertySpec p = m.Property;
            w.Open("if (global::System.MemoryExtensions.SequenceEqual(name, " + CSharp.Utf8Literal(p.JsonName) + "))");
            w.Line("member = " + CSharp.StringLiteral(p.JsonName) + ";");
            w.Line("index = -1;");
            w.Line(codec.Runtime + ".Next(ref reader);");
            if (m.TracksNull)
            {
                w.Open("if (reader.TokenType == " + CSharp.Token + ".Null)");
                w.Line(m.Local + " = null;");
                w.Line(CSharp.Mask("explicitNulls", m.NullBit) + " |= " + CSharp.Bit(m.NullBit) + ";");
                w.Close();
                w.Open("else");
                codec.Read(w, p.Type, m.Local);
                w.Close();
            }
            else if (m.IsGetterOnlyConst)
            {
                codec.Read(w, p.Type, null);
            }
            else
            {
                codec.ReadNullable(w, p.Type, m.Local);
            }

            if (m.RequiredBit >= 0)
            {
                w.Line(CSharp.Mask("seen", m.RequiredBit) + " |= " + CSharp.Bit(m.RequiredBit) + ";");
            }

            w.Line("continue;");
            w.Close();
        }

        private static void EmitWrite(SourceWriter w, GenerationSpec spec, ObjectSpec type, List<Member> members, ValueCodec codec, string runtime)
        {
            w.Line(CSharp.NeverBrowsable);
            w.Open("internal static void JsonWrite(" + CSharp.Writer + " writer, " + type.Name + " value)");
            w.Line("writer.WriteStartObject();");
            foreach (Member m in members)
            {
                PropertySpec p = m.Property;
                string nameField = "s_name" + m.Index.ToString(CultureInfo.InvariantCulture);
                string name = "writer.WritePropertyName(" + nameField + ");";
                string access = "value." + p.CSharpName;
                string local = "v" + m.Index.ToString(CultureInfo.InvariantCulture);
                if (m.IsGetterOnlyConst || (p.Required && !p.Type.Nullable && p.Type.IsValueType))
                {
                    WriteMember(w, codec, nameField, p.Type, access);
                }
                else if (p.Required && p.Type.Nullable)
                {
                    w.Line(name);
                    codec.WriteNullable(w, p.Type, access, mayBeNull: true);
                }
                else if (p.Required)
                {
                    w.Open("if (" + access + " is { } " + local + ")");
                    WriteMember(w, codec, nameField, p.Type, local);
                    w.Close();
                    w.Open("else");
                    w.Line("throw " + runtime + ".RequiredNull(" + CSharp.StringLiteral(p.JsonName) + ", " + CSharp.StringLiteral(type.Name) + ");");
                    w.Close();
                }
                else
                {
                    w.Open("if (" + access + " is { } " + local + ")");
                    WriteMember(w, codec, nameField, p.Type, local);
                    w.Close();
                    if (m.TracksNull)
                    {
                        w.Open("else if ((value." + CSharp.Mask("_explicitNulls", m.NullBit) + " & " + CSharp.Bit(m.NullBit) + ") != 0)");
                        w.Line("writer.WriteNull(" + nameField + ");");
                        w.Close();
                    }
                }
            }

            if (type.Additional != AdditionalMembers.Reject)
            {
                w.Open("if (value." + type.AdditionalPropertyName + " is { } extra)");
                w.Open("foreach (var pair in extra)");
                if (members.Count > 0)
                {
                    // Reading never puts a named member here; a caller who does would send it twice.
                    w.Open("if (IsNamedMember(pair.Key))");
                    w.Line("throw " + runtime + ".NamedMemberInAdditional(pair.Key, " + CSharp.StringLiteral(type.Name) + ", " + CSharp.StringLiteral(type.AdditionalPropertyName) + ");");
                    w.Close();
                    w.Line();
                }

                w.Line("writer.WritePropertyName(pair.Key);");
                if (type.Additional == AdditionalMembers.Capture)
                {
                    w.Line("pair.Value.WriteTo(writer);");
                }
                else
                {
                    codec.WriteNullable(w, type.AdditionalType!, "pair.Value", ValueCodec.MayBeNull(type.AdditionalType!));
                }

                w.Close();
                w.Close();
            }

            w.Line("writer.WriteEndObject();");
            w.Close();
            if (type.Additional != AdditionalMembers.Reject && members.Count > 0)
            {
                w.Line();
                w.Line("private static bool IsNamedMember(string name) => name is " + string.Join(" or ", members.Select(m => CSharp.StringLiteral(m.Property.JsonName))) + ";");
            }
        }

        /// <summary>
        /// Writes a member: scalars in one call with the pre-encoded name (as System.Text.Json's own
        /// fast path does), everything else as name then value.
        /// </summary>
        private static void WriteMember(SourceWriter w, ValueCodec codec, string nameField, TypeRef type, string expression)
        {
            ValueKind kind = type.Kind == ValueKind.Const ? type.Const!.Kind : type.Kind;
            switch (kind)
            {
                case ValueKind.String:
                    w.Line("writer.WriteString(" + nameField + ", " + expression + ");");
                    break;
                case ValueKind.Integer:
                case ValueKind.Number:
                    w.Line("writer.WriteNumber(" + nameField + ", " + expression + ");");
                    break;
                case ValueKind.Boolean:
                    w.Line("writer.WriteBoolean(" + nameField + ", " + expression + ");");
                    break;
                default:
                    w.Line("writer.WritePropertyName(" + nameField + ");");
                    codec.Write(w, type, expression);
                    break;
            }
        }

        /// <summary>How a member's expected value is named in a "missing member" message.</summary>
        internal static string Describe(TypeRef type) =>
            type.Kind switch
            {
                ValueKind.String => "a string",
                ValueKind.Integer => "an integer",
                ValueKind.Number => "a number",
                ValueKind.Boolean => "true or false",
                ValueKind.DateTime => "a date-time string",
                ValueKind.Any => "any JSON value",
                ValueKind.AnyObject => "an object",
                ValueKind.Const => "the constant " + type.Const!.Json,
                ValueKind.Array => "an array",
                ValueKind.Map => "an object",
                _ => type.NamedKind switch
                {
                    NamedKind.Enum => "a string (" + type.Name + ")",
                    NamedKind.KindUnion => "a " + type.Name,
                    _ => "an object (" + type.Name + ")",
                },
            };

        private sealed class Member
        {
            public Member(PropertySpec property, int index)
            {
                Property = property;
                Index = index;
                Local = "p" + index.ToString(CultureInfo.InvariantCulture);
            }

            public PropertySpec Property { get; }

            public int Index { get; }

            public string Local { get; }

            public int RequiredBit { get; set; } = -1;

            public int NullBit { get; set; } = -1;

            /// <summary>A union variant's discriminator: a get-only property returning the value that picked the variant.</summary>
            public bool IsGetterOnlyConst =>
                Property.Type.Kind == ValueKind.Const && !Property.Type.Nullable && Property.OverridesDiscriminator;

            /// <summary>Optional members remember an explicit null (JsonElement members keep it themselves).</summary>
            public bool TracksNull =>
                !Property.Required && !IsGetterOnlyConst && Property.Type.Kind is not (ValueKind.Any or ValueKind.AnyObject);

            public string DeclaredType(GenerationSpec spec) =>
                CSharp.TypeOf(spec, Property.Type, nullable: !Property.Required || Property.Type.Nullable);

            public string LocalType(GenerationSpec spec)
            {
                bool nullable = !Property.Required || Property.Type.Nullable || !Property.Type.IsValueType;
                return CSharp.TypeOf(spec, Property.Type, nullable);
            }
        }
    }
}
