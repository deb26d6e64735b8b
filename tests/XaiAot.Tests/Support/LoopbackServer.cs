using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using XaiAot.Chat;

namespace XaiAot.Tests.Support;

/// <summary>What the server saw of one request.</summary>
internal sealed record ReceivedRequest(string Method, string Path, string? Authorization, string? Accept, string? UserAgent, string Body, DateTimeOffset At);

/// <summary>
/// A real Kestrel server on 127.0.0.1 with a port the OS picks, so the client's whole HTTP path
/// (sockets, chunked transfer, connection reuse, aborts) runs as it does against the real API.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri root)
    {
        _app = app;
        BaseAddress = new Uri(root, "/v1/");
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>Set when the server noticed the client went away mid-response.</summary>
    public TaskCompletionSource ClientAborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, int, Task> respond)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        LoopbackServer? server = null;
        int count = 0;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            string body = await reader.ReadToEndAsync();
            server!.Requests.Enqueue(new ReceivedRequest(
                context.Request.Method,
                context.Request.Path,
                context.Request.Headers.Authorization.FirstOrDefault(),
                context.Request.Headers.Accept.FirstOrDefault(),
                context.Request.Headers.UserAgent.FirstOrDefault(),
                body,
                DateTimeOffset.UtcNow));
            context.RequestAborted.Register(() => server.ClientAborted.TrySetResult());
            await respond(context, System.Threading.Interlocked.Increment(ref count) - 1);
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new LoopbackServer(app, new Uri(address));
        return server;
    }

    public XaiChatClient Client(XaiClientOptions? options = null, HttpClient? http = null)
    {
        options ??= new XaiClientOptions();
        options.BaseAddress = BaseAddress;
        return new XaiChatClient(http ?? new HttpClient(), options);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
