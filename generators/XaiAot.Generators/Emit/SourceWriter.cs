using System;
using System.Text;

namespace XaiAot.Generators.Emit
{
    /// <summary>Indented C# text with '\n' line endings, so output is identical on every OS.</summary>
    internal sealed class SourceWriter
    {
        private readonly StringBuilder _text = new();
        private int _indent;

        public SourceWriter Line(string line = "")
        {
            if (line.Length > 0)
            {
                _text.Append(' ', _indent * 4);
                _text.Append(line);
            }

            _text.Append('\n');
            return this;
        }

        /// <summary>Writes several lines, each indented at the current level.</summary>
        public SourceWriter Lines(string text)
        {
            foreach (string line in text.Split('\n'))
            {
                Line(line.TrimEnd('\r'));
            }

            return this;
        }

        /// <summary>Writes <paramref name="line"/> (or only the brace when it is "{") and opens a block.</summary>
        public SourceWriter Open(string line)
        {
            if (line != "{")
            {
                Line(line);
            }

            Line("{");
            _indent++;
            return this;
        }

        public SourceWriter Indent()
        {
            _indent++;
            return this;
        }

        public SourceWriter Outdent()
        {
            _indent--;
            return this;
        }

        public SourceWriter Close(string suffix = "")
        {
            _indent--;
            Line("}" + suffix);
            return this;
        }

        /// <summary>Opens a block and returns a scope that closes it.</summary>
        public BlockScope Block(string line)
        {
            Open(line);
            return new BlockScope(this);
        }

        public override string ToString() => _text.ToString();

        internal readonly struct BlockScope : IDisposable
        {
            private readonly SourceWriter _writer;

            public BlockScope(SourceWriter writer)
            {
                _writer = writer;
            }

            public void Dispose() => _writer.Close();
        }
    }
}
