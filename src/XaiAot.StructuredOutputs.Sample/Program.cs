using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using XaiAot.Chat;
using XaiAot.Extensions.AI;
using XaiAot.Recording;

namespace XaiAot.StructuredOutputs.Sample;

/// <summary>
/// xaiaot-structured: asks for a typed <see cref="Person"/> three ways and prints each record, offline,
/// replaying xAI's recorded answers (a forced tool call, whole and streamed). The schema sent is the one
/// <see cref="Person"/> was generated from, so the replay (which compares request bodies) answers only if
/// it equals the recorded one. Exit code 0 when all three came back typed, 1 otherwise.
/// </summary>
internal static class Program
{
    private static readonly StructuredOutput<Person> PersonAnswer =
        new("Person", PeopleJsonContext.JsonSchemas.Person, PeopleJsonContext.Default.Person)
        {
            Mode = StructuredOutputMode.ForcedTool,
            Description = "A person with name, age, and city",
            Strict = false,
        };

    private const string Prompt = "Generate information about a person named Alice who is 30 years old and lives in Paris.";

    private static async Task<int> Main()
    {
        try
        {
            var request = new ChatCompletionRequest { Model = "grok-4-fast", Messages = [new UserMessage { Content = Prompt }], MaxTokens = 4000 };

            // 1. The client: the whole completion.
            using (HttpClient http = Replaying("simple_object.yaml"))
            {
                StructuredCompletion<Person> answer = await new XaiChatClient(http).CompleteStructuredAsync(request, PersonAnswer).ConfigureAwait(false);
                Print("client", answer.Value);
            }

            // 2. The client, streamed: the arguments arrive as chunks; the record is built at the end.
            using (HttpClient http = Replaying("simple_object_streaming.yaml"))
            {
                ChatCompletionStream stream = new XaiChatClient(http).CompleteStructuredStreamingAsync(request, PersonAnswer);
                await foreach (ChatCompletionChunk chunk in stream.ConfigureAwait(false))
                {
                    // Shown as it arrives in a real app; here only counted.
                }

                Print("stream (" + stream.ChunkCount + " chunks)", PersonAnswer.Read(stream.BuildCompletion()));
            }

            // 3. Microsoft.Extensions.AI's GetResponseAsync<T>, the type info from the generated context.
            using (HttpClient http = Replaying("simple_object.yaml"))
            {
                IChatClient chat = new XaiChatClient(http).AsIChatClient("grok-4-fast", [PersonAnswer]);
                ChatResponse<Person> response = await chat.GetResponseAsync<Person>(
                    [new Microsoft.Extensions.AI.ChatMessage(ChatRole.User, Prompt)],
                    PeopleJsonContext.Default.Options,
                    new ChatOptions { MaxOutputTokens = 4000 }).ConfigureAwait(false);
                Print("IChatClient", response.Result);
            }

            return 0;
        }
        catch (Exception ex) when (ex is XaiException or CassetteMismatchException or InvalidOperationException or System.Text.Json.JsonException)
        {
            Console.Error.WriteLine("xaiaot-structured: " + ex.Message);
            return 1;
        }
    }

    private static void Print(string how, Person person) =>
        Console.WriteLine(how + ": Person { Name = " + person.Name + ", Age = " + person.Age + ", City = " + person.City + " }");

    private static HttpClient Replaying(string resource)
    {
        using Stream stream = typeof(Program).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException("The embedded cassette " + resource + " is missing.");
        using var reader = new StreamReader(stream);
        return new HttpClient(new CassetteReplayHandler(Cassette.Parse(reader.ReadToEnd(), resource)));
    }
}
