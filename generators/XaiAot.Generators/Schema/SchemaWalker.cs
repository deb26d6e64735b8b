using System.Collections.Generic;
using XaiAot.Generators.JsonText;

namespace XaiAot.Generators.Schema
{
    /// <summary>
    /// The keyword pass: visits every position of the file where a schema stands (whether or not a
    /// type comes of it) and reports keywords that are unsupported, unknown or malformed, and $refs
    /// that do not resolve. Kept apart from type building so each schema node is checked exactly once.
    /// </summary>
    internal sealed class SchemaWalker
    {
        private static readonly HashSet<string> TypeNames = new() { "string", "integer", "number", "boolean", "object", "array", "null" };

        private readonly JsonTree _root;
        private readonly string? _rootId;
        private readonly DiagnosticBag _diagnostics;

        public SchemaWalker(JsonTree root, string? rootId, DiagnosticBag diagnostics)
        {
            _root = root;
            _rootId = rootId;
            _diagnostics = diagnostics;
        }

        public void Walk() => WalkSchema(_root, string.Empty);

        private void WalkSchema(JsonTree schema, string pointer)
        {
            if (schema.IsBoolean)
            {
                return;
            }

            if (schema.Kind != JsonKind.Object)
            {
                _diagnostics.Add(Diagnostics.InvalidSchema, schema.Position, JsonPointer.Display(pointer), Article(schema));
                return;
            }

            bool openApiRoot = pointer.Length == 0 && schema.Get("openapi") is { Kind: JsonKind.String };
            foreach (JsonMember member in schema.Members!)
            {
                string at = JsonPointer.Append(pointer, member.Name);
                if (pointer.Length == 0 && member.Name == "components")
                {
                    // An OpenAPI 3 document: its component schemas are definitions.
                    if (member.Value.Get("schemas") is { Kind: JsonKind.Object } schemas)
                    {
                        foreach (JsonMember child in schemas.Members!)
                        {
                            WalkSchema(child.Value, JsonPointer.Append(JsonPointer.Append(at, "schemas"), child.Name));
                        }
                    }

                    continue;
                }

                if (openApiRoot && member.Name is "openapi" or "info" or "paths" or "servers" or "tags" or "security" or "webhooks" or "jsonSchemaDialect")
                {
                    continue; // the rest of an OpenAPI document: not schema keywords
                }

                KeywordClass keywordClass = Keywords.Classify(member.Name);
                if (keywordClass == KeywordClass.Enforced)
                {
                    CheckKeyword(member, at);
                    continue;
                }

                switch (keywordClass)
                {
                    case KeywordClass.UnsupportedStructure:
                        _diagnostics.Add(Diagnostics.UnsupportedKeyword, member.NamePosition, member.Name, JsonPointer.Display(at));
                        continue;
                    case KeywordClass.Unknown:
                        _diagnostics.Add(Diagnostics.UnknownKeyword, member.NamePosition, member.Name, JsonPointer.Display(at));
                        continue;
                }

                CheckKeyword(member, at);
            }

            if (schema.Member("discriminator") is { } discriminator && Alternatives.Shaping(schema) is null
                && discriminator.Value.Get("mapping") is not { Kind: JsonKind.Object })
            {
                // OpenAPI's other polymorphism (a base schema naming subtypes that allOf it) without a
                // mapping: the base is generated as a plain object, so subtype members land in
                // AdditionalProperties. With a mapping it is a discriminated union (Typing/InheritanceTyping).
                _diagnostics.Add(Diagnostics.UnsupportedKeyword, discriminator.NamePosition, "discriminator", JsonPointer.Display(JsonPointer.Append(pointer, "discriminator")));
            }

            if (schema.Get("$ref") is { Kind: JsonKind.String })
            {
                foreach (JsonMember member in schema.Members!)
                {
                    if (!Keywords.IsRefCompanion(member.Name) && Keywords.Classify(member.Name) != KeywordClass.Annotation
                        && member.Name is not ("$schema" or "$id" or "$defs" or "definitions"))
                    {
                        _diagnostics.Add(Diagnostics.IgnoredBesideKeyword, member.NamePosition, member.Name, JsonPointer.Display(JsonPointer.Append(pointer, member.Name)), "$ref");
                    }
                }
            }
        }

