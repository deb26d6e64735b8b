using System;
using System.Collections.Generic;
using XaiAot.Generators.JsonText;
using XaiAot.Generators.Model;
using XaiAot.Generators.Naming;
using XaiAot.Generators.Schema;

namespace XaiAot.Generators.Typing
{
    /// <summary>
    /// <c>patternProperties</c>: members whose names match a pattern are read into typed maps. Patterns
    /// whose values have the same type share one map (most objects have one pattern, or several of one
    /// value type: one <c>PatternProperties</c>); each further value type gets a map of its own
    /// (<c>PatternProperties2</c>, ...), in document order. A member matching patterns of several
    /// maps goes to the first. Members matching no pattern follow <c>additionalProperties</c>.
    /// </summary>
    internal static class PatternTyping
    {
        /// <summary>
        /// The maps of an object's patterns, with their value types resolved. <paramref name="lost"/> is
        /// true when a pattern cannot be compiled (XAOT0115): which members it matches is unknown, so the
        /// caller keeps every unnamed member as JsonElement rather than reject or mistype one.
        /// </summary>
        public static EquatableArray<PatternMapSpec> Resolve(TypeResolver resolver, DiagnosticBag diagnostics, string typeName, ObjectParts parts, NameScope members, out bool lost)
        {
            lost = false;
            var groups = new List<(TypeRef Type, List<PatternSpec> Patterns)>();
            foreach ((JsonMember member, string pointer) in parts.Patterns)
            {
                PatternSpec? pattern = Compile(member, pointer, diagnostics);
                if (pattern is null)
                {
                    lost = true;
                    continue;
                }

                TypeRef type = member.Value.Kind == JsonKind.Object
                    ? resolver.Resolve(member.Value, pointer, typeName + "Pattern")
                    : TypeRef.Any;
                int group = groups.FindIndex(existing => existing.Type.Equals(type));
                if (group < 0)
                {
                    groups.Add((type, new List<PatternSpec> { pattern }));
                }
                else
                {
                    groups[group].Patterns.Add(pattern);
                }
            }

            var maps = new List<PatternMapSpec>(groups.Count);
            for (int index = 0; index < groups.Count; index++)
            {
                string wanted = index == 0 ? "PatternProperties" : "PatternProperties" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                maps.Add(new PatternMapSpec(members.Claim(wanted), groups[index].Patterns.ToEquatableArray(), groups[index].Type));
            }

            return maps.ToEquatableArray();
        }

        /// <summary>
        /// The pattern translated from ECMA-262 to .NET (the same translation <c>pattern</c> gets in
        /// Validate(), so a member name matches here exactly when it would match there), else null (reported).
        /// </summary>
        private static PatternSpec? Compile(JsonMember member, string pointer, DiagnosticBag diagnostics)
        {
            if (Checks.EcmaPattern.Translate(member.Name, out string? error) is { } translated)
            {
                return new PatternSpec(member.Name, translated);
            }

            diagnostics.Add(Diagnostics.PatternNotCompiled, member.NamePosition, Diagnostics.Excerpt(member.Name), JsonPointer.Display(pointer), error ?? "not a regular expression");
            return null;
        }
    }
}
