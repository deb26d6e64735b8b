using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using XaiAot.Chat;

namespace XaiAot.Cli;

/// <summary>
/// Shows a chat as a person expects it: the prompt, the reasoning as it streams (dimmed on a
/// terminal), a blank line, the answer as it streams, any tool calls, then one usage line.
/// Only choice 0 is shown (a chat asks for one answer).
/// </summary>
internal sealed class ChatView
{
    private const string Dim = "\u001b[2m";
    private const string Bold = "\u001b[1m";
    private const string Reset = "\u001b[0m";

    private readonly TextWriter _out;
    private readonly bool _color;
    private readonly bool _terminal;
    private Section _section;
    private int _blocks;
    private bool _atLineStart = true;

    public ChatView(TextWriter output, bool color, bool terminal)
    {
        _out = output;
        _color = color;
        _terminal = terminal;
    }

    private enum Section
    {
        None,
        Reasoning,
        Answer,
    }

    /// <summary>A heading line, e.g. which interaction of a cassette follows.</summary>
    public void Heading(string text)
    {
        StartBlock();
        WriteLine(text, _color ? Bold : null);
        _out.Flush();
    }

    /// <summary>The last message of the request: what the answer responds to.</summary>
    public void Prompt(ChatCompletionRequest request)
    {
        if (request.Messages.Count == 0)
        {
            return;
        }

        string? text = request.Messages[^1] switch
        {
            UserMessage { Content: { IsString: true } content } => content.AsString,
            UserMessage => "(content parts)",
            ToolMessage tool => "tool result: " + Shorten(tool.Content.IsString ? tool.Content.AsString : "(content parts)", 200),
            _ => null,
        };
        if (text is null)
        {
            return;
        }

        StartBlock();
        WriteLine("> " + text.Replace("\n", "\n> ", StringComparison.Ordinal), _color ? Bold : null);
        _out.Flush();
    }

    /// <summary>Writes the text a chunk adds (choice 0) and flushes, so it shows at once.</summary>
    public void Chunk(ChatCompletionChunk chunk)
    {
        IReadOnlyList<ChunkChoice> choices = chunk.Choices;
        for (int i = 0; i < choices.Count; i++)
        {
            if (choices[i].Index == 0)
            {
                ChunkDelta delta = choices[i].Delta;
                Text(delta.ReasoningContent, delta.Content ?? delta.Refusal);
            }
        }

        _out.Flush();
    }

    /// <summary>
    /// Ends the message: for a whole (non-streamed) completion writes its text first; then the
    /// tool calls and the usage line.
    /// </summary>
    public void Completion(ChatCompletion completion, bool streamed)
    {
        ResponseMessage? message = null;
        foreach (Choice choice in completion.Choices)
        {
            if (choice.Index == 0)
            {
                message = choice.Message;
            }
        }

        if (!streamed && message is not null)
        {
            Text(message.ReasoningContent, message.Content ?? message.Refusal);
        }

        EndSection();
        if (message?.ToolCalls is { Count: > 0 } calls)
        {
            StartBlock();
            foreach (ToolCall call in calls)
            {
                WriteLine("tool call: " + call.Function.Name + "(" + call.Function.Arguments + ")", null);
            }
        }

        StartBlock();
        WriteLine(UsageLine(completion.Usage), _color ? Dim : null);
        _out.Flush();
    }

    /// <summary>Closes an open section (resets the style, ends the line) without a usage line: the stream failed.</summary>
    public void Abort()
    {
        EndSection();
        _out.Flush();
    }

    /// <summary>The usage line: prompt, completion, reasoning and cached tokens as the server counted them.</summary>
    public static string UsageLine(Usage? usage)
    {
        if (usage is null)
        {
            return "usage: not reported";
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"usage: {usage.PromptTokens} prompt, {usage.CompletionTokens} completion, {usage.CompletionTokensDetails?.ReasoningTokens ?? 0} reasoning, {usage.PromptTokensDetails?.CachedTokens ?? 0} cached tokens");
    }

    private void Text(string? reasoning, string? answer)
    {
        if (!string.IsNullOrEmpty(reasoning))
        {
            Enter(Section.Reasoning);
            Write(reasoning);
        }

        if (!string.IsNullOrEmpty(answer))
        {
            Enter(Section.Answer);
            Write(answer);
        }
    }

    private void Enter(Section section)
    {
        if (_section == section)
        {
            return;
        }

        EndSection();
        StartBlock();
        _section = section;
        if (section == Section.Reasoning && _color)
        {
            _out.Write(Dim);
        }
    }

    private void EndSection()
    {
        if (_section == Section.Reasoning && _color)
        {
            _out.Write(Reset);
        }

        if (!_atLineStart)
        {
            _out.Write('\n');
            _atLineStart = true;
        }

        _section = Section.None;
    }

    /// <summary>Blocks (heading, prompt, reasoning, answer, tool calls, usage) are separated by a blank line.</summary>
    private void StartBlock()
    {
        if (!_atLineStart)
        {
            _out.Write('\n');
            _atLineStart = true;
        }

        if (_blocks++ > 0)
        {
            _out.Write('\n');
        }
    }

    private void WriteLine(string text, string? style)
    {
        if (style is not null)
        {
            _out.Write(style);
        }

        Write(text);
        if (style is not null)
        {
            _out.Write(Reset);
        }

        _out.Write('\n');
        _atLineStart = true;
    }

    private void Write(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        _out.Write(_terminal ? Sanitize(text) : text);
        _atLineStart = text[^1] == '\n';
    }

    /// <summary>
    /// Model output never drives the terminal: control characters other than newline and tab
    /// (escape sequences, carriage returns, C1 controls) become U+FFFD.
    /// </summary>
    private static string Sanitize(string text)
    {
        int i = 0;
        while (i < text.Length && !IsUnsafe(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var builder = new StringBuilder(text);
        for (; i < builder.Length; i++)
        {
            if (IsUnsafe(builder[i]))
            {
                builder[i] = '\uFFFD';
            }
        }

        return builder.ToString();
    }

    private static bool IsUnsafe(char c) => (c < ' ' && c != '\n' && c != '\t') || (c >= '\u007F' && c <= '\u009F');

    private static string Shorten(string text, int width) => text.Length <= width ? text : string.Concat(text.AsSpan(0, width), "…");
}
