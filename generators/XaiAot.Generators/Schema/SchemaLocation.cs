using XaiAot.Generators.JsonText;

namespace XaiAot.Generators.Schema
{
    /// <summary>A schema location: the node and the JSON pointer that names it in diagnostics.</summary>
    internal readonly struct SchemaLocation
    {
        public SchemaLocation(JsonTree tree, string pointer)
        {
            Tree = tree;
            Pointer = pointer;
        }

        public JsonTree Tree { get; }

        public string Pointer { get; }
    }
}
