using System;
using System.IO;
using System.Net.Http;
using XaiAot.Chat;
using XaiAot.Recording;

namespace XaiAot.Cli;

/// <summary>
/// The connection a command makes to a server: the key (<c>XAI_API_KEY</c>), where to send
/// (<c>--base-url</c>, else <c>XAI_BASE_URL</c>, else xAI), an optional recorder of the whole
/// session, and the client. Problems with any of them are found before a request is sent.
/// </summary>
internal sealed class ApiConnection : IDisposable
{
    public const string KeyVariable = "XAI_API_KEY";
    public const string BaseUrlVariable = "XAI_BASE_URL";

    private readonly HttpClient _http;
    private readonly CassetteRecordingHandler? _recorder;
    private readonly string? _recordPath;
    private readonly string? _recordArgument;

    private ApiConnection(XaiChatClient client, HttpClient http, CassetteRecordingHandler? recorder, string? recordPath, string? recordArgument)
    {
        Client = client;
        _http = http;
        _recorder = recorder;
        _recordPath = recordPath;
        _recordArgument = recordArgument;
    }

    public XaiChatClient Client { get; }

    /// <summary>
    /// Makes the connection, or writes the one-line reason it cannot and returns null with the exit
    /// code in <paramref name="exitCode"/>. A key is needed for xAI; another server (a local one,
    /// a proxy) named with a base URL may need none.
    /// </summary>
    public static ApiConnection? Open(string? baseUrlOption, string? recordOption, CliContext context, out int exitCode)
    {
        string? baseUrl = baseUrlOption ?? NonEmpty(context.GetEnvironmentVariable(BaseUrlVariable));
        Uri? baseAddress = null;
        if (baseUrl is not null
            && (!Uri.TryCreate(baseUrl.Trim(), UriKind.Absolute, out baseAddress) || (baseAddress.Scheme != Uri.UriSchemeHttp && baseAddress.Scheme != Uri.UriSchemeHttps)))
        {
            string from = baseUrlOption is null ? BaseUrlVariable : "--base-url";
            return Fail(context, from + " must be an http or https URL such as https://api.x.ai/v1, not '" + baseUrl + "'.", ExitCodes.Usage, out exitCode);
        }

        string? key = NonEmpty(context.GetEnvironmentVariable(KeyVariable)?.Trim());
        if (key is null && baseAddress is null)
        {
            return Fail(context, KeyVariable + " is not set; export your xAI API key (or name another server with --base-url, or run 'xaiaot' alone for an offline replay).", ExitCodes.MissingKey, out exitCode);
        }

        string? recordPath = null;
        if (recordOption is not null)
        {
            recordPath = Path.GetFullPath(recordOption);
            string? folder = Path.GetDirectoryName(recordPath);
            if (Directory.Exists(recordPath) || (folder is not null && !Directory.Exists(folder)))
            {
                return Fail(context, "cannot record to '" + recordOption + "': " + (Directory.Exists(recordPath) ? "it is a directory." : "its folder does not exist."), ExitCodes.Usage, out exitCode);
            }
        }

        HttpMessageHandler network = context.ApiHandlerFactory?.Invoke() ?? new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(30) };
        CassetteRecordingHandler? recorder = recordPath is null
            ? null
            : new CassetteRecordingHandler(network, new CassetteRecordingOptions { ApiKey = key, TimeProvider = context.TimeProvider });
        var http = new HttpClient(recorder ?? network, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        var client = new XaiChatClient(http, new XaiClientOptions
        {
            ApiKey = key,
            BaseAddress = baseAddress,
            TimeProvider = context.TimeProvider,
            UserAgent = "xaiaot/1.0",

            // Headers within a minute and no silence longer than two: a reasoning model may think
            // quietly for a while, but a dead connection should not hang a terminal for ever.
            RequestTimeout = TimeSpan.FromSeconds(60),
            StreamIdleTimeout = TimeSpan.FromSeconds(120),
        });
        exitCode = ExitCodes.Success;
        return new ApiConnection(client, http, recorder, recordPath, recordOption);
    }

    /// <summary>Writes the recording, if one was asked for; a failure to write turns success into failure.</summary>
    public int SaveRecording(CliContext context, int exitCode)
    {
        if (_recorder is null || _recordPath is null)
        {
            return exitCode;
        }

        try
        {
            _recorder.Save(_recordPath);
            context.Error.WriteLine("xaiaot: recorded " + Text.Int(_recorder.Cassette.Interactions.Count) + " interaction(s) to " + _recordArgument + " (API key removed).");
            return exitCode;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine("xaiaot: cannot write '" + _recordArgument + "': " + Text.OneLine(ex.Message));
            return exitCode == ExitCodes.Success ? ExitCodes.Failure : exitCode;
        }
    }

    public void Dispose() => _http.Dispose();

    private static ApiConnection? Fail(CliContext context, string message, int code, out int exitCode)
    {
        context.Error.WriteLine("xaiaot: " + message);
        exitCode = code;
        return null;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
