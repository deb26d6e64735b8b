using System;
using System.Threading;
using System.Threading.Tasks;
using XaiAot.Chat;

namespace XaiAot.Cli;

/// <summary><c>xaiaot models</c>: the models the key can use, one id per line (or the list as one JSON line).</summary>
internal static class ModelsCommand
{
    public static async Task<int> RunAsync(string? baseUrl, bool json, CliContext context, CancellationToken cancellationToken)
    {
        using ApiConnection? connection = ApiConnection.Open(baseUrl, recordOption: null, context, out int exitCode);
        if (connection is null)
        {
            return exitCode;
        }

        using var lines = new JsonLines(context.Out);
        try
        {
            ModelList models = await connection.Client.ListModelsAsync(cancellationToken).ConfigureAwait(false);
            if (json)
            {
                lines.Write(models, XaiChatJsonContext.Default.ModelList);
                return ExitCodes.Success;
            }

            foreach (ModelInfo model in models.Data)
            {
                context.Out.WriteLine(model.OwnedBy is { Length: > 0 } owner ? model.Id + "\t" + owner : model.Id);
            }

            context.Out.Flush();
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (ClientError.From(ex, new Uri(connection.Client.Endpoint, "../models")) is { } error)
        {
            if (json)
            {
                lines.WriteError(error.Report);
            }

            context.Error.WriteLine("xaiaot: " + error.Line);
            return error.ExitCode;
        }
    }
}
