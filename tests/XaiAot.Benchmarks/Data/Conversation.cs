using System;
using System.Collections.Generic;
using System.Text.Json;
using XaiAot.Benchmarks.Peers;
using XaiAot.Chat;

namespace XaiAot.Benchmarks.Data;

/// <summary>
/// A 20-message conversation with four function tools (system, user, assistant tool calls, tool
/// results, answers), described once and built as XaiAot's request and as the hand-written
/// System.Text.Json equivalent, so both serialize the same JSON.
/// </summary>
public static class Conversation
{
    private sealed record Call(string Id, string Name, string Arguments);

    private sealed record Message(string Role, string? Content, Call[]? Calls = null, string? ToolCallId = null);

    private sealed record ToolSpec(string Name, string Description, string Parameters);

    private static readonly ToolSpec[] s_tools =
    [
        new("get_weather", "Current weather for a city: temperature, conditions, wind and humidity.",
            """{"type":"object","properties":{"city":{"type":"string","description":"City name, e.g. Lisbon"},"unit":{"type":"string","enum":["celsius","fahrenheit"]}},"required":["city"],"additionalProperties":false}"""),
        new("convert_units", "Converts a quantity between units of temperature, length, mass or volume.",
            """{"type":"object","properties":{"value":{"type":"number"},"from":{"type":"string"},"to":{"type":"string"}},"required":["value","from","to"],"additionalProperties":false}"""),
        new("search_restaurants", "Finds restaurants near a place, filtered by cuisine, price and opening time.",
            """{"type":"object","properties":{"near":{"type":"string"},"cuisine":{"type":"string"},"max_price":{"type":"integer","minimum":1,"maximum":4},"open_at":{"type":"string","format":"date-time"},"limit":{"type":"integer","default":5}},"required":["near"],"additionalProperties":false}"""),
        new("book_table", "Books a table at a restaurant and returns the confirmation code.",
            """{"type":"object","properties":{"restaurant_id":{"type":"string"},"party_size":{"type":"integer","minimum":1},"time":{"type":"string","format":"date-time"},"name":{"type":"string"},"notes":{"type":"string"}},"required":["restaurant_id","party_size","time","name"],"additionalProperties":false}"""),
    ];

    private static readonly Message[] s_messages =
    [
        new("system", "You are a helpful travel assistant. Use the tools to look up facts; answer briefly, in the user's language, and say which tool results you relied on."),
        new("user", "I'm in Lisbon this weekend and may drive to Porto. What's the weather in both cities, and what is 25 °C in Fahrenheit?"),
        new("assistant", null, [new("call_01", "get_weather", """{"city":"Lisbon","unit":"celsius"}"""), new("call_02", "get_weather", """{"city":"Porto","unit":"celsius"}""")]),
        new("tool", """{"city":"Lisbon","temperature":24,"unit":"celsius","conditions":"sunny","wind_kph":12,"humidity":0.48}""", ToolCallId: "call_01"),
        new("tool", """{"city":"Porto","temperature":19,"unit":"celsius","conditions":"partly cloudy","wind_kph":20,"humidity":0.71}""", ToolCallId: "call_02"),
        new("assistant", null, [new("call_03", "convert_units", """{"value":25,"from":"celsius","to":"fahrenheit"}""")]),
        new("tool", """{"value":77,"unit":"fahrenheit"}""", ToolCallId: "call_03"),
        new("assistant", "Lisbon: 24 °C and sunny, light wind. Porto: 19 °C, partly cloudy and windier (20 km/h). 25 °C is 77 °F. Porto will feel cooler, so bring a light jacket if you drive up."),
        new("user", "Great. Find me a seafood place near Cais do Sodré for Saturday at 20:00, not too expensive."),
        new("assistant", null, [new("call_04", "search_restaurants", """{"near":"Cais do Sodré, Lisbon","cuisine":"seafood","max_price":2,"open_at":"2026-11-28T20:00:00Z","limit":3}""")]),
        new("tool", """{"results":[{"id":"r_812","name":"Taberna do Mar","rating":4.6,"price":2,"distance_m":350},{"id":"r_415","name":"Cervejaria Ribeira","rating":4.4,"price":2,"distance_m":600},{"id":"r_077","name":"O Pescador","rating":4.2,"price":1,"distance_m":900}]}""", ToolCallId: "call_04"),
        new("assistant", "Three options near Cais do Sodré open at 20:00: Taberna do Mar (4.6, 350 m), Cervejaria Ribeira (4.4, 600 m) and O Pescador (4.2, cheapest, 900 m). Shall I book one?"),
        new("user", "Book Taberna do Mar for two, under the name Ana Costa. Ask for a table by the window."),
        new("assistant", null, [new("call_05", "book_table", """{"restaurant_id":"r_812","party_size":2,"time":"2026-11-28T20:00:00Z","name":"Ana Costa","notes":"Window table if possible"}""")]),
        new("tool", """{"status":"confirmed","confirmation":"TDM-4471","restaurant_id":"r_812","time":"2026-11-28T20:00:00Z","party_size":2}""", ToolCallId: "call_05"),
        new("assistant", "Booked: Taberna do Mar, Saturday 20:00, two people, under Ana Costa (confirmation TDM-4471). I asked for a window table; they will confirm on arrival."),
        new("user", "Thanks! How long is the drive from Lisbon to Porto, roughly?"),
        new("assistant", "About 3 hours (313 km) on the A1 toll motorway, a little more with a stop. Tolls are around 23 EUR each way for a car."),
        new("user", "And if I take the train instead?"),
        new("user", "Also remind me what the weather in Porto was, in Fahrenheit please."),
    ];

