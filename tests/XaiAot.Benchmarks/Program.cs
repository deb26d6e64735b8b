using System;
using BenchmarkDotNet.Running;
using XaiAot.Benchmarks.Infrastructure;

namespace XaiAot.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release -- --filter '*'</c> (see README.md); <c>--profile</c> prints a stage breakdown.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length == 1 && args[0] == "--profile")
        {
            StageProfile.RunAsync().GetAwaiter().GetResult();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
