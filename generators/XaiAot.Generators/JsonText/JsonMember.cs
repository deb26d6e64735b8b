namespace XaiAot.Generators.JsonText
{
    /// <summary>An object member: its name, where the name stands (diagnostics point here), and its value.</summary>
    internal sealed class JsonMember
    {
        public JsonMember(string name, TextPosition namePosition, JsonTree value)
        {
            Name = name;
            NamePosition = namePosition;
            Value = value;
        }

        public string Name { get; }

        public TextPosition NamePosition { get; }

        public JsonTree Value { get; }
    }
}
