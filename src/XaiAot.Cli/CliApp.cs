using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using XaiAot.Recording;

namespace XaiAot.Cli;

/// <summary>
/// The whole CLI behind one call, so tests run it in-process: parse the arguments, run the
/// command against the given context, return the exit code (<see cref="ExitCodes"/>).
/// <c>Program.Main</c> only wires up the console.
/// </summary>
internal static class CliApp
{
    /// <summary>The embedded seed cassette's resource name.</summary>
    internal const string SeedResource = "simple_streaming.yaml";

    /// <summary>Runs the CLI with the given streams and environment (no terminal, system clock).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?> getEnvironmentVariable, CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliContext(stdout, stderr) { GetEnvironmentVariable = getEnvironmentVariable }, cancellationToken);

    /// <summary>Runs the CLI against <paramref name="context"/>.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);

        Command root = BuildCommands(context);
        ParseResult parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            // One clear line, not the parser's error list followed by the whole help text.
            context.Error.WriteLine("xaiaot: " + Text.OneLine(parse.Errors[0].Message) + " See '" + CommandPath(parse.CommandResult) + " --help'.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration
                {
                    Output = context.Out,
                    Error = context.Error,

                    // Ctrl+C is Program.Main's business (it cancels the token passed in here).
                    ProcessTerminationTimeout = null,
                    EnableDefaultExceptionHandler = false,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Cancelled;
        }
        finally
        {
            context.Out.Flush();
        }
    }

    private static Command BuildCommands(CliContext context)
    {
        var noDelay = new Option<bool>("--no-delay")
        {
            Description = "Replay at full speed instead of pacing events over the recorded duration.",
        };
        // A plain Command named "xaiaot" rather than RootCommand, whose name is the host process's
        // (testhost in tests, the apphost's file name otherwise); help and version added by hand.
        var root = new Command(
            "xaiaot",
            "A NativeAOT client for xAI's chat completions API. With no command, replays a recorded "
            + "streaming chat (embedded, no key or network needed): reasoning, answer, token usage.")
        {
            new HelpOption(),
            new VersionOption(),
            noDelay,
        };
        root.SetAction((parse, token) => ReplaySeedAsync(parse.GetValue(noDelay), context, token));
        root.Add(BuildChat(context));
        root.Add(BuildModels(context));
        root.Add(BuildReplay(context));
        return root;
    }

    private static Command BuildChat(CliContext context)
    {
        var prompt = new Argument<string?>("PROMPT")
        {
            Description = "What to ask; '-' reads it from standard input. Without it: piped standard input, or on a terminal a conversation. Piped input after a PROMPT is attached as context.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var model = new Option<string>("--model", "-m")
        {
            Description = "The model.",
            HelpName = "MODEL",
            DefaultValueFactory = _ => ChatCommand.DefaultModel,
        };
        var system = new Option<string>("--system", "-s") { Description = "A system message sent before the prompt.", HelpName = "TEXT" };
        var effort = new Option<string>("--reasoning-effort")
        {
            Description = "How hard a reasoning model thinks (low, high; grok-3-mini).",
            HelpName = "EFFORT",
        };
        var record = new Option<string>("--record")
        {
            Description = "Also write the exchange (a whole conversation) to a go-vcr cassette (API key removed).",
            HelpName = "FILE",
        };
        Option<string> baseUrl = BaseUrlOption();
        var json = new Option<bool>("--json")
        {
            Description = "Print the final completion (or the error) as one JSON line instead of streaming text.",
        };
        var chat = new Command("chat", "Ask an OpenAI-compatible server (xAI unless --base-url) and stream the answer (needs " + ApiConnection.KeyVariable + " for xAI).")
        {
            prompt,
            model,
            system,
            effort,
            record,
            baseUrl,
            json,
        };
        chat.SetAction((parse, token) => ChatCommand.RunAsync(
            new ChatCommand.Arguments(
                parse.GetValue(prompt),
                parse.GetValue(model) ?? ChatCommand.DefaultModel,
                parse.GetValue(system),
                parse.GetValue(effort),
                parse.GetValue(record),
                parse.GetValue(baseUrl),
                parse.GetValue(json)),
            context,
            token));
        return chat;
    }

    private static Command BuildModels(CliContext context)
    {
        Option<string> baseUrl = BaseUrlOption();
        var json = new Option<bool>("--json") { Description = "Print the list as one JSON line." };
        var models = new Command("models", "List the models the key can use (GET /v1/models).")
        {
            baseUrl,
            json,
        };
        models.SetAction((parse, token) => ModelsCommand.RunAsync(parse.GetValue(baseUrl), parse.GetValue(json), context, token));
        return models;
    }

    private static Option<string> BaseUrlOption() => new("--base-url")
    {
        Description = "Any OpenAI-compatible server's base URL, e.g. http://localhost:8080/v1 (default: " + ApiConnection.BaseUrlVariable + ", else https://api.x.ai/v1).",
        HelpName = "URL",
    };

    private static Command BuildReplay(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "A go-vcr (version 2) cassette." };
        var json = new Option<bool>("--json")
        {
            Description = "One JSON line per interaction: the final completion (a stream reassembled) or {\"error\":...}.",
        };
        var chunks = new Option<bool>("--chunks")
        {
            Description = "One JSON line per chunk (or whole body) as received, re-serialized from the typed model.",
        };
        var noDelay = new Option<bool>("--no-delay")
        {
            Description = "Show the chat at full speed (--json and --chunks never wait).",
        };
        var replay = new Command("replay", "Replay every interaction of a cassette through the client, offline.")
        {
            file,
            json,
            chunks,
            noDelay,
        };
        replay.Validators.Add(result =>
        {
            if (result.GetValue(json) && result.GetValue(chunks))
            {
                result.AddError("--json and --chunks cannot be used together.");
            }
        });
        replay.SetAction((parse, token) => ReplayFileAsync(
            parse.GetValue(file)!,
            parse.GetValue(json) ? ReplayView.Json : parse.GetValue(chunks) ? ReplayView.Chunks : ReplayView.Chat,
            !parse.GetValue(noDelay),
            context,
            token));
        return replay;
    }

