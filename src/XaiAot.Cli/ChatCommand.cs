using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using XaiAot.Chat;

namespace XaiAot.Cli;

/// <summary>
/// <c>xaiaot chat [PROMPT|-]</c>: one streamed answer, or a conversation. Where the prompt comes
/// from: the argument (with piped standard input attached after it as context), standard input
/// for <c>-</c> or when it is piped, else, on a terminal, a conversation.
/// </summary>
internal static class ChatCommand
{
    public const string DefaultModel = "grok-code-fast-1";

    public sealed record Arguments(string? Prompt, string Model, string? System, string? ReasoningEffort, string? RecordPath, string? BaseUrl, bool Json);

    public static async Task<int> RunAsync(Arguments arguments, CliContext context, CancellationToken cancellationToken)
    {
        // What to ask is settled before any connection, so a usage error never costs a request.
        string? prompt = arguments.Prompt;
        bool conversation = false;
        if (prompt == "-" || (prompt is null && !context.InputIsTerminal))
        {
            prompt = (await context.In.ReadToEndAsync(cancellationToken).ConfigureAwait(false)).Trim();
            if (prompt.Length == 0)
            {
                context.Error.WriteLine("xaiaot: no prompt: standard input was empty (give the prompt as an argument, pipe it in, or run 'xaiaot chat' on a terminal for a conversation).");
                return ExitCodes.Usage;
            }
        }
        else if (prompt is not null && !context.InputIsTerminal)
        {
            // `git diff | xaiaot chat "review this"`: the piped text is the context the prompt is about.
            string piped = (await context.In.ReadToEndAsync(cancellationToken).ConfigureAwait(false)).TrimEnd();
            if (piped.Length > 0)
            {
                prompt = prompt + "\n\n" + piped;
            }
        }
        else if (prompt is null)
        {
            conversation = true;
        }

        using ApiConnection? connection = ApiConnection.Open(arguments.BaseUrl, arguments.RecordPath, context, out int exitCode);
        if (connection is null)
        {
            return exitCode;
        }

        var request = new ChatCompletionRequest
        {
            Model = arguments.Model,
            Messages = Array.Empty<ChatMessage>(),
            ReasoningEffort = arguments.ReasoningEffort is { Length: > 0 } effort ? new ReasoningEffort(effort) : (ReasoningEffort?)null,
        };
        var history = new List<ChatMessage>();
        if (!string.IsNullOrEmpty(arguments.System))
        {
            history.Add(new SystemMessage { Content = arguments.System });
        }

        if (conversation)
        {
            exitCode = await new Conversation(connection.Client, request, history, context, arguments.Json).RunAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            history.Add(new UserMessage { Content = prompt! });
            var turn = new AnswerTurn(connection.Client, context, arguments.Json);
            exitCode = (await turn.AskAsync(request with { Messages = history }, cancellationToken).ConfigureAwait(false)).ExitCode;
        }

        return connection.SaveRecording(context, exitCode);
    }
}
