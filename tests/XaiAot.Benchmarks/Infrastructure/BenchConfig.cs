using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using XaiAot.Benchmarks.Data;

namespace XaiAot.Benchmarks.Infrastructure;

/// <summary>
/// A short job (one launch, 3 warmups, 10 measured iterations) so the whole suite runs in a few
/// minutes on two cores. Adds MB/s and bytes per chunk for the streaming benchmarks.
/// </summary>
public class BenchConfig : ManualConfig
{
    public BenchConfig()
        : this(launches: 1, iterations: 10)
    {
    }

    protected BenchConfig(int launches, int iterations)
    {
        AddJob(Job.Default
            .WithLaunchCount(launches)
            .WithWarmupCount(3)
            .WithIterationCount(iterations)
            .WithId(launches == 1 ? "Short" : "Short" + launches.ToString(CultureInfo.InvariantCulture) + "x"));
        AddColumn(new ThroughputColumn(), new BytesPerChunkColumn());
        AddColumn(CategoriesColumn.Default);
        SummaryStyle = SummaryStyle.Default.WithMaxParameterColumnWidth(20);
    }
}

/// <summary>
/// The streaming benchmarks decide the headline targets, and one process's JIT/PGO outcome moves
/// them by up to 10% (measured here): three launches of 6 iterations average that out.
/// </summary>
public sealed class StreamConfig : BenchConfig
{
    public StreamConfig()
        : base(launches: 3, iterations: 6)
    {
    }
}

/// <summary>SSE body bytes / mean time, in MB/s (10^6 bytes), for benchmarks with a <c>Stream</c> parameter.</summary>
internal sealed class ThroughputColumn : IColumn
{
    public string Id => "XaiAot.MBps";
    public string ColumnName => "MB/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "SSE body bytes divided by the mean time, in 10^6 bytes per second";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        if (benchmarkCase.Parameters["Stream"] is not StreamKind kind || summary[benchmarkCase]?.ResultStatistics is not { } stats)
        {
            return "-";
        }

        double seconds = stats.Mean / 1e9;
        return (BenchData.Stream(kind).Length / seconds / 1e6).ToString("N0", CultureInfo.InvariantCulture);
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
    public override string ToString() => ColumnName;
}

/// <summary>Allocated bytes per operation / chunk events in the stream.</summary>
internal sealed class BytesPerChunkColumn : IColumn
{
    public string Id => "XaiAot.BytesPerChunk";
    public string ColumnName => "B/chunk";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 1;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Allocated bytes per operation divided by the chunks (data events other than [DONE]) in the stream";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        if (benchmarkCase.Parameters["Stream"] is not StreamKind kind || summary[benchmarkCase] is not { } report)
        {
            return "-";
        }

        long? bytes = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
        return bytes is null ? "NA" : ((double)bytes.Value / BenchData.ChunkEvents(kind)).ToString("N0", CultureInfo.InvariantCulture);
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
    public override string ToString() => ColumnName;
}
