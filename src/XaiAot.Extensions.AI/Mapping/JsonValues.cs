using System;
using System.Buffers;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;
using XaiAot.Chat;

namespace XaiAot.Extensions.AI;

/// <summary>
/// Reflection-free conversions between CLR values and JSON. Common values (primitives, strings,
/// JSON DOM types, dictionaries and lists of them, XaiAot wire types) are written directly; anything
/// else goes through <see cref="AIJsonUtilities.DefaultOptions"/>, whose resolver is the
/// source-generated M.E.AI context under NativeAOT (reflection is only added when the runtime allows it).
/// </summary>
internal static class JsonValues
{
    private static readonly JsonWriterOptions RelaxedWriter = new()
    {
        // Tool arguments and results are text inside a JSON string, never HTML: keep non-ASCII as is.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Parses tool-call arguments into JsonElement values (the M.E.AI convention), without reflection.</summary>
    public static IDictionary<string, object?>? ParseArguments(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            // Some models send "" for a function without parameters.
            return new Dictionary<string, object?>(StringComparer.Ordinal);
        }

        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("Function arguments must be a JSON object, but were " + root.ValueKind + ".");
        }

        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (JsonProperty property in root.EnumerateObject())
        {
            arguments[property.Name] = property.Value.Clone();
        }

        return arguments;
    }

    /// <summary>Serializes tool-call arguments as compact JSON.</summary>
    public static string SerializeArguments(IDictionary<string, object?>? arguments)
    {
        if (arguments is null)
        {
            return "{}";
        }

        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer, RelaxedWriter))
        {
            WriteValue(writer, arguments);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// The text a tool message carries for a function's result: strings (and JSON strings) as they
    /// are, other JSON as its text, anything else serialized; a value no serializer knows falls back
    /// to <see cref="object.ToString"/> rather than failing the conversation.
    /// </summary>
    public static string ResultToText(object? result)
    {
        switch (result)
        {
            case null:
                return "";
            case string text:
                return text;
            case JsonElement { ValueKind: JsonValueKind.String } element:
                return element.GetString()!;
            case JsonElement { ValueKind: JsonValueKind.Undefined }:
                return "";
            case JsonElement element:
                return element.GetRawText();
            case TextContent content:
                return content.Text;
        }

        try
        {
            var buffer = new ArrayBufferWriter<byte>(64);
            using (var writer = new Utf8JsonWriter(buffer, RelaxedWriter))
            {
                WriteValue(writer, result);
            }

            return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        catch (NotSupportedException)
        {
            return Convert.ToString(result, CultureInfo.InvariantCulture) ?? "";
        }
    }

    /// <summary>Converts a value to a JsonElement (for the request's unknown members).</summary>
    /// <exception cref="NotSupportedException">No serializer knows the value's type.</exception>
    public static JsonElement ToElement(object? value)
    {
        switch (value)
        {
            case JsonElement element:
                return element;
            case JsonDocument document:
                return document.RootElement.Clone();
        }

        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteValue(writer, value);
        }

        using JsonDocument parsed = JsonDocument.Parse(buffer.WrittenMemory);
        return parsed.RootElement.Clone();
    }

    /// <summary>Converts a wire value to a JsonElement with the generated (reflection-free) type info.</summary>
    public static JsonElement ToElement<T>(T value, JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.SerializeToElement(value, typeInfo);

    /// <summary>Converts a list of strings to a JSON array element.</summary>
    public static JsonElement ToElement(IReadOnlyList<string> values)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (string value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        using JsonDocument parsed = JsonDocument.Parse(buffer.WrittenMemory);
        return parsed.RootElement.Clone();
    }

    /// <summary>Writes any supported value.</summary>
    /// <exception cref="NotSupportedException">No serializer knows the value's type.</exception>
    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                return;
            case string s:
                writer.WriteStringValue(s);
                return;
            case bool b:
                writer.WriteBooleanValue(b);
                return;
            case int i:
                writer.WriteNumberValue(i);
                return;
            case long l:
                writer.WriteNumberValue(l);
                return;
            case short s16:
                writer.WriteNumberValue(s16);
                return;
            case byte u8:
                writer.WriteNumberValue(u8);
                return;
            case sbyte s8:
                writer.WriteNumberValue(s8);
                return;
            case ushort u16:
                writer.WriteNumberValue(u16);
                return;
            case uint u32:
                writer.WriteNumberValue(u32);
                return;
            case ulong u64:
                writer.WriteNumberValue(u64);
                return;
            case float f:
                // Utf8JsonWriter writes a float's shortest round-trip form ("0.7", not "0.699999988").
                writer.WriteNumberValue(f);
                return;
            case double d:
                writer.WriteNumberValue(d);
                return;
            case decimal m:
                writer.WriteNumberValue(m);
                return;
            case JsonElement element:
                element.WriteTo(writer);
                return;
            case JsonDocument document:
                document.WriteTo(writer);
                return;
            case JsonNode node:
                node.WriteTo(writer);
                return;
            case DateTimeOffset dto:
                writer.WriteStringValue(dto);
                return;
            case DateTime dt:
                writer.WriteStringValue(dt);
                return;
            case Guid guid:
                writer.WriteStringValue(guid);
                return;
            case Uri uri:
                writer.WriteStringValue(uri.OriginalString);
                return;
            case Enum e:
                writer.WriteStringValue(e.ToString());
                return;
            case IDictionary<string, object?> dictionary:
                writer.WriteStartObject();
                foreach (KeyValuePair<string, object?> pair in dictionary)
                {
                    writer.WritePropertyName(pair.Key);
                    WriteValue(writer, pair.Value);
                }

                writer.WriteEndObject();
                return;
            case IReadOnlyDictionary<string, object?> readOnlyDictionary:
                writer.WriteStartObject();
                foreach (KeyValuePair<string, object?> pair in readOnlyDictionary)
                {
                    writer.WritePropertyName(pair.Key);
                    WriteValue(writer, pair.Value);
                }

                writer.WriteEndObject();
                return;
        }

        Type type = value.GetType();
        if (XaiChatJsonContext.Default.GetTypeInfo(type) is { } wireInfo)
        {
            JsonSerializer.Serialize(writer, value, wireInfo);
            return;
        }

        if (AIJsonUtilities.DefaultOptions.TryGetTypeInfo(type, out JsonTypeInfo? info))
        {
            JsonSerializer.Serialize(writer, value, info);
            return;
        }

        if (value is IEnumerable items)
        {
            writer.WriteStartArray();
            foreach (object? item in items)
            {
                WriteValue(writer, item);
            }

            writer.WriteEndArray();
            return;
        }

        throw new NotSupportedException(
            "No JSON type information for " + type.FullName + ". Pass a JsonElement, a primitive, a string, a dictionary or list of them, " +
            "or add a source-generated resolver for the type to AIJsonUtilities.DefaultOptions' chain.");
    }

    /// <summary>Copies unknown wire members into an M.E.AI property bag (values stay JsonElement).</summary>
    public static void CopyUnknown(IDictionary<string, JsonElement>? source, ref AdditionalPropertiesDictionary? target)
    {
        if (source is null || source.Count == 0)
        {
            return;
        }

        target ??= new AdditionalPropertiesDictionary();
        foreach (KeyValuePair<string, JsonElement> pair in source)
        {
            target[pair.Key] = pair.Value;
        }
    }
}
