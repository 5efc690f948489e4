using JuheSms.Generators.Helpers;
using JuheSms.Generators.Model;

namespace JuheSms.Generators.Parsing
{
    /// <summary>
    /// What parsing one templates file gives: the model to emit (null when the file is unusable) and the diagnostics.
    /// Equatable, so the generator's Parse step caches it.
    /// </summary>
    internal sealed record TemplatesParseResult(TemplatesFileSpec? File, EquatableArray<DiagnosticInfo> Diagnostics);
}
