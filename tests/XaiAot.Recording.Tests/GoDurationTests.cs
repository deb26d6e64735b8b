using System;

namespace XaiAot.Recording.Tests;

public class GoDurationTests
{
    private const long Ms = 1_000_000;
    private const long S = 1_000_000_000;
    private const long Min = 60 * S;
    private const long H = 60 * Min;

    [Theory]
    [InlineData("4.059811333s", 4_059_811_333L)]
    [InlineData("772.578666ms", 772_578_666L)]
    [InlineData("192.518875ms", 192_518_875L)]
    [InlineData("0", 0L)]
    [InlineData("0s", 0L)]
    [InlineData("5s", 5 * S)]
    [InlineData("30s", 30 * S)]
    [InlineData("1478s", 1478 * S)]
    [InlineData("-5s", -5 * S)]
    [InlineData("+5s", 5 * S)]
    [InlineData("-0", 0L)]
    [InlineData("5.6s", 5 * S + 600 * Ms)]
    [InlineData("5.s", 5 * S)]
    [InlineData(".5s", 500 * Ms)]
    [InlineData("1.004s", 1 * S + 4 * Ms)]
    [InlineData("100.00100s", 100 * S + 1 * Ms)]
    [InlineData("10ns", 10L)]
    [InlineData("11us", 11_000L)]
    [InlineData("12µs", 12_000L)] // U+00B5 micro sign, what Go writes
    [InlineData("12μs", 12_000L)] // U+03BC Greek mu, which Go also reads
    [InlineData("13ms", 13 * Ms)]
    [InlineData("14s", 14 * S)]
    [InlineData("15m", 15 * Min)]
    [InlineData("16h", 16 * H)]
    [InlineData("3h30m", 3 * H + 30 * Min)]
    [InlineData("10.5s4m", 4 * Min + 10 * S + 500 * Ms)]
    [InlineData("-2m3.4s", -(2 * Min + 3 * S + 400 * Ms))]
    [InlineData("1h2m3s4ms5us6ns", 1 * H + 2 * Min + 3 * S + 4 * Ms + 5_000 + 6)]
    [InlineData("39h9m14.425s", 39 * H + 9 * Min + 14 * S + 425 * Ms)]
    [InlineData("52763797000ns", 52_763_797_000L)]
    [InlineData("0.3333333333333333333h", 20 * Min)]
    [InlineData("9007199254740993ns", 9_007_199_254_740_993L)]
    [InlineData("9223372036854775807ns", long.MaxValue)]
    [InlineData("-9223372036854775808ns", long.MinValue)]
    [InlineData("0.100000000000000000000h", 6 * Min)]
    public void Parses_like_Go(string text, long nanoseconds)
    {
        Assert.Equal(nanoseconds, GoDuration.ParseNanoseconds(text));
        Assert.True(GoDuration.TryParseNanoseconds(text, out long parsed));
        Assert.Equal(nanoseconds, parsed);
    }

    [Fact]
    public void TimeSpan_keeps_whole_ticks_and_drops_sub_tick_nanoseconds()
    {
        Assert.Equal(TimeSpan.FromTicks(40_598_113), GoDuration.Parse("4.059811333s"));
        Assert.Equal(TimeSpan.FromTicks(7_725_786), GoDuration.Parse("772.578666ms"));
        Assert.Equal(TimeSpan.FromMinutes(90), GoDuration.Parse("1h30m"));
        Assert.True(GoDuration.TryParse("250ms", out TimeSpan value));
        Assert.Equal(TimeSpan.FromMilliseconds(250), value);
    }

    [Theory]
    [InlineData("", "time: invalid duration \"\"")]
    [InlineData("3", "time: missing unit in duration \"3\"")]
    [InlineData("1.5", "time: missing unit in duration \"1.5\"")]
    [InlineData("-", "time: invalid duration \"-\"")]
    [InlineData("s", "time: invalid duration \"s\"")]
    [InlineData(".", "time: invalid duration \".\"")]
    [InlineData("-.", "time: invalid duration \"-.\"")]
    [InlineData(".s", "time: invalid duration \".s\"")]
    [InlineData("+.s", "time: invalid duration \"+.s\"")]
    [InlineData("1d", "time: unknown unit \"d\" in duration \"1d\"")]
    [InlineData("5 parsecs", "time: unknown unit \" parsecs\" in duration \"5 parsecs\"")]
    [InlineData("1.2.3s", "time: missing unit in duration \"1.2.3s\"")]
    [InlineData("9223372036854775808ns", "time: invalid duration \"9223372036854775808ns\"")]
    [InlineData("9223372036854775.808us", "time: invalid duration \"9223372036854775.808us\"")]
    [InlineData("9223372036854ms775us808ns", "time: invalid duration \"9223372036854ms775us808ns\"")]
    [InlineData("3000000h", "time: invalid duration \"3000000h\"")]
    public void Rejects_what_Go_rejects_with_Gos_message(string text, string message)
    {
        FormatException ex = Assert.Throws<FormatException>(() => GoDuration.ParseNanoseconds(text));
        Assert.Equal(message, ex.Message);
        Assert.False(GoDuration.TryParse(text, out _));
    }

    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(1L, "1ns")]
    [InlineData(1_100L, "1.1µs")]
    [InlineData(2_200 * 1000L, "2.2ms")]
    [InlineData(3_300 * Ms, "3.3s")]
    [InlineData(4 * Min + 5 * S, "4m5s")]
    [InlineData(4 * Min + 5001 * Ms, "4m5.001s")]
    [InlineData(5 * H + 6 * Min + 7001 * Ms, "5h6m7.001s")]
    [InlineData(8 * Min + 1, "8m0.000000001s")]
    [InlineData(1 * H, "1h0m0s")]
    [InlineData(4_059_811_333L, "4.059811333s")]
    [InlineData(772_578_666L, "772.578666ms")]
    [InlineData(-1L, "-1ns")]
    [InlineData(-1500 * Ms, "-1.5s")]
    [InlineData(long.MaxValue, "2562047h47m16.854775807s")]
    [InlineData(long.MinValue, "-2562047h47m16.854775808s")]
    public void Formats_like_Go(long nanoseconds, string text)
    {
        Assert.Equal(text, GoDuration.FormatNanoseconds(nanoseconds));
        Assert.Equal(nanoseconds, GoDuration.ParseNanoseconds(text));
    }

    [Fact]
    public void Formats_TimeSpan_and_reads_it_back()
    {
        TimeSpan value = TimeSpan.FromTicks(40_598_113);
        Assert.Equal("4.0598113s", GoDuration.Format(value));
        Assert.Equal(value, GoDuration.Parse(GoDuration.Format(value)));
        Assert.Equal("1m30.25s", GoDuration.Format(TimeSpan.FromSeconds(90.25)));
        Assert.Equal("100ns", GoDuration.Format(TimeSpan.FromTicks(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => GoDuration.Format(TimeSpan.MaxValue));
    }
}
