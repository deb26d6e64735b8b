using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace XaiAot.Generators.JsonText
{
    /// <summary>RFC 6901 JSON pointers: building them for messages and resolving local <c>$ref</c>s.</summary>
    internal static class JsonPointer
    {
        /// <summary>Appends one reference token, escaping '~' and '/'.</summary>
        public static string Append(string pointer, string token) =>
            pointer + "/" + token.Replace("~", "~0").Replace("/", "~1");

        /// <summary>Reads one reference token back: <c>~1</c> is '/', <c>~0</c> is '~' (in that order, so <c>~01</c> stays <c>~1</c>).</summary>
        public static string Unescape(string token) => token.Replace("~1", "/").Replace("~0", "~");

        /// <summary>How a pointer is shown in diagnostics: as the URI fragment a $ref would use.</summary>
        public static string Display(string pointer) => "#" + pointer;

        /// <summary>
        /// Resolves a fragment pointer (the part after '#', percent-decoded) against the document root.
        /// Returns null and a reason when a step is missing.
        /// </summary>
        public static JsonTree? Resolve(JsonTree root, string pointer, out string? failure)
        {
            failure = null;
            if (pointer.Length == 0)
            {
                return root;
            }

            if (pointer[0] != '/')
            {
                failure = "a JSON pointer must start with '/' ('#/$defs/Name')";
                return null;
            }

            JsonTree current = root;
            string walked = string.Empty;
            foreach (string raw in pointer.Substring(1).Split('/'))
            {
                string token = Unescape(raw);
                JsonTree? next = null;
                if (current.Kind == JsonKind.Object)
                {
                    next = current.Get(token);
                }
                else if (current.Kind == JsonKind.Array
                    && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int index)
                    && index < current.Items!.Count)
                {
                    next = current.Items[index];
                }

                if (next is null)
                {
                    failure = "there is no '" + token + "' at '" + Display(walked) + "'";
                    return null;
                }

                walked = Append(walked, token);
                current = next;
            }

            return current;
        }

        /// <summary>Decodes %XX escapes of a URI fragment (UTF-8).</summary>
        public static string PercentDecode(string fragment)
        {
            if (fragment.IndexOf('%') < 0)
            {
                return fragment;
            }

            var bytes = new List<byte>(fragment.Length);
            for (int i = 0; i < fragment.Length; i++)
            {
                if (fragment[i] == '%' && i + 2 < fragment.Length
                    && byte.TryParse(fragment.Substring(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out byte b))
                {
                    bytes.Add(b);
                    i += 2;
                }
                else
                {
                    bytes.AddRange(Encoding.UTF8.GetBytes(fragment[i].ToString()));
                }
            }

            return Encoding.UTF8.GetString(bytes.ToArray());
        }

        /// <summary>Splits a $ref into its document part and its fragment (without '#').</summary>
        public static (string Document, string Fragment) SplitRef(string reference)
        {
            int hash = reference.IndexOf('#');
            return hash < 0
                ? (reference, string.Empty)
                : (reference.Substring(0, hash), PercentDecode(reference.Substring(hash + 1)));
        }

        internal static bool IsLocal(string document, string? rootId) =>
            document.Length == 0 || (rootId is not null && string.Equals(document, rootId, StringComparison.Ordinal));
    }
}