    /// <summary>How many messages the conversation has.</summary>
    public static int MessageCount => s_messages.Length;

    /// <summary>The conversation as XaiAot's request.</summary>
    public static ChatCompletionRequest XaiAot()
    {
        var messages = new List<ChatMessage>(s_messages.Length);
        foreach (Message m in s_messages)
        {
            messages.Add(m.Role switch
            {
                "system" => new SystemMessage { Content = m.Content! },
                "user" => new UserMessage { Content = m.Content! },
                "tool" => new ToolMessage { Content = m.Content!, ToolCallId = m.ToolCallId! },
                "assistant" => new AssistantMessage
                {
                    Content = m.Content is null ? null : (ChatMessageContent?)m.Content,
                    ToolCalls = m.Calls is null ? null : Array.ConvertAll(m.Calls, c => new ToolCall
                    {
                        Id = c.Id,
                        Type = ToolCallType.Function,
                        Function = new FunctionCall { Name = c.Name, Arguments = c.Arguments },
                    }),
                },
                _ => throw new InvalidOperationException(m.Role),
            });
        }

        return new ChatCompletionRequest
        {
            Model = "grok-code-fast-1",
            Messages = messages,
            Tools = Array.ConvertAll(s_tools, t => new Tool
            {
                Function = new FunctionDefinition { Name = t.Name, Description = t.Description, Parameters = Parse(t.Parameters) },
            }),
            ToolChoice = ToolChoiceMode.Auto,
            MaxTokens = 4000,
            Temperature = 0.7,
            Stream = true,
            StreamOptions = new StreamOptions { IncludeUsage = true },
        };
    }

    /// <summary>The conversation as the hand-written System.Text.Json request.</summary>
    public static StjRequest Stj()
    {
        var messages = new List<StjMessage>(s_messages.Length);
        foreach (Message m in s_messages)
        {
            messages.Add(new StjMessage
            {
                Role = m.Role,
                Content = m.Content,
                ToolCallId = m.ToolCallId,
                ToolCalls = m.Calls is null ? null : new List<StjToolCall>(Array.ConvertAll(m.Calls, c => new StjToolCall
                {
                    Id = c.Id,
                    Type = "function",
                    Function = new StjFunctionCall { Name = c.Name, Arguments = c.Arguments },
                })),
            });
        }

        return new StjRequest
        {
            Model = "grok-code-fast-1",
            Messages = messages,
            Tools = new List<StjTool>(Array.ConvertAll(s_tools, t => new StjTool
            {
                Function = new StjFunctionDefinition { Name = t.Name, Description = t.Description, Parameters = Parse(t.Parameters) },
            })),
            ToolChoice = "auto",
            MaxTokens = 4000,
            Temperature = 0.7,
            Stream = true,
            StreamOptions = new StjStreamOptions { IncludeUsage = true },
        };
    }

    private static JsonElement Parse(string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
