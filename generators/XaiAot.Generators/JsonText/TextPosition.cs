namespace XaiAot.Generators.JsonText
{
    /// <summary>A 0-based line and column plus the absolute character offset and length in the file.</summary>
    internal readonly struct TextPosition
    {
        public TextPosition(int line, int column, int offset, int length)
        {
            Line = line;
            Column = column;
            Offset = offset;
            Length = length;
        }

        public int Line { get; }

        public int Column { get; }

        public int Offset { get; }

        public int Length { get; }
    }
}
