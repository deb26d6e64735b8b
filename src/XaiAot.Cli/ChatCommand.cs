using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using XaiAot.Recording;

namespace XaiAot.Cli;

/// <summary><c>xaiaot chat PROMPT</c>: one streamed answer from the real API.</summary>
internal static class ChatCommand
{
    public const string DefaultModel = "grok-code-fast-1";
    public const string KeyVariable = "XAI_API_KEY";

    public sealed record Arguments(string Prompt, string Model, string? System, string? ReasoningEffort, string? RecordPath);

    public static async Task<int> RunAsync(Arguments arguments, CliContext context, CancellationToken cancellationToken)
    {
        string? key = context.GetEnvironmentVariable(KeyVariable);
        if (string.IsNullOrWhiteSpace(key))
        {
            context.Error.WriteLine("xaiaot: " + KeyVariable + " is not set; export your xAI API key to chat (or run 'xaiaot' alone for an offline replay).");
            return ExitCodes.Usage;
        }

        key = key.Trim();
        string? recordPath = null;
        if (arguments.RecordPath is { } record)
        {
            recordPath = Path.GetFullPath(record);
            string? folder = Path.GetDirectoryName(recordPath);
            if (Directory.Exists(recordPath) || (folder is not null && !Directory.Exists(folder)))
            {
                context.Error.WriteLine("xaiaot: cannot record to '" + record + "': " + (Directory.Exists(recordPath) ? "it is a directory." : "its folder does not exist."));
                return ExitCodes.Usage;
            }
        }

        var messages = new List<ChatMessage>(2);
        if (!string.IsNullOrEmpty(arguments.System))
        {
            messages.Add(new SystemMessage { Content = arguments.System });
        }

        messages.Add(new UserMessage { Content = arguments.Prompt });
        var request = new ChatCompletionRequest
        {
            Model = arguments.Model,
            Messages = messages,
            ReasoningEffort = arguments.ReasoningEffort is { Length: > 0 } effort ? new ReasoningEffort(effort) : (ReasoningEffort?)null,
        };

        HttpMessageHandler network = context.ApiHandlerFactory?.Invoke() ?? new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(30) };
        CassetteRecordingHandler? recorder = recordPath is null
            ? null
            : new CassetteRecordingHandler(network, new CassetteRecordingOptions { ApiKey = key, TimeProvider = context.TimeProvider });
        using var http = new HttpClient(recorder ?? network, disposeHandler: true);
        var client = new XaiChatClient(http, new XaiClientOptions
        {
            ApiKey = key,
            TimeProvider = context.TimeProvider,
            UserAgent = "xaiaot/1.0",
        });

        var view = new ChatView(context.Out, context.UseColor, context.OutputIsTerminal);
        int exitCode;
        try
        {
            var accumulator = new ChatCompletionAccumulator();
            await foreach (ChatCompletionChunk chunk in client.StreamAsync(request, accumulator, cancellationToken).ConfigureAwait(false))
            {
                view.Chunk(chunk);
            }

            view.Completion(accumulator.Build(), streamed: true);
            exitCode = ExitCodes.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            view.Abort();
            exitCode = ExitCodes.Cancelled;
        }
        catch (XaiException ex)
        {
            view.Abort();
            context.Error.WriteLine("xaiaot: " + Text.OneLine(ex.Message));
            exitCode = ExitCodes.Failure;
        }
        catch (HttpRequestException ex)
        {
            view.Abort();
            context.Error.WriteLine("xaiaot: cannot reach " + client.Endpoint + ": " + Text.OneLine(ex.Message));
            exitCode = ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is TimeoutException or TaskCanceledException)
        {
            view.Abort();
            context.Error.WriteLine("xaiaot: no answer from " + client.Endpoint + " in time: " + Text.OneLine(ex.Message));
            exitCode = ExitCodes.Failure;
        }

        if (recorder is not null && recordPath is not null)
        {
            try
            {
                recorder.Save(recordPath);
                context.Error.WriteLine("xaiaot: recorded " + Text.Int(recorder.Cassette.Interactions.Count) + " interaction(s) to " + arguments.RecordPath + " (API key removed).");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine("xaiaot: cannot write '" + arguments.RecordPath + "': " + Text.OneLine(ex.Message));
                exitCode = exitCode == ExitCodes.Success ? ExitCodes.Failure : exitCode;
            }
        }

        return exitCode;
    }
}
