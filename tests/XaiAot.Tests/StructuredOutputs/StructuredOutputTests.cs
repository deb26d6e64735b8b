using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using XaiAot.Chat;
using XaiAot.Recording;
using XaiAot.Tests.Support;

namespace XaiAot.Tests.StructuredOutputs;

/// <summary>
/// Typed answers, with the schema the generator emitted for the answer type: the recorded xAI
/// structured-output traffic (a forced tool, whole and streamed) replayed through the typed path
/// with the request matched against the recording,
/// response_format round trips against loopback Kestrel, and every way an answer can fail to read.
/// </summary>
public sealed class StructuredOutputTests
{
    private static StructuredOutput<Person> PersonOutput(StructuredOutputMode mode) =>
        new("Person", PeopleJsonContext.JsonSchemas.Person, PeopleJsonContext.Default.Person)
        {
            Mode = mode,
            Description = "A person with name, age, and city",
            Strict = false,
        };

    private static ChatCompletionRequest AliceRequest() => new()
    {
        Model = "grok-4-fast",
        Messages = [new UserMessage { Content = "Generate information about a person named Alice who is 30 years old and lives in Paris." }],
        MaxTokens = 4000,
    };

    [Fact]
    public async Task The_recorded_forced_tool_answer_comes_back_typed_from_a_request_equal_to_the_recorded_one()
    {
        // MatchBody is on: the replay answers only a request whose JSON equals the recorded one,
        // so the tool, its schema (the one generated from people.schema.json) and tool_choice
        // are exactly what the real client sent.
        using var http = new HttpClient(new CassetteReplayHandler(SharedCassettes.Load("xai-grok-4-fast__simple_object.yaml")));
        var client = new XaiChatClient(http);

        StructuredCompletion<Person> answer = await client.CompleteStructuredAsync(AliceRequest(), PersonOutput(StructuredOutputMode.ForcedTool));

        Assert.Equal(new Person { Name = "Alice", Age = 30, City = "Paris" }, answer.Value);
        Assert.Equal(FinishReason.ToolCalls, answer.Completion.Choices[0].FinishReason);
        Assert.Equal(44, answer.Completion.Usage!.CompletionTokens);
    }

    [Fact]
    public async Task The_recorded_streamed_forced_tool_answer_is_built_into_the_record_when_the_stream_ends()
    {
        using var http = new HttpClient(new CassetteReplayHandler(SharedCassettes.Load("xai-grok-4-fast__simple_object_streaming.yaml")));
        var client = new XaiChatClient(http);
        StructuredOutput<Person> person = PersonOutput(StructuredOutputMode.ForcedTool);

        ChatCompletionStream stream = client.CompleteStructuredStreamingAsync(AliceRequest(), person);
        var arguments = new StringBuilder();
        await foreach (ChatCompletionChunk chunk in stream)
        {
            foreach (ChunkChoice choice in chunk.Choices)
            {
                foreach (ToolCallDelta call in choice.Delta.ToolCalls ?? [])
                {
                    arguments.Append(call.Function?.Arguments);
                }
            }
        }

        Person alice = person.Read(stream.BuildCompletion());

        Assert.Equal(new Person { Name = "Alice", Age = 30, City = "Paris" }, alice);
        Assert.Equal("{\"age\":30,\"city\":\"Paris\",\"name\":\"Alice\"}", arguments.ToString());
    }

