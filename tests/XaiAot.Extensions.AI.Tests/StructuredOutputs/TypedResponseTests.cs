using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using XaiAot.Chat;

namespace XaiAot.Extensions.AI.Tests.StructuredOutputs;

using ChatMessage = Microsoft.Extensions.AI.ChatMessage;

/// <summary>
/// <c>GetResponseAsync&lt;T&gt;</c> through the adapter with the generated context supplying the type info
/// (no reflection: what NativeAOT needs) and the user's own schema on the wire, not the one M.E.AI derives.
/// </summary>
public sealed class TypedResponseTests
{
    private static readonly ChatMessage[] AskForAlice =
        [new(ChatRole.User, "Generate information about a person named Alice who is 30 years old and lives in Paris.")];

    private static StructuredOutput<Person> PersonOutput(StructuredOutputMode mode) =>
        new("Person", PeopleJsonContext.JsonSchemas.Person, PeopleJsonContext.Default.Person)
        {
            Mode = mode,
            Description = "A person with name, age, and city",
            Strict = false,
        };

    private static ChatOptions Options() => new() { ModelId = "grok-4-fast", MaxOutputTokens = 4000 };

    [Fact]
    public async Task GetResponseAsync_of_T_sends_the_user_s_schema_as_the_recorded_forced_tool_and_reads_the_record()
    {
        // The replay matches bodies: it answers only if the request equals the recorded one, whose
        // tool parameters are the user's schema (M.E.AI alone would send {"data": {}}).
        using var replay = new Replay("xai-grok-4-fast__simple_object.yaml");
        IChatClient chat = replay.Client.AsIChatClient(structuredOutputs: [PersonOutput(StructuredOutputMode.ForcedTool)]);

        ChatResponse<Person> response = await chat.GetResponseAsync<Person>(AskForAlice, PeopleJsonContext.Default.Options, Options());

        Assert.Equal(new Person { Name = "Alice", Age = 30, City = "Paris" }, response.Result);
        Assert.DoesNotContain(response.Messages.SelectMany(m => m.Contents), c => c is FunctionCallContent);
        Assert.IsType<ChatCompletion>(response.RawRepresentation);
    }

    [Fact]
    public async Task Without_the_structured_output_M_E_AI_s_derived_wrapper_goes_out_instead()
    {
        using var replay = new Replay("xai-grok-4-fast__simple_object.yaml", matchBody: false);

        ChatResponse<Person> response = await replay.Adapter.GetResponseAsync<Person>(AskForAlice, PeopleJsonContext.Default.Options, Options());

        // The recorded answer is a tool call, so there is no text to read the record from.
        Assert.False(response.TryGetResult(out _));
        JsonElement schema = replay.Requests[0].GetProperty("response_format").GetProperty("json_schema").GetProperty("schema");
        Assert.True(schema.GetProperty("properties").TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Response_format_carries_the_user_s_schema_exactly_and_the_content_is_read_through_M_E_AI_s_wrapper()
    {
        var server = new AnsweringHandler("{\"name\":\"Bob\",\"age\":41,\"city\":\"Lisbon\"}");
        using var http = new HttpClient(server);
        IChatClient chat = new XaiChatClient(http).AsIChatClient(structuredOutputs: [PersonOutput(StructuredOutputMode.ResponseFormat)]);

        ChatResponse<Person> response = await chat.GetResponseAsync<Person>(AskForAlice, PeopleJsonContext.Default.Options, Options());

        Assert.Equal(new Person { Name = "Bob", Age = 41, City = "Lisbon" }, response.Result);
        using JsonDocument sent = JsonDocument.Parse(server.Body!);
        JsonElement format = sent.RootElement.GetProperty("response_format").GetProperty("json_schema");
        using JsonDocument own = JsonDocument.Parse(PeopleJsonContext.JsonSchemas.Person.ToArray());
        Assert.True(JsonElement.DeepEquals(own.RootElement, format.GetProperty("schema")), format.GetProperty("schema").ToString());
        Assert.Equal("Person", format.GetProperty("name").GetString());

        // The completion as the server sent it stays the raw representation: the content unwrapped.
        Assert.Equal("{\"name\":\"Bob\",\"age\":41,\"city\":\"Lisbon\"}", ((ChatCompletion)response.RawRepresentation!).Choices[0].Message.Content);
    }

    [Fact]
    public async Task A_streamed_forced_tool_answer_arrives_as_text_not_as_a_call_to_run()
    {
        using var replay = new Replay("xai-grok-4-fast__simple_object_streaming.yaml");
        IChatClient chat = replay.Client.AsIChatClient(structuredOutputs: [PersonOutput(StructuredOutputMode.ForcedTool)]);
        ChatOptions options = Options();
        options.ResponseFormat = ChatResponseFormat.ForJsonSchema(JsonDocument.Parse(PeopleJsonContext.JsonSchemas.Person.ToArray()).RootElement, "Person");

        var text = new StringBuilder();
        await foreach (ChatResponseUpdate update in chat.GetStreamingResponseAsync(AskForAlice, options))
        {
            Assert.DoesNotContain(update.Contents, c => c is FunctionCallContent);
            text.Append(update.Text);
        }

        Assert.Equal(new Person { Name = "Alice", Age = 30, City = "Paris" }, JsonSerializer.Deserialize(text.ToString(), PeopleJsonContext.Default.Person));
    }

    [Fact]
    public void Two_outputs_of_one_name_are_refused()
    {
        using var http = new HttpClient();
        Assert.Throws<ArgumentException>(() => new XaiChatClient(http).AsIChatClient(structuredOutputs: [PersonOutput(StructuredOutputMode.ForcedTool), PersonOutput(StructuredOutputMode.ResponseFormat)]));
    }

    /// <summary>Answers every request with one completion whose content is given; keeps the request body.</summary>
    private sealed class AnsweringHandler(string content) : HttpMessageHandler
    {
        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Body = await request.Content!.ReadAsStringAsync(cancellationToken);
            var completion = new ChatCompletion
            {
                Id = "c",
                Created = 1,
                Model = "grok-4-fast",
                Choices = [new Choice { Index = 0, Message = new ResponseMessage { Role = Role.Assistant, Content = content }, FinishReason = FinishReason.Stop }],
            };
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(JsonSerializer.Serialize(completion, XaiChatJsonContext.Default.ChatCompletion), Encoding.UTF8, "application/json"),
            };
        }
    }
}
