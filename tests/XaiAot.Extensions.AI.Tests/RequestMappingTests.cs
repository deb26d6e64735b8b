using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using XaiAot.Chat;
using MeaiChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace XaiAot.Extensions.AI.Tests;

// XaiAot has its own ChatMessage and ReasoningEffort (wire types); in this namespace the M.E.AI ones are meant.
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;
using ReasoningEffort = Microsoft.Extensions.AI.ReasoningEffort;

/// <summary>ChatOptions and message contents to the JSON body that goes on the wire.</summary>
public class RequestMappingTests
{
    private static readonly XaiChatClientAdapter Adapter =
        new(new XaiChatClient(new System.Net.Http.HttpClient()), "grok-4-fast");

    private static readonly MeaiChatMessage[] Hello = [new(ChatRole.User, "hi")];

    private static JsonElement Body(IEnumerable<MeaiChatMessage> messages, ChatOptions? options = null) =>
        JsonSerializer.SerializeToElement(Adapter.CreateRequest(messages, options), XaiChatJsonContext.Default.ChatCompletionRequest);

    private static JsonElement Body(ChatOptions options) => Body(Hello, options);

    private static void AssertJson(string expected, JsonElement actual) =>
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(expected).RootElement, actual), "expected " + expected + " but was " + actual.GetRawText());

    private static JsonElement Schema(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static AIFunctionDeclaration Declaration(string name, string schema = """{"type":"object","properties":{}}""") =>
        AIFunctionFactory.CreateDeclaration(name, "does " + name, Schema(schema));

    [Fact]
    public void Without_options_the_body_is_the_default_model_and_the_messages_only()
    {
        AssertJson("""{"model":"grok-4-fast","messages":[{"role":"user","content":"hi"}]}""", Body(Hello));
    }

    [Fact]
    public void Sampling_options_map_to_their_members_and_floats_keep_the_digits_the_user_wrote()
    {
        JsonElement body = Body(new ChatOptions
        {
            ModelId = "grok-3-mini",
            Temperature = 0.7f,
            TopP = 0.9f,
            FrequencyPenalty = 0.1f,
            PresencePenalty = -0.3f,
            MaxOutputTokens = 321,
            Seed = 42,
            StopSequences = ["END", "STOP"],
        });

        AssertJson(
            """
            {"model":"grok-3-mini","messages":[{"role":"user","content":"hi"}],
             "temperature":0.7,"top_p":0.9,"frequency_penalty":0.1,"presence_penalty":-0.3,
             "max_tokens":321,"seed":42,"stop":["END","STOP"]}
            """,
            body);

        // (double)0.7f would be 0.699999988079071 on the wire.
        Assert.Equal("0.7", body.GetProperty("temperature").GetRawText());
    }

    [Fact]
    public void Instructions_become_a_leading_system_message()
    {
        JsonElement body = Body(new ChatOptions { Instructions = "Be brief." });
        AssertJson("""[{"role":"system","content":"Be brief."},{"role":"user","content":"hi"}]""", body.GetProperty("messages"));
    }

    [Fact]
    public void No_model_anywhere_is_an_error_that_says_where_to_set_one()
    {
        var adapter = new XaiChatClientAdapter(new XaiChatClient(new System.Net.Http.HttpClient()));
        var error = Assert.Throws<InvalidOperationException>(() => adapter.CreateRequest(Hello));
        Assert.Contains("ChatOptions.ModelId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Function_declarations_become_tools_with_their_schema_as_is_and_tool_choice_auto()
    {
        const string schema = """{"type":"object","properties":{"city":{"type":"string","description":"the city"}},"required":["city"]}""";
        JsonElement body = Body(new ChatOptions { Tools = [Declaration("weather", schema)] });

        AssertJson(
            """[{"type":"function","function":{"name":"weather","description":"does weather","parameters":""" + schema + "}}]",
            body.GetProperty("tools"));
        Assert.Equal("auto", body.GetProperty("tool_choice").GetString());
        Assert.False(body.TryGetProperty("parallel_tool_calls", out _));
    }

    [Fact]
    public void Strict_comes_from_the_function_first_then_from_the_options()
    {
        AIFunctionDeclaration plain = Declaration("plain");
        AIFunctionDeclaration strictOne = new StrictDeclaration(Declaration("strict_one"));
        JsonElement[] tools = Body(new ChatOptions
        {
            Tools = [plain, strictOne],
            AdditionalProperties = new() { [XaiPropertyNames.Strict] = false },
        }).GetProperty("tools").EnumerateArray().ToArray();

        Assert.False(tools[0].GetProperty("function").GetProperty("strict").GetBoolean());
        Assert.True(tools[1].GetProperty("function").GetProperty("strict").GetBoolean());
    }

    [Theory]
    [InlineData("none", "\"none\"")]
    [InlineData("auto", "\"auto\"")]
    [InlineData("any", "\"required\"")]
    [InlineData("specific", """{"type":"function","function":{"name":"weather"}}""")]
    public void Tool_modes_map_to_tool_choice(string mode, string expected)
    {
        ChatToolMode toolMode = mode switch
        {
            "none" => ChatToolMode.None,
            "auto" => ChatToolMode.Auto,
            "any" => ChatToolMode.RequireAny,
            _ => ChatToolMode.RequireSpecific("weather"),
        };

        JsonElement body = Body(new ChatOptions { Tools = [Declaration("weather")], ToolMode = toolMode, AllowMultipleToolCalls = false });

        AssertJson(expected, body.GetProperty("tool_choice"));
        Assert.False(body.GetProperty("parallel_tool_calls").GetBoolean());
    }

    [Fact]
    public void Without_function_tools_no_tool_choice_or_parallel_flag_is_sent()
    {
        JsonElement body = Body(new ChatOptions { ToolMode = ChatToolMode.RequireAny, AllowMultipleToolCalls = true });
        Assert.False(body.TryGetProperty("tool_choice", out _));
        Assert.False(body.TryGetProperty("parallel_tool_calls", out _));
        Assert.False(body.TryGetProperty("tools", out _));
    }

    [Fact]
    public void Hosted_web_search_turns_on_live_search_in_auto_mode()
    {
        JsonElement body = Body(new ChatOptions { Tools = [new HostedWebSearchTool()] });
        AssertJson("""{"mode":"auto"}""", body.GetProperty("search_parameters"));
        Assert.False(body.TryGetProperty("tools", out _));
    }

    [Fact]
    public void Response_formats_map_to_text_json_object_and_json_schema()
    {
        AssertJson("""{"type":"text"}""", Body(new ChatOptions { ResponseFormat = ChatResponseFormat.Text }).GetProperty("response_format"));
        AssertJson("""{"type":"json_object"}""", Body(new ChatOptions { ResponseFormat = ChatResponseFormat.Json }).GetProperty("response_format"));

        const string schema = """{"type":"object","properties":{"answer":{"type":"string"}}}""";
        JsonElement body = Body(new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.ForJsonSchema(Schema(schema), "answer", "The answer."),
            AdditionalProperties = new() { [XaiPropertyNames.Strict] = true },
        });
        AssertJson(
            """{"type":"json_schema","json_schema":{"name":"answer","description":"The answer.","schema":""" + schema + ""","strict":true}}""",
            body.GetProperty("response_format"));
    }

    [Fact]
    public void Reasoning_effort_comes_from_ChatOptions_Reasoning_or_AdditionalProperties_which_wins()
    {
        Assert.Equal("high", Body(new ChatOptions { Reasoning = new ReasoningOptions { Effort = ReasoningEffort.High } }).GetProperty("reasoning_effort").GetString());
        Assert.Equal("xhigh", Body(new ChatOptions { Reasoning = new ReasoningOptions { Effort = ReasoningEffort.ExtraHigh } }).GetProperty("reasoning_effort").GetString());
        Assert.Equal("low", Body(new ChatOptions
        {
            Reasoning = new ReasoningOptions { Effort = ReasoningEffort.High },
            AdditionalProperties = new() { [XaiPropertyNames.ReasoningEffort] = "low" },
        }).GetProperty("reasoning_effort").GetString());
        Assert.Equal("medium", Body(new ChatOptions
        {
            AdditionalProperties = new() { [XaiPropertyNames.ReasoningEffort] = ReasoningEffort.Medium },
        }).GetProperty("reasoning_effort").GetString());
    }

    [Fact]
    public void Search_parameters_accept_the_wire_type_or_its_json()
    {
        var typed = new SearchParameters { Mode = SearchMode.On, ReturnCitations = true, MaxSearchResults = 3 };
        JsonElement fromTyped = Body(new ChatOptions { AdditionalProperties = new() { [XaiPropertyNames.SearchParameters] = typed } });
        AssertJson("""{"mode":"on","return_citations":true,"max_search_results":3}""", fromTyped.GetProperty("search_parameters"));

        JsonElement fromJson = Body(new ChatOptions
        {
            AdditionalProperties = new() { [XaiPropertyNames.SearchParameters] = Schema("""{"mode":"off","sources":[{"type":"x"}]}""") },
        });
        AssertJson("""{"mode":"off","sources":[{"type":"x"}]}""", fromJson.GetProperty("search_parameters"));
    }

    [Fact]
    public void Typed_extra_members_are_checked_and_set()
    {
        JsonElement body = Body(new ChatOptions
        {
            AdditionalProperties = new()
            {
                [XaiPropertyNames.User] = "user-7",
                [XaiPropertyNames.N] = 2,
                [XaiPropertyNames.Logprobs] = true,
                [XaiPropertyNames.TopLogprobs] = 5L,
                [XaiPropertyNames.MaxCompletionTokens] = 99,
                [XaiPropertyNames.Deferred] = false,
                [XaiPropertyNames.LogitBias] = new Dictionary<string, object?> { ["1734"] = -100 },
            },
        });

        AssertJson(
            """
            {"model":"grok-4-fast","messages":[{"role":"user","content":"hi"}],"user":"user-7","n":2,"logprobs":true,
             "top_logprobs":5,"max_completion_tokens":99,"deferred":false,"logit_bias":{"1734":-100}}
            """,
            body);

        Assert.Throws<ArgumentException>(() => Body(new ChatOptions { AdditionalProperties = new() { [XaiPropertyNames.N] = "two" } }));
    }

    [Fact]
    public void Unknown_additional_properties_go_out_as_request_members_unchanged()
    {
        JsonElement body = Body(new ChatOptions
        {
            AdditionalProperties = new()
            {
                ["provider"] = new Dictionary<string, object?> { ["only"] = new[] { "wandb" } },
                ["usage"] = Schema("""{"include":true}"""),
                ["top_k"] = 40,
                ["note"] = "x",
                ["node"] = new JsonObject { ["k"] = 1.5 },
            },
        });

        AssertJson("""{"only":["wandb"]}""", body.GetProperty("provider"));
        AssertJson("""{"include":true}""", body.GetProperty("usage"));
        Assert.Equal(40, body.GetProperty("top_k").GetInt32());
        Assert.Equal("x", body.GetProperty("note").GetString());
        AssertJson("""{"k":1.5}""", body.GetProperty("node"));
    }

    [Theory]
    [InlineData("model", "ChatOptions.ModelId")]
    [InlineData("temperature", "ChatOptions.Temperature")]
    [InlineData("stream", "GetStreamingResponseAsync")]
    [InlineData("tools", "ChatOptions.Tools")]
    public void Additional_properties_that_would_duplicate_a_member_are_refused_with_a_pointer(string key, string pointer)
    {
        var error = Assert.Throws<ArgumentException>(() => Body(new ChatOptions { AdditionalProperties = new() { [key] = 1 } }));
        Assert.Contains(pointer, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_raw_request_from_the_factory_wins_and_its_messages_come_first()
    {
        var options = new ChatOptions
        {
            Temperature = 0.2f,
            MaxOutputTokens = 10,
            RawRepresentationFactory = client =>
            {
                Assert.Same(Adapter, client);
                return new ChatCompletionRequest
                {
                    Model = "",
                    Messages = [new SystemMessage { Content = "from raw" }],
                    Temperature = 1.5,
                    SearchParameters = new SearchParameters { Mode = SearchMode.Off },
                };
            },
        };

        JsonElement body = Body(options);

        Assert.Equal(1.5, body.GetProperty("temperature").GetDouble());
        Assert.Equal(10, body.GetProperty("max_tokens").GetInt32());
        Assert.Equal("grok-4-fast", body.GetProperty("model").GetString());
        AssertJson("""{"mode":"off"}""", body.GetProperty("search_parameters"));
        AssertJson("""[{"role":"system","content":"from raw"},{"role":"user","content":"hi"}]""", body.GetProperty("messages"));
    }

    [Fact]
    public void Roles_map_to_their_messages_and_developer_becomes_system()
    {
        JsonElement messages = Body(
        [
            new(ChatRole.System, "sys"),
            new(new ChatRole("developer"), "dev"),
            new(ChatRole.User, "u") { AuthorName = "ann" },
            new(ChatRole.Assistant, "a"),
        ]).GetProperty("messages");

        AssertJson(
            """
            [{"role":"system","content":"sys"},{"role":"system","content":"dev"},{"role":"user","content":"u","name":"ann"},
             {"role":"assistant","content":"a"}]
            """,
            messages);
    }

    [Fact]
    public void A_role_xai_does_not_know_is_an_error_not_a_silent_drop()
    {
        Assert.Throws<ArgumentException>(() => Body([new(new ChatRole("critic"), "hmm")]));
    }

    [Fact]
    public void Images_files_and_several_texts_become_content_parts()
    {
        var image = new UriContent(new Uri("https://example.com/cat.png"), "image/png") { AdditionalProperties = new() { ["detail"] = "high" } };
        var bytes = new DataContent(new byte[] { 1, 2, 3 }, "image/jpeg");
        var pdf = new DataContent(new byte[] { 4, 5 }, "application/pdf") { Name = "doc.pdf" };
        var hosted = new HostedFileContent("file-123");

        JsonElement content = Body([new(ChatRole.User, [new TextContent("look"), image, bytes, pdf, hosted, new TextContent("thanks")])])
            .GetProperty("messages")[0].GetProperty("content");

        AssertJson(
            """
            [{"type":"text","text":"look"},
             {"type":"image_url","image_url":{"url":"https://example.com/cat.png","detail":"high"}},
             {"type":"image_url","image_url":{"url":"data:image/jpeg;base64,AQID"}},
             {"type":"file","file":{"file_data":"data:application/pdf;base64,BAU=","filename":"doc.pdf"}},
             {"type":"file","file":{"file_id":"file-123"}},
             {"type":"text","text":"thanks"}]
            """,
            content);
    }

    [Fact]
    public void Assistant_history_sends_reasoning_back_and_omits_content_when_it_only_called_tools()
    {
        var call = new FunctionCallContent("call_1", "add", new Dictionary<string, object?> { ["a"] = 2, ["b"] = "three" });
        JsonElement messages = Body(
        [
            new(ChatRole.User, "add"),
            new(ChatRole.Assistant, [new TextReasoningContent("I should "), new TextReasoningContent("add."), call]),
            new(ChatRole.Tool, [new FunctionResultContent("call_1", 5)]),
        ]).GetProperty("messages");

        AssertJson(
            """
            {"role":"assistant","reasoning_content":"I should add.",
             "tool_calls":[{"id":"call_1","type":"function","function":{"name":"add","arguments":"{\"a\":2,\"b\":\"three\"}"}}]}
            """,
            messages[1]);
        AssertJson("""{"role":"tool","tool_call_id":"call_1","content":"5"}""", messages[2]);
    }

    [Fact]
    public void An_assistant_message_with_nothing_in_it_still_has_content()
    {
        AssertJson("""{"role":"assistant","content":""}""", Body([new(ChatRole.Assistant, [])]).GetProperty("messages")[0]);
    }

    [Fact]
    public void A_call_from_a_response_keeps_its_argument_text_unless_the_arguments_were_changed()
    {
        var raw = new ToolCall
        {
            Id = "call_9",
            Type = ToolCallType.Function,
            Function = new FunctionCall { Name = "add", Arguments = "{\"a\": 2,  \"b\": 3}" },
        };
        FunctionCallContent kept = ResponseFromToolCall(raw);
        FunctionCallContent changed = ResponseFromToolCall(raw);
        changed.Arguments!["b"] = 4;

        string Arguments(FunctionCallContent call) =>
            Body([new(ChatRole.Assistant, [call])]).GetProperty("messages")[0].GetProperty("tool_calls")[0].GetProperty("function").GetProperty("arguments").GetString()!;

        Assert.Equal("{\"a\": 2,  \"b\": 3}", Arguments(kept));
        Assert.Equal("{\"a\":2,\"b\":4}", Arguments(changed));
    }

    private static FunctionCallContent ResponseFromToolCall(ToolCall call)
    {
        var completion = new ChatCompletion
        {
            Id = "r",
            Created = 0,
            Model = "m",
            Choices = [new Choice { Index = 0, Message = new ResponseMessage { Role = Role.Assistant, ToolCalls = [call] } }],
        };
        return Assert.Single(ResponseMapper.ToResponse(completion).Messages[0].Contents.OfType<FunctionCallContent>());
    }

    [Theory]
    [InlineData("text", "text")]
    [InlineData("json-string", "40 C")]
    [InlineData("json-number", "5")]
    [InlineData("json-object", "{\"t\":40}")]
    [InlineData("null", "")]
    [InlineData("long", "6")]
    [InlineData("dictionary", "{\"ok\":true,\"why\":\"ünïcode\"}")]
    [InlineData("text-content", "as content")]
    public void Function_results_become_tool_message_text(string kind, string expected)
    {
        object? result = kind switch
        {
            "text" => "text",
            "json-string" => Schema("\"40 C\""),
            "json-number" => Schema("5"),
            "json-object" => Schema("""{"t":40}"""),
            "null" => null,
            "long" => 6L,
            "dictionary" => new Dictionary<string, object?> { ["ok"] = true, ["why"] = "ünïcode" },
            _ => new TextContent("as content"),
        };

        JsonElement tool = Body([new(ChatRole.Tool, [new FunctionResultContent("c", result)])]).GetProperty("messages")[0];
        Assert.Equal(expected, tool.GetProperty("content").GetString());
    }

    [Fact]
    public void A_message_with_a_wire_raw_representation_is_sent_as_it_is()
    {
        var raw = new UserMessage { Content = "raw text", Name = "raw" };
        JsonElement message = Body([new(ChatRole.User, "ignored") { RawRepresentation = raw }]).GetProperty("messages")[0];
        AssertJson("""{"role":"user","content":"raw text","name":"raw"}""", message);
    }

    private sealed class StrictDeclaration(AIFunctionDeclaration inner) : AIFunctionDeclaration
    {
        public override string Name => inner.Name;

        public override string Description => inner.Description;

        public override JsonElement JsonSchema => inner.JsonSchema;

        public override IReadOnlyDictionary<string, object?> AdditionalProperties { get; } =
            new Dictionary<string, object?> { [XaiPropertyNames.Strict] = true };
    }
}
