using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace XaiAot.Generators.Model
{
    /// <summary>
    /// A diagnostic as a plain value (no Location, no descriptor instance) so it can travel through
    /// the incremental pipeline and compare equal across runs; turned into a Roslyn
    /// <see cref="Diagnostic"/> only when reported.
    /// </summary>
    internal sealed record DiagnosticInfo(
        string Id,
        EquatableArray<string> MessageArgs,
        string FilePath,
        int Offset,
        int Length,
        int Line,
        int Column)
    {
        public Diagnostic ToDiagnostic()
        {
            DiagnosticDescriptor descriptor = Diagnostics.ById(Id);
            var span = new TextSpan(Offset, Length);
            var start = new LinePosition(Line, Column);
            var lines = new LinePositionSpan(start, new LinePosition(Line, Column + Length));
            Location location = Location.Create(FilePath, span, lines);
            object[] args = new object[MessageArgs.Count];
            for (int i = 0; i < args.Length; i++)
            {
                args[i] = MessageArgs[i];
            }

            return Diagnostic.Create(descriptor, location, args);
        }

        public override string ToString() =>
            FormattableString.Invariant($"{FilePath}({Line + 1},{Column + 1}): {Id} {string.Join(" | ", MessageArgs)}");
    }
}
