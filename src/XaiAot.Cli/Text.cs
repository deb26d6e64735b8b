using System.Globalization;

namespace XaiAot.Cli;

internal static class Text
{
    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Folds a message onto one line (error lines on standard error are one line each).</summary>
    public static string OneLine(string message) =>
        message.ReplaceLineEndings(" ").Trim();
}