        private void CheckKeyword(JsonMember member, string at)
        {
            JsonTree value = member.Value;
            switch (member.Name)
            {
                case "$defs":
                case "definitions":
                case "properties":
                case "patternProperties":
                    if (Expect(member, at, JsonKind.Object, "an object of schemas"))
                    {
                        foreach (JsonMember child in value.Members!)
                        {
                            WalkSchema(child.Value, JsonPointer.Append(at, child.Name));
                        }
                    }

                    break;
                case "not":
                case "if":
                case "then":
                case "else":
                case "propertyNames":
                case "contains":
                    if (value.Kind == JsonKind.Object || value.IsBoolean)
                    {
                        WalkSchema(value, at);
                    }
                    else
                    {
                        Wrong(member, at, "a schema (an object or a boolean)");
                    }

                    break;
                case "items":
                case "additionalProperties":
                    if (value.Kind == JsonKind.Object || value.IsBoolean)
                    {
                        WalkSchema(value, at);
                    }
                    else if (value.Kind == JsonKind.Array && member.Name == "items")
                    {
                        // The tuple form of drafts before 2020-12 (now prefixItems): valid, but not supported.
                        _diagnostics.Add(Diagnostics.UnsupportedKeyword, member.NamePosition, member.Name, JsonPointer.Display(at));
                    }
                    else
                    {
                        Wrong(member, at, "a schema (an object or a boolean)");
                    }

                    break;
                case "allOf":
                case "anyOf":
                case "oneOf":
                    if (Expect(member, at, JsonKind.Array, "a non-empty array of schemas"))
                    {
                        if (value.Items!.Count == 0)
                        {
                            Wrong(member, at, "a non-empty array of schemas");
                        }

                        for (int i = 0; i < value.Items.Count; i++)
                        {
                            WalkSchema(value.Items[i], JsonPointer.Append(at, i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                        }
                    }

                    break;
                case "required":
                    if (Expect(member, at, JsonKind.Array, "an array of strings"))
                    {
                        foreach (JsonTree item in value.Items!)
                        {
                            if (item.Kind != JsonKind.String)
                            {
                                _diagnostics.Add(Diagnostics.InvalidKeywordValue, item.Position, member.Name, JsonPointer.Display(at), "an array of strings", "an array holding " + Article(item));
                            }
                        }
                    }

                    break;
                case "enum":
                    Expect(member, at, JsonKind.Array, "an array");
                    break;
                case "type":
                    CheckType(member, at);
                    break;
                case "$ref":
                    if (Expect(member, at, JsonKind.String, "a string"))
                    {
                        CheckRef(member, at);
                    }

                    break;
                case "$id":
                case "$schema":
                case "format":
                case "title":
                case "description":
                case "$comment":
                    Expect(member, at, JsonKind.String, "a string");
                    break;
                case "deprecated":
                case "nullable":
                    if (!value.IsBoolean)
                    {
                        Wrong(member, at, "true or false");
                    }

                    break;
                case "discriminator":
                    if (Expect(member, at, JsonKind.Object, "an object with 'propertyName'")
                        && value.Get("propertyName") is not { Kind: JsonKind.String })
                    {
                        Wrong(member, at, "an object with a string 'propertyName'");
                    }

                    break;
            }
        }

        private void CheckType(JsonMember member, string at)
        {
            JsonTree value = member.Value;
            if (value.Kind == JsonKind.String)
            {
                CheckTypeName(value, at);
            }
            else if (value.Kind == JsonKind.Array && value.Items!.Count > 0)
            {
                foreach (JsonTree item in value.Items)
                {
                    if (item.Kind == JsonKind.String)
                    {
                        CheckTypeName(item, at);
                    }
                    else
                    {
                        _diagnostics.Add(Diagnostics.InvalidType, item.Position, item.Describe(), JsonPointer.Display(at));
                    }
                }
            }
            else
            {
                Wrong(member, at, "a type name or a non-empty array of type names");
            }
        }

        private void CheckTypeName(JsonTree name, string at)
        {
            if (!TypeNames.Contains(name.Text!))
            {
                _diagnostics.Add(Diagnostics.InvalidType, name.Position, name.Text!, JsonPointer.Display(at));
            }
        }

        private void CheckRef(JsonMember member, string at)
        {
            string reference = member.Value.Text!;
            (string document, string fragment) = JsonPointer.SplitRef(reference);
            if (!JsonPointer.IsLocal(document, _rootId))
            {
                _diagnostics.Add(Diagnostics.RemoteRef, member.Value.Position, reference, JsonPointer.Display(at));
                return;
            }

            if (JsonPointer.Resolve(_root, fragment, out string? failure) is null)
            {
                _diagnostics.Add(Diagnostics.UnresolvedRef, member.Value.Position, reference, JsonPointer.Display(at), failure!);
            }
        }

        private bool Expect(JsonMember member, string at, JsonKind kind, string expected)
        {
            if (member.Value.Kind == kind)
            {
                return true;
            }

            Wrong(member, at, expected);
            return false;
        }

        private void Wrong(JsonMember member, string at, string expected) =>
            _diagnostics.Add(Diagnostics.InvalidKeywordValue, member.Value.Position, member.Name, JsonPointer.Display(at), expected, Article(member.Value));

        internal static string Article(JsonTree value) =>
            value.Kind switch
            {
                JsonKind.Object => "an object",
                JsonKind.Array => value.Items!.Count == 0 ? "an empty array" : "an array",
                JsonKind.String => "the string " + value.Describe(),
                JsonKind.Number => "the number " + value.Text,
                _ => value.Describe(),
            };
    }
}
