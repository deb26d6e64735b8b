using System.IO;
using XaiAot.Chat;
using XaiAot.Recording;

namespace XaiAot.Cli;

/// <summary>How <c>replay</c> shows each interaction.</summary>
internal abstract class ReplayOutput
{
    /// <summary>An interaction starts (its request already parsed, when it could be).</summary>
    public virtual void Begin(CassetteInteraction interaction, int position, int count, ChatCompletionRequest? request)
    {
    }

    /// <summary>A chunk arrived (streaming interactions only).</summary>
    public virtual void Chunk(ChatCompletionChunk chunk)
    {
    }

    /// <summary>The interaction ended well: the whole completion (for a stream, reassembled).</summary>
    public abstract void Completion(ChatCompletion completion, bool streamed);

    /// <summary>The interaction ended with an error.</summary>
    public abstract void Error(CassetteInteraction interaction, ReplayError error);

    /// <summary>The run is being cancelled: leave the output tidy (styles reset, line ended).</summary>
    public virtual void Abort()
    {
    }
}

/// <summary>The chat as a person reads it; errors go to standard error.</summary>
internal sealed class ChatReplayOutput(CliContext context) : ReplayOutput
{
    private readonly ChatView _view = new(context.Out, context.UseColor, context.OutputIsTerminal);

    public override void Begin(CassetteInteraction interaction, int position, int count, ChatCompletionRequest? request)
    {
        if (count > 1)
        {
            _view.Heading("interaction " + Text.Int(interaction.Id) + " (" + Text.Int(position + 1) + " of " + Text.Int(count) + ")"
                + (request is null ? string.Empty : ": " + request.Model));
        }

        if (request is not null)
        {
            _view.Prompt(request);
        }
    }

    public override void Chunk(ChatCompletionChunk chunk) => _view.Chunk(chunk);

    public override void Completion(ChatCompletion completion, bool streamed) => _view.Completion(completion, streamed);

    public override void Error(CassetteInteraction interaction, ReplayError error)
    {
        _view.Abort();
        context.Error.WriteLine("xaiaot: interaction " + Text.Int(interaction.Id) + ": " + Describe(error));
    }

    public override void Abort() => _view.Abort();

    /// <summary>"HTTP 429 (code 429): message" for an HTTP error, "truncated: message" for ours.</summary>
    internal static string Describe(ReplayError error)
    {
        string code = error.Code?.ToString() ?? string.Empty;
        if (error.Status is >= 400 and var status)
        {
            return "HTTP " + Text.Int(status) + (code.Length > 0 ? " (code " + code + ")" : string.Empty) + ": " + error.Message;
        }

        return (code.Length > 0 ? code + ": " : string.Empty) + error.Message;
    }
}

/// <summary><c>--json</c>: one line per interaction, the final completion or an error.</summary>
internal sealed class JsonReplayOutput(TextWriter output) : ReplayOutput
{
    private readonly JsonLines _lines = new(output);

    public override void Completion(ChatCompletion completion, bool streamed) => _lines.Write(completion, XaiChatJsonContext.Default.ChatCompletion);

    public override void Error(CassetteInteraction interaction, ReplayError error) => _lines.WriteError(error);
}

/// <summary><c>--chunks</c>: every chunk (or whole body) as received, re-serialized from the typed model.</summary>
internal sealed class ChunksReplayOutput(TextWriter output) : ReplayOutput
{
    private readonly JsonLines _lines = new(output);

    public override void Chunk(ChatCompletionChunk chunk) => _lines.Write(chunk, XaiChatJsonContext.Default.ChatCompletionChunk);

    public override void Completion(ChatCompletion completion, bool streamed)
    {
        if (!streamed)
        {
            _lines.Write(completion, XaiChatJsonContext.Default.ChatCompletion);
        }
    }

    public override void Error(CassetteInteraction interaction, ReplayError error) => _lines.WriteError(error);
}
