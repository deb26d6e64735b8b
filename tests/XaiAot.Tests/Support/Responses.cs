using System;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using XaiAot.Recording;

namespace XaiAot.Tests.Support;

/// <summary>Ways the loopback server answers: recorded responses, slowly, cut off.</summary>
internal static class Responses
{
    public static async Task Recorded(HttpContext context, RecordedResponse response)
    {
        context.Response.StatusCode = response.Code;
        context.Response.ContentType = response.Headers["Content-Type"] ?? "application/json";
        await context.Response.WriteAsync(response.Body);
    }

    /// <summary>
    /// Writes the body in pieces of <paramref name="pieceBytes"/> bytes (cutting JSON and UTF-8
    /// characters), flushing each, within <paramref name="slowFrom"/>..<paramref name="slowTo"/>; elsewhere in large pieces.
    /// </summary>
    public static async Task Trickle(HttpContext context, string contentType, string body, int pieceBytes, TimeSpan pause, int? abortAfterBytes = null, int slowFrom = 0, int slowTo = int.MaxValue)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = contentType;
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        int end = abortAfterBytes ?? bytes.Length;
        for (int at = 0; at < end;)
        {
            int size = at >= slowFrom && at < slowTo ? pieceBytes : Math.Max(1, Math.Min(8192, slowFrom > at ? slowFrom - at : 8192));
            await context.Response.Body.WriteAsync(bytes.AsMemory(at, Math.Min(size, end - at)), context.RequestAborted);
            at += size;
            await context.Response.Body.FlushAsync(context.RequestAborted);
            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, context.RequestAborted);
            }
        }

        if (abortAfterBytes is not null)
        {
            // A reset discards what the client has not read yet; let it read what was sent, then cut.
            await Task.Delay(300);
            context.Abort();
        }
    }
}
