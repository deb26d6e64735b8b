using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using XaiAot.Generators.Model;

namespace XaiAot.Generators.Emit
{
    /// <summary>
    /// Everything an object's code needs, decided before a line is written: each member's local,
    /// pre-encoded name field, required and explicit-null bits, and string cache field. The emitter
    /// then writes the type once, top to bottom.
    /// </summary>
    internal sealed class ObjectPlan
    {
        public ObjectPlan(ObjectSpec type)
        {
            Type = type;
            int required = 0;
            int optional = 0;
            var members = new List<MemberPlan>(type.Properties.Count);
            for (int i = 0; i < type.Properties.Count; i++)
            {
                var member = new MemberPlan(type.Properties[i], i);
                if (member.Property.Required)
                {
                    member.RequiredBit = required++;
                }

                if (member.TracksNull)
                {
                    member.NullBit = optional++;
                }

                members.Add(member);
            }

            Members = members;
            RequiredCount = required;
            OptionalCount = optional;
        }

        public ObjectSpec Type { get; }

        public IReadOnlyList<MemberPlan> Members { get; }

        public int RequiredCount { get; }

        /// <summary>Members whose explicit null is remembered (one bit each in <c>_explicitNulls{n}</c>).</summary>
        public int OptionalCount { get; }

        public int NullMasks => (OptionalCount + 63) / 64;

        public int RequiredMasks => (RequiredCount + 63) / 64;

        /// <summary>
        /// The string-cache rule. A cache field keeps the last string read at its place for the life
        /// of the process, so it is only worth it, and only acceptable, for values that repeat from one
        /// stream chunk to the next and are not user content: a member named <c>id</c>, <c>object</c>,
        /// <c>model</c>, <c>system_fingerprint</c>, <c>type</c>, <c>role</c>, <c>status</c> or
        /// <c>service_tier</c>, or a name ending in <c>_id</c> or <c>Id</c> (<c>call_id</c>,
        /// <c>requestId</c>). Only direct string members qualify (never array items or map values).
        /// Enum strings need no cache: known values are static instances. Everything else
        /// (<c>content</c>, <c>text</c>, <c>arguments</c>, <c>reasoning_content</c>...) is read with no
        /// cache and nothing of it stays referenced once the read returns. Documented in the README.
        /// </summary>
        public static bool Repeats(PropertySpec property) =>
            property.Type.Kind == ValueKind.String && RepeatingName(property.JsonName);

        internal static bool RepeatingName(string name) =>
            name is "id" or "object" or "model" or "system_fingerprint" or "type" or "role" or "status" or "service_tier"
            || name.EndsWith("_id", StringComparison.Ordinal)
            || (name.Length > 2 && name.EndsWith("Id", StringComparison.Ordinal));
    }

    internal sealed class MemberPlan
    {
        public MemberPlan(PropertySpec property, int index)
        {
            Property = property;
            string number = index.ToString(CultureInfo.InvariantCulture);
            Local = "p" + number;
            Written = "v" + number;
            NameField = "s_names[" + number + "]";
            CacheField = ObjectPlan.Repeats(property) ? "s_cache" + number : null;
        }

        public PropertySpec Property { get; }

        /// <summary>The reader's local for the member's value.</summary>
        public string Local { get; }

        /// <summary>The writer's local for the member's non-null value.</summary>
        public string Written { get; }

        /// <summary>The pre-encoded member name (JsonEncodedText), an element of the type's <c>s_names</c>.</summary>
        public string NameField { get; }

        /// <summary>The string cache of a member that repeats from chunk to chunk (<see cref="ObjectPlan.Repeats"/>), or null.</summary>
        public string? CacheField { get; }

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

        /// <summary>Byte length of the UTF-8 name: the reader switches on it before comparing bytes.</summary>
        public int NameLength => System.Text.Encoding.UTF8.GetByteCount(Property.JsonName);
    }

    internal static class PlanExtensions
    {
        public static IEnumerable<MemberPlan> Stored(this ObjectPlan plan) => plan.Members.Where(m => !m.IsGetterOnlyConst);
    }
}
