using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace XaiAot.Generators.JsonText
{
    /// <summary>
    /// A small strict RFC 8259 reader that builds a <see cref="JsonTree"/> with line and column for
    /// every value and member name. Strict on purpose: a schema file that other tools would reject
    /// should be reported here too. Depth is bounded so a hostile file cannot overflow the stack.
    /// </summary>
    internal sealed class JsonTreeReader
    {
        private const int MaxDepth = 256;
        private readonly string _text;
        private int _pos;
        private int _line;
        private int _lineStart;

        private JsonTreeReader(string text)
        {
            _text = text;
        }

        /// <summary>Parses a whole document; throws <see cref="JsonSyntaxException"/> on the first error.</summary>
        public static JsonTree Parse(string text)
        {
            var reader = new JsonTreeReader(text);
            reader.SkipByteOrderMark();
            reader.SkipWhitespace();
            JsonTree root = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (reader._pos < text.Length)
            {
                throw reader.Error("Unexpected '" + text[reader._pos] + "' after the end of the JSON document");
            }

            return root;
        }

        private void SkipByteOrderMark()
        {
            if (_text.Length > 0 && _text[0] == '\uFEFF')
            {
                _pos = 1;
                _lineStart = 1;
            }
        }

        private TextPosition Here(int length = 1) => new(_line, _pos - _lineStart, _pos, length);

        private JsonSyntaxException Error(string message) => new(message, Here());

        private JsonSyntaxException ErrorAt(string message, TextPosition position) => new(message, position);

        private void SkipWhitespace()
        {
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c == '\n' || c == '\r')
                {
                    // \n, \r\n and a lone \r each end a line, as they do for the compiler and editors.
                    _pos += c == '\r' && _pos + 1 < _text.Length && _text[_pos + 1] == '\n' ? 2 : 1;
                    _line++;
                    _lineStart = _pos;
                }
                else if (c == ' ' || c == '\t')
                {
                    _pos++;
                }
                else
                {
                    return;
                }
            }
        }

        private JsonTree ReadValue(int depth)
        {
            if (_pos >= _text.Length)
            {
                throw Error("Unexpected end of file: expected a JSON value");
            }

            char c = _text[_pos];
            switch (c)
            {
                case '{':
                    return ReadObject(depth + 1);
                case '[':
                    return ReadArray(depth + 1);
                case '"':
                    {
                        TextPosition start = Here();
                        string s = ReadString();
                        return JsonTree.Scalar(JsonKind.String, new TextPosition(start.Line, start.Column, start.Offset, _pos - start.Offset), s);
                    }

                case 't':
                    return ReadLiteral("true", JsonKind.True);
                case 'f':
                    return ReadLiteral("false", JsonKind.False);
                case 'n':
                    return ReadLiteral("null", JsonKind.Null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return ReadNumber();
                    }

                    throw Error("Unexpected '" + c + "': expected a JSON value (object, array, string, number, true, false or null)");
            }
        }

        private JsonTree ReadLiteral(string literal, JsonKind kind)
        {
            TextPosition start = Here(literal.Length);
            if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
            {
                throw Error("Invalid literal: expected '" + literal + "'");
            }

            _pos += literal.Length;
            return JsonTree.Scalar(kind, start, null);
        }

        private JsonTree ReadNumber()
        {
            TextPosition start = Here();
            int begin = _pos;
            if (_text[_pos] == '-')
            {
                _pos++;
            }

            if (_pos < _text.Length && _text[_pos] == '0')
            {
                _pos++;
            }
            else if (!ReadDigits())
            {
                throw Error("Invalid number: expected a digit");
            }

            if (_pos < _text.Length && _text[_pos] == '.')
            {
                _pos++;
                if (!ReadDigits())
                {
                    throw Error("Invalid number: expected a digit after '.'");
                }
            }

            if (_pos < _text.Length && (_text[_pos] == 'e' || _text[_pos] == 'E'))
            {
                _pos++;
                if (_pos < _text.Length && (_text[_pos] == '+' || _text[_pos] == '-'))
                {
                    _pos++;
                }

                if (!ReadDigits())
                {
                    throw Error("Invalid number: expected a digit in the exponent");
                }
            }

            string text = _text.Substring(begin, _pos - begin);
            return JsonTree.Scalar(JsonKind.Number, new TextPosition(start.Line, start.Column, start.Offset, text.Length), text);
        }

        private bool ReadDigits()
        {
            int begin = _pos;
            while (_pos < _text.Length && _text[_pos] >= '0' && _text[_pos] <= '9')
            {
                _pos++;
            }

            return _pos > begin;
        }

        private string ReadString()
        {
            _pos++; // opening quote
            StringBuilder? builder = null;
            int runStart = _pos;
            while (true)
            {
                if (_pos >= _text.Length)
                {
                    throw Error("Unexpected end of file inside a string: expected a closing '\"'");
                }

                char c = _text[_pos];
                if (c == '"')
                {
                    string result = builder is null
                        ? _text.Substring(runStart, _pos - runStart)
                        : builder.Append(_text, runStart, _pos - runStart).ToString();
                    _pos++;
                    return result;
                }

                if (c < 0x20)
                {
                    throw Error("Invalid control character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + " inside a string: escape it");
                }

                if (c != '\\')
                {
                    if (char.IsSurrogate(c))
                    {
                        if (!char.IsHighSurrogate(c) || _pos + 1 >= _text.Length || !char.IsLowSurrogate(_text[_pos + 1]))
                        {
                            throw Error("Unpaired surrogate U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + " inside a string: it has no UTF-8 form");
                        }

                        _pos++;
                    }

                    _pos++;
                    continue;
                }

                builder ??= new StringBuilder();
                builder.Append(_text, runStart, _pos - runStart);
                _pos++;
                if (_pos >= _text.Length)
                {
                    throw Error("Unexpected end of file inside an escape sequence");
                }

                char e = _text[_pos];
                _pos++;
                switch (e)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (_pos + 4 > _text.Length
                            || !int.TryParse(_text.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                        {
                            _pos -= 2;
                            throw Error("Invalid \\u escape: expected four hexadecimal digits");
                        }

                        if (char.IsLowSurrogate((char)code) || (char.IsHighSurrogate((char)code) && !LowSurrogateEscapeAt(_pos + 4)))
                        {
                            _pos -= 2;
                            throw Error("Unpaired surrogate \\u" + _text.Substring(_pos + 2, 4) + " inside a string: it has no UTF-8 form");
                        }

                        builder.Append((char)code);
                        _pos += 4;
                        if (char.IsHighSurrogate((char)code))
                        {
                            builder.Append((char)int.Parse(_text.Substring(_pos + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                            _pos += 6;
                        }

                        break;
                    default:
                        _pos -= 2;
                        throw Error("Invalid escape '\\" + e + "' inside a string");
                }

                runStart = _pos;
            }
        }

        private bool LowSurrogateEscapeAt(int at) =>
            at + 6 <= _text.Length && _text[at] == '\\' && _text[at + 1] == 'u'
            && int.TryParse(_text.Substring(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int low)
            && char.IsLowSurrogate((char)low);

        private JsonTree ReadObject(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error("The document nests deeper than " + MaxDepth + " levels");
            }

            TextPosition start = Here();
            _pos++;
            var members = new List<JsonMember>();
            SkipWhitespace();
            if (_pos < _text.Length && _text[_pos] == '}')
            {
                _pos++;
                return JsonTree.Object(start, members);
            }

            while (true)
            {
                SkipWhitespace();
                if (_pos >= _text.Length || _text[_pos] != '"')
                {
                    throw _pos >= _text.Length
                        ? Error("Unexpected end of file: expected a member name in quotes")
                        : Error("Unexpected '" + _text[_pos] + "': expected a member name in quotes");
                }

                TextPosition nameStart = Here();
                string name = ReadString();
                var namePosition = new TextPosition(nameStart.Line, nameStart.Column, nameStart.Offset, _pos - nameStart.Offset);
                SkipWhitespace();
                if (_pos >= _text.Length || _text[_pos] != ':')
                {
                    throw Error("Expected ':' after member name \"" + name + "\"");
                }

                _pos++;
                SkipWhitespace();
                JsonTree value = ReadValue(depth);
                members.Add(new JsonMember(name, namePosition, value));
                SkipWhitespace();
                if (_pos >= _text.Length)
                {
                    throw ErrorAt("Unexpected end of file: the object opened here is not closed with '}'", start);
                }

                char c = _text[_pos];
                _pos++;
                if (c == '}')
                {
                    return JsonTree.Object(start, members);
                }

                if (c != ',')
                {
                    _pos--;
                    throw Error("Unexpected '" + c + "': expected ',' or '}' after member \"" + name + "\"");
                }
            }
        }

        private JsonTree ReadArray(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error("The document nests deeper than " + MaxDepth + " levels");
            }

            TextPosition start = Here();
            _pos++;
            var items = new List<JsonTree>();
            SkipWhitespace();
            if (_pos < _text.Length && _text[_pos] == ']')
            {
                _pos++;
                return JsonTree.Array(start, items);
            }

            while (true)
            {
                SkipWhitespace();
                items.Add(ReadValue(depth));
                SkipWhitespace();
                if (_pos >= _text.Length)
                {
                    throw ErrorAt("Unexpected end of file: the array opened here is not closed with ']'", start);
                }

                char c = _text[_pos];
                _pos++;
                if (c == ']')
                {
                    return JsonTree.Array(start, items);
                }

                if (c != ',')
                {
                    _pos--;
                    throw Error("Unexpected '" + c + "': expected ',' or ']' in an array");
                }
            }
        }
    }
}
