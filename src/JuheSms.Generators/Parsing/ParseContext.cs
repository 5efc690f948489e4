using System.Collections.Generic;
using JuheSms.Generators.Diagnostics;
using JuheSms.Generators.Model;
using Microsoft.CodeAnalysis;

namespace JuheSms.Generators.Parsing
{
    /// <summary>The state of one parse: the source map and the diagnostics found so far.</summary>
    internal sealed class ParseContext
    {
        private readonly List<DiagnosticInfo> _diagnostics = new List<DiagnosticInfo>();

        public ParseContext(SourceMap map)
        {
            Map = map;
        }

        public SourceMap Map { get; }

        public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

        public int ErrorCount { get; private set; }

        public void Report(DiagnosticDescriptor descriptor, FileSpan location, params string[] arguments)
        {
            if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
            {
                ErrorCount++;
            }

            _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));
        }

        public void ReportFile(FileSpan location, string message) => Report(DiagnosticDescriptors.InvalidFile, location, message);

        public FileSpan SpanOf(JsonNode node) => Map.Span(node.Start, node.ReportEnd);

        public FileSpan NameSpanOf(JsonMember member) => Map.Span(member.NameStart, member.NameEnd);

        /// <summary>The place of the value characters [<paramref name="start"/>, <paramref name="end"/>) of a string node.</summary>
        public FileSpan SpanInString(JsonNode stringNode, int start, int end)
        {
            int[] map = JsonStringMap.Map(Map.Text, stringNode.Start, (stringNode.StringValue ?? string.Empty).Length);
            return Map.Span(map[start], map[end]);
        }
    }
}
