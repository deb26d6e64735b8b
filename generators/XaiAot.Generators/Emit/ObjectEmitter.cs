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
    /// null, not dropped); and checks required members after the object ends. Everything the type
    /// needs is in its <see cref="ObjectPlan"/> first, so the type is written once, top to bottom.
    /// </summary>
    internal static class ObjectEmitter
    {
        public static string Emit(GenerationSpec spec, ObjectSpec type, string runtime, string converter)
        {
            var plan = new ObjectPlan(type);
            var codec = new ValueCodec(spec);
            var writer = new SourceWriter();
            CSharp.Header(writer, spec.Namespace, runtime);
            CSharp.Doc(writer, type.Doc);
            writer.Line("[stj::Serialization.JsonConverter(typeof(" + converter + "))]");
            writer.Line(CSharp.GeneratedCode);
            CSharp.Obsolete(writer, type.Deprecated);
            string baseClause = type.BaseName is null ? string.Empty : " : " + CSharp.Qualified(spec, type.BaseName);
            writer.Open("public sealed partial record " + type.Name + baseClause);
            EmitFields(writer, plan);
            EmitProperties(writer, spec, plan);
            writer.Line();
            EmitRead(writer, spec, plan, codec);
            writer.Line();
            EmitWrite(writer, plan, codec);
            writer.Close();
            return writer.ToString();
        }

        private static void EmitFields(SourceWriter writer, ObjectPlan plan)
        {
            if (plan.Members.Count > 0)
            {
                writer.Line("private static readonly rt.Names s_names = rt.Encode(" + string.Join(", ", plan.Members.Select(m => CSharp.StringLiteral(m.Property.JsonName))) + ");");
            }

            foreach (MemberPlan member in plan.Members.Where(m => m.CacheField is not null))
            {
                writer.Line($"private static string? {member.CacheField};");
            }

            PatternMapEmitter.EmitFields(writer, plan.Type);

            for (int mask = 0; mask < plan.NullMasks; mask++)
            {
                writer.Line();
                writer.Line("/// <summary>Optional members that arrived as an explicit JSON null (bit per member), so they are written back as null.</summary>");
                writer.Line("private ulong _explicitNulls" + Number(mask) + ";");
            }

            if (plan.Members.Count > 0 || plan.NullMasks > 0 || plan.Type.PatternMaps.Count > 0)
            {
                writer.Line();
            }
        }

        private static void EmitProperties(SourceWriter writer, GenerationSpec spec, ObjectPlan plan)
        {
            ObjectSpec type = plan.Type;
            bool first = true;
            foreach (MemberPlan member in plan.Members)
            {
                PropertySpec property = member.Property;
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                string? remarks = property.DefaultJson is null ? null : "Default: " + property.DefaultJson + " (documented only; never sent unless set).";
                if (property.Deprecated && property.Required)
                {
                    // C# forbids [Obsolete] on a required member of a type that is not itself obsolete.
                    remarks = (remarks is null ? string.Empty : remarks + " ") + "Deprecated in the schema.";
                }

                // No boilerplate ("The 'x' member.") where the schema says nothing.
                CSharp.Doc(writer, property.Doc, remarks);
                CSharp.Obsolete(writer, property.Deprecated && !property.Required);
                if (member.IsGetterOnlyConst)
                {
                    string modifier = property.OverridesDiscriminator ? "public override " : "public ";
                    writer.Line(modifier + CSharp.ConstType(property.Type.Const!) + " " + property.CSharpName + " => " + CSharp.ConstExpression(property.Type.Const!) + ";");
                }
                else if (property.Type.Kind == ValueKind.Const)
                {
                    // A constant defaults to its value for callers; a different value read from the wire is
                    // kept and written back (read leniently, write what the schema says unless told otherwise).
                    // An optional one read as absent stays absent on a round trip.
                    string nullable = property.Required && !property.Type.Nullable ? string.Empty : "?";
                    writer.Line("public " + CSharp.ConstType(property.Type.Const!) + nullable + " " + property.CSharpName + " { get; init; } = " + CSharp.ConstExpression(property.Type.Const!) + ";");
                }
                else
                {
                    string required = property.Required ? "required " : string.Empty;
                    writer.Line("public " + required + member.DeclaredType(spec) + " " + property.CSharpName + " { get; init; }");
                }
            }

            PatternMapEmitter.EmitProperties(writer, spec, type, ref first);
            if (type.Additional != AdditionalMembers.Reject)
            {
                if (!first)
                {
                    writer.Line();
                }

                CSharp.Doc(writer, "Members the schema does not name, kept as they arrived and written back after the named ones.");
                writer.Line("public " + AdditionalType(spec, type) + "? " + type.AdditionalPropertyName + " { get; init; }");
            }
        }

        private static string AdditionalType(GenerationSpec spec, ObjectSpec type) =>
            type.Additional == AdditionalMembers.Typed
                ? "scg::IReadOnlyDictionary<string, " + CSharp.TypeOf(spec, type.AdditionalType!, type.AdditionalType!.Nullable) + ">"
                : "scg::IDictionary<string, " + CSharp.Element + ">";

        private static string ExtraType(GenerationSpec spec, ObjectSpec type) =>
            type.Additional == AdditionalMembers.Typed
                ? "scg::Dictionary<string, " + CSharp.TypeOf(spec, type.AdditionalType!, type.AdditionalType!.Nullable) + ">"
                : "scg::Dictionary<string, " + CSharp.Element + ">";

        private static void EmitRead(SourceWriter writer, GenerationSpec spec, ObjectPlan plan, ValueCodec codec)
        {
            ObjectSpec type = plan.Type;
            string hides = type.BaseName is null ? string.Empty : "new ";
            writer.Lines($$"""
                internal static {{hides}}{{type.Name}} JsonRead(ref stj::Utf8JsonReader reader)
                {
                    rt.StartObject(ref reader, {{CSharp.StringLiteral("an object (" + type.Name + ")")}});
                """);
            writer.Indent();
            foreach (MemberPlan member in plan.Stored())
            {
                writer.Line(member.LocalType(spec) + " " + member.Local + " = default;");
            }

            PatternMapEmitter.EmitLocals(writer, spec, type);
            if (type.Additional != AdditionalMembers.Reject)
            {
                writer.Line(ExtraType(spec, type) + "? extra = null;");
            }

            for (int mask = 0; mask < plan.RequiredMasks; mask++)
            {
                writer.Line("ulong seen" + Number(mask) + " = 0;");
            }

            for (int mask = 0; mask < plan.NullMasks; mask++)
            {
                writer.Line("ulong nulls" + Number(mask) + " = 0;");
            }

            writer.Lines("""
                string? member = null;
                try
                {
                    while (rt.NextMember(ref reader))
                    {
                """);
            writer.Indent().Indent();
            if (plan.Members.Count > 0)
            {
                writer.Line("sys::ReadOnlySpan<byte> name = rt.Name(ref reader);");
                // A jump on the name's length, then its bytes: case guards compile to exactly that.
                writer.Open("switch (name.Length)");
                foreach (MemberPlan member in plan.Members.OrderBy(m => m.NameLength))
                {
                    EmitMemberRead(writer, member, codec);
                }

                writer.Close();
                writer.Line();
            }

            writer.Line("member = reader.GetString()!;");
            PatternMapEmitter.EmitRead(writer, type, codec);
            switch (type.Additional)
            {
                case AdditionalMembers.Reject:
                    writer.Line("throw rt.UnknownMember(ref reader, member, " + CSharp.StringLiteral(type.Name) + ");");
                    break;
                case AdditionalMembers.Capture:
                    writer.Line("rt.Next(ref reader);");
                    writer.Line("(extra ??= new(sys::StringComparer.Ordinal))[member] = rt.ReadAny(ref reader);");
                    break;
                default:
                    writer.Line("rt.Next(ref reader);");
                    writer.Line("(extra ??= new(sys::StringComparer.Ordinal))[member] = " + codec.ReadNullable(type.AdditionalType!) + ";");
                    break;
            }

            writer.Outdent().Outdent();
            writer.Lines("""
                    }
                }
                catch (sys::Exception ex) when (rt.AddPath(ex, member, -1))
                {
                    throw; // not reached: AddPath records where the error happened and returns false
                }

                """);
            EmitRequiredCheck(writer, plan);
            writer.Line("return new " + type.Name);
            writer.Line("{");
            foreach (MemberPlan member in plan.Stored())
            {
                PropertySpec property = member.Property;
                string bang = property.Required && !property.Type.Nullable && !property.Type.IsValueType ? "!" : string.Empty;
                writer.Line("    " + property.CSharpName + " = " + member.Local + bang + ",");
            }

            PatternMapEmitter.EmitAssignments(writer, type);
            if (type.Additional != AdditionalMembers.Reject)
            {
                writer.Line("    " + type.AdditionalPropertyName + " = extra,");
            }

            for (int mask = 0; mask < plan.NullMasks; mask++)
            {
                writer.Line("    _explicitNulls" + Number(mask) + " = nulls" + Number(mask) + ",");
            }

            writer.Line("};");
            writer.Close();
        }

        /// <summary>One check per 64 required members; the runtime names the first one missing.</summary>
        private static void EmitRequiredCheck(SourceWriter writer, ObjectPlan plan)
        {
            foreach (IGrouping<int, MemberPlan> mask in plan.Members.Where(m => m.RequiredBit >= 0).GroupBy(m => m.RequiredBit / 64))
            {
                ulong all = mask.Aggregate(0UL, (acc, m) => acc | (1UL << (m.RequiredBit % 64)));
                string seen = "seen" + Number(mask.Key);
                string allText = "0x" + all.ToString("X", CultureInfo.InvariantCulture) + "UL";
                string members = string.Join(", ", mask.Select(m => CSharp.StringLiteral(m.Property.JsonName) + ", " + CSharp.StringLiteral(Describe(m.Property.Type))));
                writer.Line($"if (({seen} & {allText}) != {allText}) throw rt.Missing(ref reader, {seen}, {CSharp.StringLiteral(plan.Type.Name)}, {members});");
                writer.Line();
            }
        }

        /// <summary>
        /// One line per member: <c>case 1 when rt.Is(name, "x"u8): member = "x"; ...read...; continue;</c>.
        /// <c>member</c> only serves the error path (<c>rt.AddPath</c>).
        /// </summary>
        private static void EmitMemberRead(SourceWriter writer, MemberPlan member, ValueCodec codec)
        {
            PropertySpec property = member.Property;
            var statements = new List<string> { "member = " + CSharp.StringLiteral(property.JsonName) + ";" };
            if (member.IsGetterOnlyConst)
            {
                statements.Add("rt.Next(ref reader);");
                statements.Add(ValueCodec.CheckConst(property.Type.Const!));
            }
            else if (member.TracksNull)
            {
                string mask = "nulls" + Number(member.NullBit / 64);
                statements.Add(member.Local + " = rt.NextValue(ref reader, ref " + mask + ", " + Number(member.NullBit % 64) + ") ? " + codec.OrNull(property.Type, codec.Read(property.Type, cache: member.CacheField)) + " : null;");
            }
            else if (property.Type.Nullable && property.Type.Kind is not (ValueKind.Any or ValueKind.AnyObject))
            {
                statements.Add(member.Local + " = rt.NextValue(ref reader) ? " + codec.OrNull(property.Type, codec.Read(property.Type, cache: member.CacheField)) + " : null;");
            }
            else
            {
                statements.Add("rt.Next(ref reader);");
                statements.Add(member.Local + " = " + codec.Read(property.Type, cache: member.CacheField) + ";");
            }

            if (member.RequiredBit >= 0)
            {
                statements.Add("seen" + Number(member.RequiredBit / 64) + " |= 1UL << " + Number(member.RequiredBit % 64) + ";");
            }

            statements.Add("continue;");
            writer.Line("case " + Number(member.NameLength) + " when rt.Is(name, " + CSharp.Utf8Literal(property.JsonName) + "): " + string.Join(" ", statements));
        }

        private static void EmitWrite(SourceWriter writer, ObjectPlan plan, ValueCodec codec)
        {
            ObjectSpec type = plan.Type;
            writer.Open("internal static void JsonWrite(stj::Utf8JsonWriter writer, " + type.Name + " value)");
            writer.Line("writer.WriteStartObject();");
            foreach (MemberPlan member in plan.Members)
            {
                PropertySpec property = member.Property;
                string access = "value." + property.CSharpName;
                if (member.IsGetterOnlyConst || (property.Required && !property.Type.Nullable && property.Type.IsValueType))
                {
                    foreach (string statement in WriteMember(codec, member, access))
                    {
                        writer.Line(statement);
                    }
                }
                else if (property.Required && property.Type.Nullable)
                {
                    writer.Line("writer.WritePropertyName(" + member.NameField + ");");
                    writer.Open("if (" + access + " is { } " + member.Written + ")");
                    writer.Line(codec.Write(property.Type, member.Written));
                    writer.Close();
                    writer.Open("else");
                    writer.Line("writer.WriteNullValue();");
                    writer.Close();
                }
                else
                {
                    // One statement per branch, so no braces: two or three lines per member.
                    string test = "if (" + access + " is { } " + member.Written + ")";
                    string[] statements = WriteMember(codec, member, member.Written);
                    if (statements.Length == 1)
                    {
                        writer.Line(test + " " + statements[0]);
                    }
                    else
                    {
                        writer.Line(test + " { " + string.Join(" ", statements) + " }");
                    }

                    if (property.Required)
                    {
                        writer.Line("else throw rt.RequiredNull(" + CSharp.StringLiteral(property.JsonName) + ", " + CSharp.StringLiteral(type.Name) + ");");
                    }
                    else if (member.TracksNull)
                    {
                        writer.Line("else if (rt.Has(value._explicitNulls" + Number(member.NullBit / 64) + ", " + Number(member.NullBit % 64) + ")) writer.WriteNull(" + member.NameField + ");");
                    }
                }
            }

            PatternMapEmitter.EmitWrite(writer, type, codec, plan.Members.Count > 0);
            if (type.Additional != AdditionalMembers.Reject)
            {
                string isNamed = plan.Members.Count > 0 ? "s_names" : "null";
                string item = type.Additional == AdditionalMembers.Capture ? "rt.WriteAny" : codec.ItemWriter(type.AdditionalType!, "w");
                writer.Line("rt.WriteAdditional(writer, value." + type.AdditionalPropertyName + ", " + isNamed + ", " + CSharp.StringLiteral(type.Name) + ", "
                    + CSharp.StringLiteral(type.AdditionalPropertyName) + ", " + item + ");");
            }

            writer.Line("writer.WriteEndObject();");
            writer.Close();
        }

        /// <summary>
        /// Writes a member: scalars in one call with the pre-encoded name (as System.Text.Json's own
        /// fast path does), everything else as name then value.
        /// </summary>
        private static string[] WriteMember(ValueCodec codec, MemberPlan member, string expression)
        {
            TypeRef type = member.Property.Type;
            ValueKind kind = type.Kind == ValueKind.Const ? type.Const!.Kind : type.Kind;
            return kind switch
            {
                ValueKind.String => new[] { "writer.WriteString(" + member.NameField + ", " + expression + ");" },
                ValueKind.Integer or ValueKind.Number => new[] { "writer.WriteNumber(" + member.NameField + ", " + expression + ");" },
                ValueKind.Boolean => new[] { "writer.WriteBoolean(" + member.NameField + ", " + expression + ");" },
                _ => new[] { "writer.WritePropertyName(" + member.NameField + ");", codec.Write(type, expression) },
            };
        }

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

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
    }
}
