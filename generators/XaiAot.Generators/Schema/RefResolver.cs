using System.Collections.Generic;
using XaiAot.Generators.JsonText;

namespace XaiAot.Generators.Schema
{
    /// <summary>
    /// Resolves local <c>$ref</c>s (<c>#/...</c>, or the document's own <c>$id</c> followed by a
    /// fragment) to the node they name. Other documents are not followed: the walker reports them.
    /// </summary>
    internal sealed class RefResolver
    {
        private readonly JsonTree _root;
        private readonly string? _rootId;

        public RefResolver(JsonTree root, string? rootId)
        {
            _root = root;
            _rootId = rootId;
        }

        /// <summary>The node a <c>$ref</c> names, or null when it is not local or does not resolve (reported by the walker).</summary>
        public SchemaLocation? Follow(string reference)
        {
            (string document, string fragment) = JsonPointer.SplitRef(reference);
            if (!JsonPointer.IsLocal(document, _rootId))
            {
                return null;
            }

            JsonTree? target = JsonPointer.Resolve(_root, fragment, out _);
            return target is null ? null : new SchemaLocation(target, fragment);
        }

        /// <summary>Follows a chain of <c>$ref</c>s to the schema that does the work; null for a dead end or a loop.</summary>
        public SchemaLocation? Dereference(JsonTree schema, string pointer)
        {
            var seen = new HashSet<JsonTree>(NodeIdentity.Instance);
            while (schema.Kind == JsonKind.Object && schema.Get("$ref") is { Kind: JsonKind.String } reference)
            {
                if (!seen.Add(schema))
                {
                    return null;
                }

                SchemaLocation? target = Follow(reference.Text!);
                if (target is null)
                {
                    return null;
                }

                schema = target.Value.Tree;
                pointer = target.Value.Pointer;
            }

            return new SchemaLocation(schema, pointer);
        }
    }
}
