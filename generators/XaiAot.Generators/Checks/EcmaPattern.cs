using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace XaiAot.Generators.Checks
{
    /// <summary>
    /// A JSON Schema <c>pattern</c> (ECMA-262) as a .NET pattern with the same meaning for what schemas
    /// use: <c>\d</c> and <c>\w</c> are ASCII in ECMA-262 (Unicode in .NET), <c>$</c> is the end of
    /// the input (in .NET also before a final newline), and Unicode properties have long names
    /// (<c>\p{Letter}</c>). The result runs in .NET's interpreter (no RegexOptions.Compiled, no
    /// reflection emit), so it is AOT-safe.
    /// </summary>
    internal static class EcmaPattern
    {
        private static readonly Dictionary<string, string> Properties = new(StringComparer.Ordinal)
        {
            ["Letter"] = "L",
            ["Lowercase_Letter"] = "Ll",
            ["Uppercase_Letter"] = "Lu",
            ["Titlecase_Letter"] = "Lt",
            ["Modifier_Letter"] = "Lm",
            ["Other_Letter"] = "Lo",
            ["Mark"] = "M",
            ["Number"] = "N",
            ["Decimal_Number"] = "Nd",
            ["digit"] = "Nd",
            ["Letter_Number"] = "Nl",
            ["Other_Number"] = "No",
            ["Punctuation"] = "P",
            ["punct"] = "P",
            ["Symbol"] = "S",
            ["Separator"] = "Z",
            ["Space_Separator"] = "Zs",
            ["Other"] = "C",
            ["Control"] = "Cc",
        };

        /// <summary>The .NET pattern, or null with <paramref name="error"/> when .NET cannot compile it.</summary>
        public static string? Translate(string pattern, out string? error)
        {
            var result = new StringBuilder(pattern.Length + 8);
            bool inClass = false;
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                if (c == '\\' && i + 1 < pattern.Length)
                {
                    char next = pattern[i + 1];
                    i++;
                    switch (next)
                    {
                        case 'd':
                            result.Append(inClass ? "0-9" : "[0-9]");
                            continue;
                        case 'D' when !inClass:
                            result.Append("[^0-9]");
                            continue;
                        case 'w':
                            result.Append(inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]");
                            continue;
                        case 'W' when !inClass:
                            result.Append("[^a-zA-Z0-9_]");
                            continue;
                        case 'p':
                        case 'P':
                            int close = pattern.IndexOf('}', i);
                            if (i + 1 < pattern.Length && pattern[i + 1] == '{' && close > i)
                            {
                                string name = pattern.Substring(i + 2, close - i - 2);
                                int equals = name.IndexOf('=');
                                if (equals >= 0)
                                {
                                    name = name.Substring(equals + 1);
                                }

                                result.Append('\\').Append(next).Append('{').Append(Properties.TryGetValue(name, out string? shortName) ? shortName : name).Append('}');
                                i = close;
                                continue;
                            }

                            break;
                    }

                    result.Append('\\').Append(next);
                    continue;
                }

                if (inClass)
                {
                    if (c == ']')
                    {
                        inClass = false;
                    }

                    result.Append(c);
                    continue;
                }

                if (c == '[')
                {
                    inClass = true;
                    result.Append(c);
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                    {
                        result.Append('^');
                        i++;
                    }

                    if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                    {
                        // `[]` matches nothing and `[^]` anything in ECMA-262; .NET reads `]` there as a literal.
                        bool negated = result[result.Length - 1] == '^';
                        result.Length -= negated ? 2 : 1;
                        result.Append(negated ? "[\\s\\S]" : "(?!)");
                        inClass = false;
                        i++;
                    }

                    continue;
                }

                result.Append(c == '$' ? "\\z" : c.ToString());
            }

            string translated = result.ToString();
            try
            {
                _ = new Regex(translated, RegexOptions.CultureInvariant);
                error = null;
                return translated;
            }
            catch (ArgumentException ex)
            {
                error = ex.Message;
                return null;
            }
        }
    }
}
