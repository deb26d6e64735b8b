using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using XaiAot.Generators.JsonText;
using XaiAot.Generators.Model;

namespace XaiAot.Generators
{
    /// <summary>Collects diagnostics for one schema file as plain values, once per (id, position).</summary>
    internal sealed class DiagnosticBag
    {
        private readonly string _filePath;
        private readonly List<DiagnosticInfo> _items = new();
        private readonly HashSet<(string, int)> _seen = new();

        public DiagnosticBag(string filePath)
        {
            _filePath = filePath;
        }

        public bool HasErrors { get; private set; }

        public IReadOnlyList<DiagnosticInfo> Items => _items;

        public void Add(DiagnosticDescriptor descriptor, TextPosition at, params string[] args)
        {
            if (!_seen.Add((descriptor.Id, at.Offset)))
            {
                return;
            }

            if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
            {
                HasErrors = true;
            }

            _items.Add(new DiagnosticInfo(descriptor.Id, args.ToEquatableArray(), _filePath, at.Offset, at.Length, at.Line, at.Column));
        }
    }
}
