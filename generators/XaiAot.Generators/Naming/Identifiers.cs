using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace XaiAot.Generators.Naming
{
    /// <summary>Turns JSON names into C# identifiers, deterministically.</summary>
    internal static class Identifiers
    {
        /// <summary>
        /// PascalCase from snake_case, kebab-case, camelCase, dotted or spaced names: word breaks are any
        /// character that cannot appear in an identifier. A leading digit gets an underscore
        /// (<c>2fa</c> -> <c>_2fa</c>); a name with no letters or digits becomes <paramref name="fallback"/>.
        /// </summary>
        public static string ToPascalCase(string name, string fallback = "Value")
        {
            var builder = new StringBuilder(name.Length);
            bool upperNext = true;

            // SCREAMING_CASE reads better as ScreamingCase; mixed-case words keep their inner capitals.
            bool shouting = !HasLowercase(name);
            int start = 0;
            if (name.Length > 1 && (name[0] == '+' || name[0] == '-') && char.IsDigit(name[1]))
            {
                // A signed number ("+1", "-1": GitHub's reactions) keeps its sign as a word.
                builder.Append(name[0] == '+' ? "Plus" : "Minus");
                start = 1;
            }

            foreach (char c in name.Substring(start))
            {
                if (IsIdentifierPart(c) && c != '_')
                {
                    builder.Append(upperNext ? char.ToUpperInvariant(c) : shouting ? char.ToLowerInvariant(c) : c);
                    upperNext = false;
                }
                else
                {
                    upperNext = true;
                }
            }

            if (builder.Length == 0)
            {
                // Only symbols ("!=", "<=", "*", an emoji): spell them out rather than number fallbacks.
                if (name.Length == 0)
                {
                    return fallback;
                }

                builder.Append(SymbolName(name));
            }

            if (!IsIdentifierStart(builder[0]))
            {
                builder.Insert(0, '_');
            }

            string result = builder.ToString();
            return SyntaxFacts.GetKeywordKind(result) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(result) == SyntaxKind.VarKeyword
                ? "@" + result
                : result;
        }

        /// <summary>True when <paramref name="name"/> is a valid C# identifier (no keywords).</summary>
        public static bool IsValidIdentifier(string name) =>
            name.Length > 0 && SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

        /// <summary>True when <paramref name="name"/> is a valid dotted namespace name.</summary>
        public static bool IsValidNamespace(string name)
        {
            if (name.Length == 0)
            {
                return true;
            }

            foreach (string part in name.Split('.'))
            {
                if (!IsValidIdentifier(part))
                {
                    return false;
                }
            }

            return true;
        }

        private static string SymbolName(string name)
        {
            var builder = new StringBuilder();
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                string? word = c switch
                {
                    '=' => "Equal", '!' => "Not", '<' => "Less", '>' => "Greater", '+' => "Plus", '-' => "Minus", '*' => "Star",
                    '/' => "Slash", '\\' => "Backslash", '.' => "Dot", ',' => "Comma", ':' => "Colon", ';' => "Semicolon", '@' => "At",
                    '#' => "Hash", '$' => "Dollar", '%' => "Percent", '^' => "Caret", '&' => "And", '|' => "Or", '~' => "Tilde",
                    '?' => "Question", '(' => "OpenParen", ')' => "CloseParen", '[' => "OpenBracket", ']' => "CloseBracket",
                    '{' => "OpenBrace", '}' => "CloseBrace", '\'' => "Quote", '"' => "DoubleQuote", '`' => "Backtick", ' ' => "Space",
                    '_' => "Underscore",
                    _ => null,
                };
                if (word is null)
                {
                    int code = char.IsSurrogatePair(name, i) ? char.ConvertToUtf32(name, i++) : c;
                    word = "U" + code.ToString("X4", CultureInfo.InvariantCulture);
                }

                builder.Append(word);
            }

            return builder.ToString();
        }

        private static bool HasLowercase(string name)
        {
            foreach (char c in name)
            {
                if (char.IsLower(c))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsIdentifierStart(char c) => c == '_' || char.IsLetter(c);

        private static bool IsIdentifierPart(char c)
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            return c == '_' || char.IsLetterOrDigit(c)
                || category == UnicodeCategory.NonSpacingMark
                || category == UnicodeCategory.SpacingCombiningMark
                || category == UnicodeCategory.ConnectorPunctuation;
        }
    }
}
