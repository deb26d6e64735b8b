using System;
using System.Threading;
using System.Threading.Tasks;
using XaiAot.Chat;

namespace XaiAot.Cli;

/// <summary>
/// One question and its streamed answer: shown as it arrives (reasoning dimmed, then the answer,
/// then usage), or with <c>--json</c> as one line holding the final completion or the error. A
/// failure is also one line on standard error. Shared by a single <c>chat</c> and each turn of a
/// conversation.
/// </summary>
internal sealed class AnswerTurn
{
    private readonly XaiChatClient _client;
    private readonly CliContext _context;
    private readonly bool _json;

    public AnswerTurn(XaiChatClient client, CliContext context, bool json)
    {
        _client = client;
        _context = context;
        _json = json;
    }

    /// <summary>What came of one question.</summary>
    /// <param name="ExitCode">0, <see cref="ExitCodes.Cancelled"/>, or the failure's code.</param>
    /// <param name="Answer">What arrived (whole, or up to the interruption); null when nothing could be asked.</param>
    public sealed record Outcome(int ExitCode, ChatCompletion? Answer)
    {
        public bool Interrupted => ExitCode == ExitCodes.Cancelled;
    }

    public async Task<Outcome> AskAsync(ChatCompletionRequest request, CancellationToken cancellationToken)
    {
        ChatView? view = _json ? null : new ChatView(_context.Out, _context.UseColor, _context.OutputIsTerminal);
        ChatCompletionStream stream = _client.CompleteStreamingAsync(request, cancellationToken);
        try
        {
            await foreach (ChatCompletionChunk chunk in stream.ConfigureAwait(false))
            {
                view?.Chunk(chunk);
            }

            ChatCompletion completion = stream.BuildCompletion();
            if (view is null)
            {
                using var lines = new JsonLines(_context.Out);
                lines.Write(completion, XaiChatJsonContext.Default.ChatCompletion);
            }
            else
            {
                view.Completion(completion, streamed: true);
            }

            return new Outcome(ExitCodes.Success, completion);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            view?.Abort();
            return new Outcome(ExitCodes.Cancelled, stream.ChunkCount == 0 ? null : stream.BuildCompletion());
        }
        catch (Exception ex) when (ClientError.From(ex, _client.Endpoint) is { } error)
        {
            view?.Abort();
            if (view is null)
            {
                using var lines = new JsonLines(_context.Out);
                lines.WriteError(error.Report);
            }

            _context.Error.WriteLine("xaiaot: " + error.Line);
            return new Outcome(error.ExitCode, null);
        }
    }
}
