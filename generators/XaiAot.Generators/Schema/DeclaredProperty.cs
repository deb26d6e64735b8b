using XaiAot.Generators.JsonText;

namespace XaiAot.Generators.Schema
{
    /// <summary>A property as a schema declares it: its JSON name, its schema and where that schema is.</summary>
    internal sealed class DeclaredProperty
    {
        public DeclaredProperty(string name, JsonTree schema, string pointer)
        {
            Name = name;
            Schema = schema;
            Pointer = pointer;
        }

        public string Name { get; }

        public JsonTree Schema { get; }

        public string Pointer { get; }
    }
}