    private static Task<int> ReplaySeedAsync(bool noDelay, CliContext context, CancellationToken cancellationToken)
    {
        Cassette cassette;
        using (Stream? stream = typeof(CliApp).Assembly.GetManifestResourceStream(SeedResource))
        {
            if (stream is null)
            {
                context.Error.WriteLine("xaiaot: the embedded cassette " + SeedResource + " is missing from this build.");
                return Task.FromResult(ExitCodes.Failure);
            }

            using var reader = new StreamReader(stream);
            cassette = Cassette.Parse(reader.ReadToEnd(), SeedResource + " (embedded)");
        }

        return Replayer.RunAsync(cassette, new ChatReplayOutput(context), pacing: !noDelay, context, cancellationToken);
    }

    private static Task<int> ReplayFileAsync(string path, ReplayView view, bool pacing, CliContext context, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            return Fail(context, "'" + path + "' is a directory, not a cassette file.");
        }

        if (!File.Exists(path))
        {
            return Fail(context, "no such file: " + path);
        }

        Cassette cassette;
        try
        {
            cassette = Cassette.Load(path);
        }
        catch (CassetteFormatException ex)
        {
            return Fail(context, Text.OneLine(ex.Message));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(context, "cannot read " + path + ": " + Text.OneLine(ex.Message));
        }

        if (cassette.Interactions.Count == 0)
        {
            return Fail(context, path + ": the cassette holds no interactions.");
        }

        // Parsing a large cassette leaves about twice its text in garbage (YAML's scalar builders);
        // collected now, that memory serves the replay instead of adding to it. Measured on one
        // 64 MB event, peak RSS of `replay --json` went from 549 to 496 MB.
        if (new FileInfo(path).Length > LargeCassetteBytes)
        {
            GC.Collect();
        }

        ReplayOutput output = view switch
        {
            ReplayView.Json => new JsonReplayOutput(context.Out),
            ReplayView.Chunks => new ChunksReplayOutput(context.Out),
            _ => new ChatReplayOutput(context),
        };
        return Replayer.RunAsync(cassette, output, pacing: pacing && view == ReplayView.Chat, context, cancellationToken);
    }

    private const long LargeCassetteBytes = 16 * 1024 * 1024;

    private static Task<int> Fail(CliContext context, string message)
    {
        context.Error.WriteLine("xaiaot: " + message);
        return Task.FromResult(ExitCodes.Failure);
    }

    private static string CommandPath(CommandResult? result)
    {
        string path = string.Empty;
        for (SymbolResult? at = result; at is not null; at = at.Parent)
        {
            if (at is CommandResult command)
            {
                path = path.Length == 0 ? command.Command.Name : command.Command.Name + " " + path;
            }
        }

        return path.Length == 0 ? "xaiaot" : path;
    }

    private enum ReplayView
    {
        Chat,
        Json,
        Chunks,
    }
}
