using System;
using BenchmarkDotNet.Running;
using XaiAot.Benchmarks.Data;
using XaiAot.Benchmarks.Infrastructure;

namespace XaiAot.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release -- --filter '*'</c> (see README.md); <c>--profile</c> prints a stage breakdown.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length >= 1 && args[0] == "--profile")
        {
            StreamKind kind = args.Length > 1 ? Enum.Parse<StreamKind>(args[1]) : StreamKind.Synthetic10k;
            StageProfile.RunAsync(kind).GetAwaiter().GetResult();
            return;
        }

        if (args.Length >= 3 && args[0] == "--loop")
        {
            StreamKind kind = args.Length > 3 ? Enum.Parse<StreamKind>(args[3]) : StreamKind.Synthetic10k;
            StageProfile.LoopAsync(args[1], double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), kind).GetAwaiter().GetResult();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
