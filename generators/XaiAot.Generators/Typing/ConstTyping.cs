using System.Globalization;
using XaiAot.Generators.JsonText;
using XaiAot.Generators.Model;
using XaiAot.Generators.Schema;

namespace XaiAot.Generators.Typing
{
    /// <summary><c>const</c> (and one-value <c>enum</c>s): a fixed value, written as the schema says and read leniently.</summary>
    internal sealed class ConstTyping
    {
        private readonly DiagnosticBag _diagnostics;

        public ConstTyping(DiagnosticBag diagnostics)
        {
            _diagnostics = diagnostics;
        }

        public TypeRef FromConst(JsonMember constant, string pointer, bool nullable)
        {
            JsonTree value = constant.Value;
            switch (value.Kind)
            {
                case JsonKind.String:
                    return StringConst(value.Text!, nullable);
                case JsonKind.Number when Scalar(value, nullable) is { } number:
                    return number;
                case JsonKind.True:
                case JsonKind.False:
                    return Scalar(value, nullable)!;
                case JsonKind.Null:
                    return TypeRef.Any.AsNullable(true);
                default:
                    _diagnostics.Add(Diagnostics.UnsupportedEnum, constant.NamePosition, "const", JsonPointer.Display(pointer), SchemaWalker.Article(value), "JsonElement (kept as it came; Validate() checks it)");
                    return TypeRef.Any.AsNullable(nullable);
            }
        }

        public static TypeRef StringConst(string value, bool nullable) =>
            new(ValueKind.Const, nullable, Const: new ConstValue(ValueKind.String, JsonTreeWriter.Quote(value), value));

        /// <summary>A number or boolean constant; null for a number no double can hold (1e400).</summary>
        public static TypeRef? Scalar(JsonTree value, bool nullable)
        {
            if (value.Kind is JsonKind.True or JsonKind.False)
            {
                return new TypeRef(ValueKind.Const, nullable, Const: new ConstValue(ValueKind.Boolean, value.Describe(), null));
            }

            bool integral = TypeKeyword.IsIntegerText(value.Text!)
                && long.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
            if (!integral && (!double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) || double.IsInfinity(number) || double.IsNaN(number)))
            {
                return null;
            }

            return new TypeRef(ValueKind.Const, nullable, Const: new ConstValue(integral ? ValueKind.Integer : ValueKind.Number, value.Text!, null));
        }
    }
}
