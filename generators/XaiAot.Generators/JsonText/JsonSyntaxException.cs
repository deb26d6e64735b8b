using System;

namespace XaiAot.Generators.JsonText
{
    /// <summary>Thrown for malformed JSON; carries the exact position of the problem.</summary>
    internal sealed class JsonSyntaxException : Exception
    {
        public JsonSyntaxException(string message, TextPosition position)
            : base(message)
        {
            Position = position;
        }

        public TextPosition Position { get; }
    }
}
