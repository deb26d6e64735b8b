using System.Collections.Generic;

namespace XaiAot.Recording;

/// <summary>
/// Which plain (unquoted) YAML scalars a go-vcr reader would not read back as strings: the words
/// YAML 1.1 (yaml.v2) and 1.2 (yaml.v3) resolve to null or booleans, and anything shaped like a
/// number (decimal, float, hex, octal, binary, sexagesimal, .inf, .nan). Such values are written
/// quoted. Erring towards quoting is harmless; missing a case would change a body's type.
/// </summary>
/// <remarks>
/// Hand-written rather than a (generated) Regex: the regex engine added about 400 KB to the
/// NativeAOT CLI, for this one check.
/// </remarks>
internal static class YamlPlainScalars
{
    private static readonly HashSet<string> Words = new(System.StringComparer.Ordinal)
    {
        "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
        "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
        "y", "Y", "n", "N", "<<", "=",
        ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN",
    };

    public static bool ResolvesToNonString(string value) => Words.Contains(value) || LooksNumeric(value);

    /// <summary>
    /// Made only of characters that occur in YAML numbers (digits, sign, '.', '_', ':', exponent and
    /// radix letters, hex digits) and holding a digit: a superset of every YAML number form.
    /// </summary>
    private static bool LooksNumeric(string value)
    {
        bool digit = false;
        foreach (char c in value)
        {
            if (c is >= '0' and <= '9')
            {
                digit = true;
            }
            else if (c is not ('+' or '-' or '.' or '_' or ':' or 'x' or 'X' or 'o' or 'O' or (>= 'a' and <= 'f') or (>= 'A' and <= 'F')))
            {
                return false;
            }
        }

        return digit;
    }
}