    [Fact]
    public async Task Response_format_carries_the_schema_as_written_and_the_content_comes_back_typed()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Json(context, Completion(content: "{\"name\":\"Bob\",\"age\":41,\"city\":\"Lisbon\"}")));
        XaiChatClient client = server.Client();

        StructuredCompletion<Person> answer = await client.CompleteStructuredAsync(AliceRequest(), PersonOutput(StructuredOutputMode.ResponseFormat));

        Assert.Equal(new Person { Name = "Bob", Age = 41, City = "Lisbon" }, answer.Value);
        using JsonDocument sent = JsonDocument.Parse(Assert.Single(server.Requests).Body);
        JsonElement format = sent.RootElement.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal("Person", format.GetProperty("json_schema").GetProperty("name").GetString());
        Assert.Equal("A person with name, age, and city", format.GetProperty("json_schema").GetProperty("description").GetString());
        using JsonDocument written = JsonDocument.Parse(PeopleJsonContext.JsonSchemas.Person.ToArray());
        Assert.True(JsonElement.DeepEquals(written.RootElement, format.GetProperty("json_schema").GetProperty("schema")));
        Assert.False(sent.RootElement.TryGetProperty("tools", out _));
    }

    [Fact]
    public async Task A_streamed_response_format_answer_arrives_as_text_and_is_read_at_the_end()
    {
        string[] pieces = ["{\"name\":", "\"Bob\",\"ag", "e\":41,\"city\":\"Lis", "bon\"}"];
        var body = new StringBuilder();
        foreach (string piece in pieces)
        {
            body.Append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":")
                .Append(JsonEncodedText.Encode(piece).Value is var escaped ? "\"" + escaped + "\"" : null).Append("}}]}\n\n");
        }

        body.Append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":4,\"total_tokens\":5}}\n\ndata: [DONE]\n\n");
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Responses.Trickle(context, "text/event-stream", body.ToString(), 7, TimeSpan.Zero));
        StructuredOutput<Person> person = PersonOutput(StructuredOutputMode.ResponseFormat);

        ChatCompletionStream stream = server.Client().CompleteStructuredStreamingAsync(AliceRequest(), person);
        var text = new StringBuilder();
        await foreach (ChatCompletionChunk chunk in stream)
        {
            text.Append(chunk.Choices.FirstOrDefault()?.Delta.Content);
        }

        Assert.Equal(string.Concat(pieces), text.ToString());
        Assert.Equal(new Person { Name = "Bob", Age = 41, City = "Lisbon" }, person.Read(stream.BuildCompletion()));
    }

    [Fact]
    public void A_refusal_is_its_own_failure_with_the_reason()
    {
        var ex = Assert.Throws<XaiStructuredOutputException>(() =>
            PersonOutput(StructuredOutputMode.ResponseFormat).Read(Completion(content: null, refusal: "I can't share that.")));

        Assert.Equal(StructuredOutputFailure.Refusal, ex.Failure);
        Assert.Equal("I can't share that.", ex.Refusal);
        Assert.Contains("refused", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_says_where_and_keeps_the_raw_answer()
    {
        const string raw = "{\"name\":\"Bob\",\"age\": ,\"city\":\"X\"}";

        var ex = Assert.Throws<XaiStructuredOutputException>(() => PersonOutput(StructuredOutputMode.ResponseFormat).Read(Completion(content: raw)));

        Assert.Equal(StructuredOutputFailure.InvalidJson, ex.Failure);
        Assert.Equal(raw, ex.Answer);
        Assert.Equal(raw.IndexOf(" ,", StringComparison.Ordinal) + 1, ex.BytePosition);
        Assert.Contains("at byte 21", ex.Message, StringComparison.Ordinal);
        Assert.False(ex.Truncated);
    }

    [Fact]
    public void Malformed_json_on_a_later_line_gets_its_offset_in_the_whole_answer()
    {
        const string raw = "{\n  \"name\": \"Bob\",\n  \"age\": x\n}";

        var ex = Assert.Throws<XaiStructuredOutputException>(() => PersonOutput(StructuredOutputMode.ResponseFormat).Read(Completion(content: raw)));

        Assert.Equal(raw.IndexOf('x', StringComparison.Ordinal), ex.BytePosition);
    }

    [Fact]
    public void An_answer_cut_off_by_the_token_limit_says_so()
    {
        var ex = Assert.Throws<XaiStructuredOutputException>(() =>
            PersonOutput(StructuredOutputMode.ResponseFormat).Read(Completion(content: "{\"name\":\"Bob\",\"ag", finishReason: "length")));

        Assert.Equal(StructuredOutputFailure.InvalidJson, ex.Failure);
        Assert.True(ex.Truncated);
        Assert.Contains("token limit", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"name\":\"Bob\",\"city\":\"X\"}", "$.age", "age")]
    [InlineData("{\"name\":\"Bob\",\"age\":\"forty\",\"city\":\"X\"}", "$.age", "integer")]
    [InlineData("[1,2]", "$", "object")]
    public void Json_of_another_shape_says_which_member_and_what_was_expected(string raw, string path, string expected)
    {
        var ex = Assert.Throws<XaiStructuredOutputException>(() => PersonOutput(StructuredOutputMode.ResponseFormat).Read(Completion(content: raw)));

        Assert.Equal(StructuredOutputFailure.SchemaMismatch, ex.Failure);
        Assert.Equal(path, ex.JsonPath);
        Assert.Contains(expected, ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(raw, ex.Answer);
        Assert.IsType<JsonException>(ex.InnerException, exactMatch: false);
    }

    [Fact]
    public void A_text_answer_where_the_tool_call_was_forced_is_no_answer_and_keeps_the_text()
    {
        var ex = Assert.Throws<XaiStructuredOutputException>(() => PersonOutput(StructuredOutputMode.ForcedTool).Read(Completion(content: "Alice is 30.")));

        Assert.Equal(StructuredOutputFailure.NoAnswer, ex.Failure);
        Assert.Equal("Alice is 30.", ex.Answer);
        Assert.Contains("Person", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_in_a_markdown_fence_is_read()
    {
        Person bob = PersonOutput(StructuredOutputMode.ResponseFormat).Read(Completion(content: "```json\n{\"name\":\"Bob\",\"age\":41,\"city\":\"Lisbon\"}\n```"));

        Assert.Equal("Bob", bob.Name);
    }

    [Fact]
    public void A_forced_tool_keeps_the_request_s_own_tools_and_refuses_a_second_tool_of_its_name()
    {
        var other = new Tool { Function = new FunctionDefinition { Name = "lookup", Parameters = JsonDocument.Parse("{}").RootElement } };
        StructuredOutput<Person> person = PersonOutput(StructuredOutputMode.ForcedTool);

        ChatCompletionRequest applied = person.Apply(AliceRequest() with { Tools = [other] });

        Assert.Equal(["lookup", "Person"], applied.Tools!.Select(t => t.Function.Name));
        Assert.Throws<ArgumentException>(() => person.Apply(applied));
    }

    [Theory]
    [InlineData("has space", "{}")]
    [InlineData("Person", "[]")]
    [InlineData("Person", "{\"type\":")]
    public void Names_the_api_refuses_and_schemas_that_are_not_objects_are_refused_at_once(string name, string schema)
    {
        Assert.Throws<ArgumentException>(() => new StructuredOutput<Person>(name, Encoding.UTF8.GetBytes(schema), PeopleJsonContext.Default.Person));
    }

    private static ChatCompletion Completion(string? content, string? refusal = null, string finishReason = "stop")
    {
        var message = new ResponseMessage { Role = Role.Assistant, Content = content, Refusal = refusal };
        return new ChatCompletion
        {
            Id = "c",
            Created = 1,
            Model = "m",
            Choices = [new Choice { Index = 0, Message = message, FinishReason = new FinishReason(finishReason) }],
        };
    }

    private static Task Json(HttpContext context, ChatCompletion completion)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(completion, XaiChatJsonContext.Default.ChatCompletion));
    }
}
