using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using XaiAot.Extensions.DependencyInjection;
using XaiAot.Recording;

namespace XaiAot.Extensions.AI.Sample;

// XaiAot has its own (wire) ChatMessage; this program speaks Microsoft.Extensions.AI.
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;

/// <summary>
/// xaiaot-meai [CASSETTE]: replays a recorded tool-call conversation (by default the embedded
/// xai-grok-4-fast__multi_tool.yaml) through an IChatClient pipeline with function invocation, offline.
/// The conversation, model and options are read from the cassette's first request; the tools are real
/// functions (add, multiply, weather) that the middleware invokes. Exit code 0 when every recorded
/// interaction was replayed, 1 when the replay failed, 2 for bad arguments.
/// </summary>
internal static class Program
{
    private const string DefaultCassette = "xai-grok-4-fast__multi_tool.yaml";

    private static async Task<int> Main(string[] args)
    {
        if (args.Length > 1 || args is ["-h" or "--help"])
        {
            Console.Error.WriteLine("usage: xaiaot-meai [CASSETTE.yaml]   (default: the embedded " + DefaultCassette + ")");
            return 2;
        }

        Cassette cassette;
        try
        {
            cassette = args.Length == 1 ? Cassette.Load(args[0]) : LoadEmbedded();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CassetteFormatException)
        {
            Console.Error.WriteLine("xaiaot-meai: " + ex.Message);
            return 2;
        }

        try
        {
            return await ReplayAsync(cassette).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is CassetteMismatchException or XaiException or InvalidOperationException or JsonException)
        {
            Console.Error.WriteLine("xaiaot-meai: replay failed: " + ex.Message);
            return 1;
        }
    }

