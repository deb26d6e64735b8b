using System.Collections.Generic;
using System.Linq;
using XaiAot.Generated.XaiAot;

namespace XaiAot;

/// <summary>
/// The request breaks the xAI schema (a temperature above 2, an unknown reasoning effort, ...) and
/// <see cref="XaiClientOptions.ValidateRequests"/> is on: nothing was sent. Each violation has its
/// JSON Pointer in the request, the keyword and where the schema says it.
/// </summary>
public sealed class XaiRequestValidationException : XaiException
{
    public XaiRequestValidationException(IReadOnlyList<SchemaViolation> violations)
        : base("The request was not sent: it breaks the schema in " + violations.Count + (violations.Count == 1 ? " place: " : " places: ") + string.Join("; ", violations.Take(5)) + (violations.Count > 5 ? "; ..." : string.Empty))
    {
        Violations = violations;
    }

    /// <summary>Every violation found (never empty).</summary>
    public IReadOnlyList<SchemaViolation> Violations { get; }
}
