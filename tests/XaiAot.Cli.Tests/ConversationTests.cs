using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using XaiAot.Tests.Support;

namespace XaiAot.Cli.Tests;

/// <summary>
/// <c>xaiaot chat</c> on a terminal without a prompt: a conversation against a real loopback
/// Kestrel server, typed line by line, with Ctrl+C pressed mid-answer and at the prompt.
/// </summary>
public sealed class ConversationTests
{
    private const string Key = "xai-test-key-0123456789abcdef";

    private static CliHarness Harness(LoopbackServer server, TypedInput input, Interrupts? interrupts = null)
    {
        var cli = new CliHarness { Input = input, InputTerminal = true, Terminal = true, Interrupts = interrupts };
        cli.Environment["XAI_API_KEY"] = Key;
        cli.Environment["XAI_BASE_URL"] = server.BaseAddress.ToString();
        return cli;
    }

    [Fact]
    public async Task Each_turn_sends_the_history_and_reset_clears_it()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, n) =>
            FakeServer.Write(context, "text/event-stream", FakeServer.Stream("answer ", (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        using var input = new TypedInput();
        CliHarness cli = Harness(server, input);
        input.Type("first question");
        input.Type("second question");
        input.Type("/reset");
        input.Type("third question");
        input.Type("/exit");

        CliResult result = await cli.RunAsync(["chat", "--system", "Be brief"], CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Err);
        var requests = server.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.Equal([("system", "Be brief"), ("user", "first question")], FakeServer.Messages(requests[0].Body));
        Assert.Equal(
            [("system", "Be brief"), ("user", "first question"), ("assistant", "answer 1"), ("user", "second question")],
            FakeServer.Messages(requests[1].Body));
        Assert.Equal([("system", "Be brief"), ("user", "third question")], FakeServer.Messages(requests[2].Body));
        Assert.Contains("answer 1", result.Out, StringComparison.Ordinal);
        Assert.Contains("answer 3", result.Out, StringComparison.Ordinal);
        Assert.Contains("history cleared", result.Out, StringComparison.Ordinal);
        Assert.Contains("usage: 3 prompt, 2 completion", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_c_mid_answer_releases_the_connection_keeps_the_partial_answer_and_returns_to_the_prompt()
    {
        var release = new TaskCompletionSource();
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, n) =>
        {
            if (n > 0)
            {
                await FakeServer.Write(context, "text/event-stream", FakeServer.Stream("fine"));
                return;
            }

            // The first answer starts, then the server keeps the stream open (as a long answer would).
            context.Response.ContentType = "text/event-stream";
            string first = FakeServer.Stream("The sky is blue because")[..FakeServer.Stream("The sky is blue because").IndexOf("\n\n", StringComparison.Ordinal)] + "\n\n";
            await context.Response.WriteAsync(first);
            await context.Response.Body.FlushAsync();
            await Task.WhenAny(release.Task, Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));
        });
        using var exit = new CancellationTokenSource();
        var interrupts = new Interrupts(exit);
        using var input = new TypedInput();
        CliHarness cli = Harness(server, input, interrupts);
        input.Type("why is the sky blue");

        Task<int> run = cli.Start(["chat"], exit.Token);
        await Eventually.True(() => cli.Out.ToString().Contains("The sky is blue because", StringComparison.Ordinal), "the first words of the answer are shown");
        Assert.True(interrupts.Press());

        // The server sees the client go away at once, not after the stream would have ended.
        Task aborted = server.ClientAborted.Task;
        Assert.Same(aborted, await Task.WhenAny(aborted, Task.Delay(TimeSpan.FromSeconds(5))));
        await Eventually.True(() => cli.Out.ToString().Contains("answer interrupted", StringComparison.Ordinal), "the interruption is shown");

        input.Type("are you sure?");
        await Eventually.True(() => server.Requests.Count == 2, "the next question is sent");
        input.End();
        Assert.Equal(0, await run);
        release.TrySetResult();

        var second = FakeServer.Messages(server.Requests.ToArray()[1].Body);
        Assert.Equal(("user", "why is the sky blue"), second[0]);
        Assert.Equal("assistant", second[1].Role);
        Assert.Equal("The sky is blue because\n" + Conversation.InterruptedMark, second[1].Content);
        Assert.Equal(("user", "are you sure?"), second[2]);
        Assert.Contains("fine", cli.Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_c_at_the_prompt_exits_130_and_ctrl_d_exits_0()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => FakeServer.Write(context, "text/event-stream", FakeServer.Stream("x")));
        using var exit = new CancellationTokenSource();
        var interrupts = new Interrupts(exit);
        using var input = new TypedInput();
        Task<int> run = Harness(server, input, interrupts).Start(["chat"], exit.Token);
        await Task.Delay(100);
        Assert.False(interrupts.Press());
        Assert.Equal(ExitCodes.Cancelled, await run);
        Assert.Empty(server.Requests);

        using var input2 = new TypedInput();
        input2.End();
        CliResult ended = await Harness(server, input2).RunAsync(["chat"], CancellationToken.None);
        Assert.Equal(0, ended.ExitCode);
    }

    [Fact]
    public async Task A_failed_turn_is_one_line_and_the_conversation_goes_on_without_it()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, n) => n == 0
            ? FakeServer.Write(context, "application/json", "{\"error\":{\"message\":\"The model is overloaded.\",\"type\":\"server_error\"}}", 400)
            : FakeServer.Write(context, "text/event-stream", FakeServer.Stream("ok")));
        using var input = new TypedInput();
        input.Type("one");
        input.Type("two");
        input.Type("/nonsense");
        input.End();

        CliResult result = await Harness(server, input).RunAsync(["chat"], CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.ErrLines.Length);
        Assert.Contains("HTTP 400", result.ErrLines[0], StringComparison.Ordinal);
        Assert.Contains("The model is overloaded.", result.ErrLines[0], StringComparison.Ordinal);
        Assert.Contains("unknown command '/nonsense'", result.ErrLines[1], StringComparison.Ordinal);
        Assert.Equal([("user", "two")], FakeServer.Messages(server.Requests.ToArray()[1].Body));
    }

    [Fact]
    public async Task Record_keeps_every_turn_of_the_conversation_without_the_key()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, n) =>
            FakeServer.Write(context, "text/event-stream", FakeServer.Stream("turn ", (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "xaiaot-conversation-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        try
        {
            string cassette = System.IO.Path.Combine(folder, "talk.yaml");
            using var input = new TypedInput();
            input.Type("one");
            input.Type("two");
            input.End();

            CliResult result = await Harness(server, input).RunAsync(["chat", "--record", cassette], CancellationToken.None);

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("recorded 2 interaction(s)", result.Err, StringComparison.Ordinal);
            string yaml = System.IO.File.ReadAllText(cassette);
            Assert.DoesNotContain(Key, yaml, StringComparison.Ordinal);
            var recorded = XaiAot.Recording.Cassette.Load(cassette);
            Assert.Equal(2, recorded.Interactions.Count);
            Assert.Equal([("user", "one"), ("assistant", "turn 1"), ("user", "two")], FakeServer.Messages(recorded.Interactions[1].Request.Body));
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }
}
