using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace XaiAot.Generators.Tests.Support;

/// <summary>Analyzer config options as MSBuild would pass them: global properties and per-file item metadata.</summary>
internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private static readonly Options Empty = new(new Dictionary<string, string>());
    private readonly Dictionary<string, Options> _files;

    public TestOptionsProvider(Dictionary<string, string> global, Dictionary<string, Dictionary<string, string>> files)
    {
        GlobalOptions = new Options(global);
        _files = new Dictionary<string, Options>();
        foreach (KeyValuePair<string, Dictionary<string, string>> file in files)
        {
            _files[file.Key] = new Options(file.Value);
        }
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _files.TryGetValue(textFile.Path, out Options? options) ? options : Empty;

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public Options(Dictionary<string, string> values)
        {
            _values = values;
        }

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
