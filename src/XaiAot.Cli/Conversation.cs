using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using XaiAot.Chat;

namespace XaiAot.Cli;

/// <summary>
/// <c>xaiaot chat</c> on a terminal without a prompt: read a line, stream the answer, keep both in
/// the history sent with the next turn. <c>/reset</c> clears the history, <c>/exit</c> or Ctrl+D
/// leaves. Ctrl+C while an answer streams stops it (the connection is released at once), keeps
/// what arrived in the history marked as interrupted, and returns to the prompt; Ctrl+C at the
/// prompt ends the program.
/// </summary>
internal sealed class Conversation
{
    private const string Dim = "\u001b[2m";
    private const string Bold = "\u001b[1m";
    private const string Reset = "\u001b[0m";

    /// <summary>Appended to an interrupted answer in the history, so the model knows it was cut.</summary>
    internal const string InterruptedMark = "[interrupted by the user]";

    private readonly XaiChatClient _client;
    private readonly ChatCompletionRequest _request;
    private readonly List<ChatMessage> _history;
    private readonly int _preamble;
    private readonly CliContext _context;
    private readonly AnswerTurn _turn;

    public Conversation(XaiChatClient client, ChatCompletionRequest request, List<ChatMessage> history, CliContext context, bool json)
    {
        _client = client;
        _request = request;
        _history = history;
        _preamble = history.Count;
        _context = context;
        _turn = new AnswerTurn(client, context, json);
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var exit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Interrupts interrupts = _context.Interrupts ?? new Interrupts(exit);
        Note(_request.Model + " at " + _client.Endpoint.GetLeftPart(UriPartial.Authority) + ". /reset clears the history, /exit or Ctrl+D leaves, Ctrl+C stops an answer.");
        while (true)
        {
            Write(_context.UseColor ? Bold + "> " + Reset : "> ");
            string? line = await ReadLineAsync(interrupts.Exit).ConfigureAwait(false);
            if (line is null)
            {
                // Ctrl+D (end of input), or Ctrl+C at the prompt.
                Write("\n");
                return interrupts.Exit.IsCancellationRequested ? ExitCodes.Cancelled : ExitCodes.Success;
            }

            string command = line.Trim();
            if (command.Length == 0)
            {
                continue;
            }

            if (command is "/exit" or "/quit")
            {
                return ExitCodes.Success;
            }

            if (command == "/reset")
            {
                _history.RemoveRange(_preamble, _history.Count - _preamble);
                Note("history cleared.");
                continue;
            }

            if (command[0] == '/' && !command.Contains(' ', StringComparison.Ordinal))
            {
                _context.Error.WriteLine("xaiaot: unknown command '" + command + "'; /reset clears the history, /exit leaves.");
                continue;
            }

            await AnswerAsync(line, interrupts).ConfigureAwait(false);
            if (interrupts.Exit.IsCancellationRequested)
            {
                return ExitCodes.Cancelled;
            }
        }
    }

    private async Task AnswerAsync(string question, Interrupts interrupts)
    {
        _history.Add(new UserMessage { Content = question });
        CancellationTokenSource answer = interrupts.BeginAnswer();
        AnswerTurn.Outcome outcome;
        try
        {
            outcome = await _turn.AskAsync(_request with { Messages = _history.ToArray() }, answer.Token).ConfigureAwait(false);
        }
        finally
        {
            interrupts.EndAnswer(answer);
        }

        if (outcome.Interrupted)
        {
            // What arrived stays in the history, marked, so the next turn can refer to it.
            string partial = outcome.Answer?.Choices is [{ Message.Content: { Length: > 0 } text }, ..] ? text + "\n" : string.Empty;
            _history.Add(new AssistantMessage { Content = partial + InterruptedMark });
            Note("answer interrupted.");
        }
        else if (outcome.Answer is { } completion)
        {
            string content = completion.Choices is [{ Message.Content: { } text }, ..] ? text : string.Empty;
            _history.Add(new AssistantMessage { Content = content });
        }
        else
        {
            // Failed before an answer (the error line was written): the question is not kept, so
            // it can be asked again without being sent twice.
            _history.RemoveAt(_history.Count - 1);
        }
    }

    /// <summary>
    /// A line from standard input without blocking the conversation: a console read cannot be
    /// cancelled, so it runs on the thread pool and Ctrl+C at the prompt abandons it.
    /// </summary>
    private async Task<string?> ReadLineAsync(CancellationToken exit)
    {
        Task<string?> read = Task.Run(_context.In.ReadLine, CancellationToken.None);
        var cancelled = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (exit.Register(() => cancelled.TrySetResult(null)))
        {
            return await (await Task.WhenAny(read, cancelled.Task).ConfigureAwait(false)).ConfigureAwait(false);
        }
    }

    private void Note(string text)
    {
        if (_context.OutputIsTerminal)
        {
            Write(_context.UseColor ? Dim + text + Reset + "\n" : text + "\n");
        }
    }

    private void Write(string text)
    {
        // Prompts and notes are for a person at a terminal: a pipe gets only the answers.
        if (_context.OutputIsTerminal)
        {
            _context.Out.Write(text);
            _context.Out.Flush();
        }
    }
}
