using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace JuheSms.Generators.Model
{
    /// <summary>
    /// A place in a templates file: the character span and its line/column span. Plain values (no <see cref="Location"/>),
    /// so that models and diagnostics holding it stay equatable and cacheable.
    /// </summary>
    internal readonly record struct FileSpan(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
    {
        public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
    }
}
