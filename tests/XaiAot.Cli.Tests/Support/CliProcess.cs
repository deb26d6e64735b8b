using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace XaiAot.Cli.Tests;

/// <summary>
/// Runs the CLI (the XaiAot.Cli.dll built beside the tests) in a child process, for inputs that
/// could end the process outright - a stack overflow cannot be caught, and in-process it would
/// take the test host down with it.
/// </summary>
internal static class CliProcess
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "XaiAot.Cli.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A crash must not print a dump or wait for a debugger.
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("The CLI did not start.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return new CliResult(process.ExitCode, await output, await error);
    }

    // `dotnet test` names the host it runs under; the test host itself runs under it too.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path
        : "dotnet";
}