    private static async Task<int> ReplayAsync(Cassette cassette)
    {
        RecordedRequest first = cassette.Interactions.FirstOrDefault()?.Request
            ?? throw new InvalidOperationException("The cassette has no interactions.");
        using JsonDocument recorded = JsonDocument.Parse(first.Body);
        JsonElement body = recorded.RootElement;

        var replay = new CassetteReplayHandler(cassette);

        // The way a service sets it up: settings from configuration (bound by the source generator),
        // the client over IHttpClientFactory, the IChatClient through AddChatClient with middleware.
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Xai:BaseAddress"] = ApiRoot(first.Url).ToString(),
                ["Xai:MaxRetries"] = "0", // a cassette records each attempt; replay sends each once
            })
            .Build();
        var services = new ServiceCollection();
        services.AddXaiChatClient(configuration.GetSection("Xai"))
            .ConfigurePrimaryHttpMessageHandler(() => replay)
            .AddChatClient()
            .UseFunctionInvocation();
        await using ServiceProvider provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        IChatClient client = provider.GetRequiredService<IChatClient>();

        // Telemetry as OpenTelemetry would collect it (AddSource("XaiAot"), AddMeter("XaiAot")).
        using var telemetry = new TelemetryCounter();

        List<ChatMessage> messages = ReadConversation(body);
        ChatOptions options = ReadOptions(body);
        bool streaming = body.TryGetProperty("stream", out JsonElement stream) && stream.ValueKind == JsonValueKind.True;
        Console.WriteLine($"replaying {cassette.Source ?? DefaultCassette}: {options.ModelId}, {(streaming ? "streaming" : "non-streaming")}, tools {string.Join(", ", options.Tools!.Select(t => t.Name))}");

        ChatResponse response;
        if (streaming)
        {
            List<ChatResponseUpdate> updates = [];
            await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync(messages, options).ConfigureAwait(false))
            {
                updates.Add(update);
            }

            response = updates.ToChatResponse();
            int reasoning = updates.Sum(u => u.Contents.OfType<TextReasoningContent>().Sum(r => r.Text.Length));
            Console.WriteLine($"streamed {updates.Count} updates, {reasoning} characters of reasoning");
        }
        else
        {
            response = await client.GetResponseAsync(messages, options).ConfigureAwait(false);
        }

        Console.WriteLine("answer: " + response.Text);
        if (response.Usage is { } usage)
        {
            Console.WriteLine($"usage: {usage.InputTokenCount} in ({usage.CachedInputTokenCount} cached), {usage.OutputTokenCount} out ({usage.ReasoningTokenCount} reasoning), {usage.TotalTokenCount} total");
        }

        Console.WriteLine(telemetry.Summary());
        int unused = replay.UnusedInteractions.Count;
        if (unused > 0)
        {
            Console.Error.WriteLine($"xaiaot-meai: {unused} recorded interaction(s) were never requested");
            return 1;
        }

        return 0;
    }

    private static List<ChatMessage> ReadConversation(JsonElement body)
    {
        var messages = new List<ChatMessage>();
        foreach (JsonElement message in body.GetProperty("messages").EnumerateArray())
        {
            string role = message.GetProperty("role").GetString()!;
            string content = message.TryGetProperty("content", out JsonElement c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "";
            messages.Add(new ChatMessage(new ChatRole(role), content));
        }

        return messages;
    }

    private static ChatOptions ReadOptions(JsonElement body)
    {
        var options = new ChatOptions
        {
            ModelId = body.GetProperty("model").GetString(),
            Tools = [],
            AdditionalProperties = [],
        };

        if (body.TryGetProperty("max_tokens", out JsonElement maxTokens))
        {
            options.MaxOutputTokens = maxTokens.GetInt32();
        }

        if (body.TryGetProperty("reasoning_effort", out JsonElement effort))
        {
            options.AdditionalProperties[XaiPropertyNames.ReasoningEffort] = effort.GetString();
        }

        if (body.TryGetProperty("tools", out JsonElement tools))
        {
            foreach (JsonElement tool in tools.EnumerateArray())
            {
                JsonElement function = tool.GetProperty("function");
                options.Tools.Add(Tool(function.GetProperty("name").GetString()!));
                if (function.TryGetProperty("strict", out JsonElement strict))
                {
                    options.AdditionalProperties[XaiPropertyNames.Strict] = strict.GetBoolean();
                }
            }
        }

        return options;
    }

    // Real functions, made with AIFunctionFactory: its reflection over a delegate is NativeAOT-safe (the target
    // method is rooted), and int/string parameters use the source-generated AIJsonUtilities metadata.
    private static AIFunction Tool(string name) => name switch
    {
        "add" => AIFunctionFactory.Create(
            ([Description("first number")] int a, [Description("second number")] int b) => Report("add", $"{a}, {b}", a + b),
            "add",
            "Add two numbers"),
        "multiply" => AIFunctionFactory.Create(
            ([Description("first number")] int a, [Description("second number")] int b) => Report("multiply", $"{a}, {b}", a * b),
            "multiply",
            "Multiply two numbers"),
        "weather" => AIFunctionFactory.Create(
            ([Description("the city")] string location) => Report("weather", location, "40 C"),
            "weather",
            "Get weather information for a location"),
        _ => throw new InvalidOperationException($"The cassette declares a tool '{name}'; this sample implements add, multiply and weather."),
    };

    private static T Report<T>(string name, string arguments, T result)
    {
        Console.WriteLine($"tool {name}({arguments}) = {result}");
        return result;
    }

    private static Cassette LoadEmbedded()
    {
        using Stream stream = typeof(Program).Assembly.GetManifestResourceStream(DefaultCassette)
            ?? throw new InvalidOperationException("The embedded cassette is missing.");
        using var reader = new StreamReader(stream);
        return Cassette.Parse(reader.ReadToEnd(), DefaultCassette);
    }

    private static Uri ApiRoot(string url)
    {
        const string Suffix = "chat/completions";
        return new Uri(url.EndsWith(Suffix, StringComparison.Ordinal) ? url[..^Suffix.Length] : url);
    }
}
