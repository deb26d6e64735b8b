using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using XaiAot.Chat;

namespace XaiAot;

/// <summary>
/// Messages as the GenAI conventions record them when content capture is on
/// (<c>gen_ai.input.messages</c>, <c>gen_ai.output.messages</c>): a JSON array of
/// <c>{"role","parts":[{"type":"text","content"}|{"type":"tool_call","id","name","arguments"}],"finish_reason"?}</c>.
/// Written with Utf8JsonWriter by hand: no reflection, and only what the convention asks for.
/// </summary>
internal static class MessageContent
{
    public static string Input(IReadOnlyList<ChatMessage> messages)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            for (int i = 0; i < messages.Count; i++)
            {
                ChatMessage message = messages[i];
                writer.WriteStartObject();
                writer.WriteString("role", message.Role);
                writer.WriteStartArray("parts");
                switch (message)
                {
                    case SystemMessage system:
                        Text(writer, system.Content);
                        break;
                    case UserMessage user:
                        Text(writer, user.Content);
                        break;
                    case AssistantMessage assistant:
                        Text(writer, assistant.Content);
                        ToolCalls(writer, assistant.ToolCalls);
                        break;
                    case ToolMessage tool:
                        writer.WriteStartObject();
                        writer.WriteString("type", "tool_call_response");
                        writer.WriteString("id", tool.ToolCallId);
                        writer.WriteString("response", tool.Content.IsString ? tool.Content.AsString : JoinText(tool.Content));
                        writer.WriteEndObject();
                        break;
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string Output(ChatCompletion completion)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (Choice choice in completion.Choices)
            {
                writer.WriteStartObject();
                writer.WriteString("role", choice.Message.Role.Value);
                writer.WriteStartArray("parts");
                if (choice.Message.Content is { } content)
                {
                    TextPart(writer, content);
                }

                ToolCalls(writer, choice.Message.ToolCalls);
                writer.WriteEndArray();
                if (choice.FinishReason is { } reason)
                {
                    writer.WriteString("finish_reason", reason.Value);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Text(Utf8JsonWriter writer, ChatMessageContent? content)
    {
        if (content is { } value)
        {
            TextPart(writer, value.IsString ? value.AsString : JoinText(value));
        }
    }

    private static string JoinText(ChatMessageContent content)
    {
        var text = new StringBuilder();
        foreach (ContentPart part in content.AsArray)
        {
            if (part is TextContentPart textPart)
            {
                text.Append(textPart.Text);
            }
        }

        return text.ToString();
    }

    private static void TextPart(Utf8JsonWriter writer, string text)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "text");
        writer.WriteString("content", text);
        writer.WriteEndObject();
    }

    private static void ToolCalls(Utf8JsonWriter writer, IReadOnlyList<ToolCall>? calls)
    {
        if (calls is null)
        {
            return;
        }

        foreach (ToolCall call in calls)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "tool_call");
            writer.WriteString("id", call.Id);
            writer.WriteString("name", call.Function.Name);
            writer.WriteString("arguments", call.Function.Arguments);
            writer.WriteEndObject();
        }
    }
}
