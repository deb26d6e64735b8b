namespace XaiAot.Generators.Schema
{
    /// <summary>
    /// The schema an OpenAPI <c>discriminator.mapping</c> value names: a reference
    /// (<c>#/components/schemas/Cat</c>) or, as OpenAPI also allows, a bare schema name (<c>Cat</c>),
    /// looked up among the document's named schemas.
    /// </summary>
    internal static class DiscriminatorMapping
    {
        private static readonly string[] Containers = { "/components/schemas", "/$defs", "/definitions" };

        public static SchemaLocation? Target(string value, RefResolver refs)
        {
            if (value.IndexOf('#') >= 0 || value.IndexOf('/') >= 0)
            {
                return refs.Follow(value);
            }

            foreach (string container in Containers)
            {
                if (refs.Follow("#" + JsonText.JsonPointer.Append(container, value)) is { } target)
                {
                    return target;
                }
            }

            return null;
        }
    }
}
