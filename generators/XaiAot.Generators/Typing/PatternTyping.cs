using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
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

        /// <summary>The pattern as ECMAScript if .NET takes it so, else in .NET's own syntax, else null (reported).</summary>
        private static PatternSpec? Compile(JsonMember member, string pointer, DiagnosticBag diagnostics)
        {
            try
            {
                _ = new Regex(member.Name, RegexOptions.ECMAScript);
                return new PatternSpec(member.Name, EcmaScript: true);
            }
            catch (ArgumentException)
            {
                // ECMAScript mode refuses some of .NET's syntax (\p{L}, lookbehind): try .NET's own.
            }

            try
            {
                _ = new Regex(member.Name, RegexOptions.CultureInvariant);
                return new PatternSpec(member.Name, EcmaScript: false);
            }
            catch (ArgumentException error)
            {
                string reason = error.Message.Split('\n')[0].Trim();
                diagnostics.Add(Diagnostics.PatternNotCompiled, member.NamePosition, Shortened(member.Name), JsonPointer.Display(pointer), reason);
                return null;
            }
        }

        private static string Shortened(string text) => text.Length <= 60 ? text : text.Substring(0, 59) + "…";
    }
}
